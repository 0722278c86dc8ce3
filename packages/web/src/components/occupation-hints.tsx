import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client';
import { endpoints } from '../api/endpoints';

export interface OccupationChoice {
  uri: string;
  label: string;
}

/** What the words typed in a search box may mean as occupations (from `POST /api/text/suggest`), best first. */
export function useOccupationHints(text: string, delayMs = 350): OccupationChoice[] {
  const [hints, setHints] = useState<OccupationChoice[]>([]);
  useEffect(() => {
    const words = text.trim();
    if (words.length < 3) {
      setHints([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      post<{ occupations?: { uri: string; label: string; score: number }[] }>(endpoints.textSuggest, {
        text: words,
        limit: 3,
      })
        .then((body) => {
          if (cancelled) return;
          const found = body?.occupations ?? [];
          const best = found[0]?.score ?? 0;
          // Only the readings close to the best one: a weak third guess is noise.
          setHints(found.filter((o) => o.score >= best * 0.6).map((o) => ({ uri: o.uri, label: o.label })));
        })
        .catch(() => {
          if (!cancelled) setHints([]);
        });
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, delayMs]);
  return hints;
}

/**
 * Under a search box: the occupations the words may mean, to search by meaning (in any language,
 * through the taxonomy) instead of by the words; and the chosen one, to go back to the words.
 */
export function OccupationHints({
  hints,
  chosen,
  onChoose,
}: {
  hints: OccupationChoice[];
  chosen: OccupationChoice | null;
  onChoose: (choice: OccupationChoice | null) => void;
}) {
  const { t } = useTranslation();
  if (chosen)
    return (
      <ul className="chips" aria-label={t('search.byMeaning', 'Search by occupation')}>
        <li className="chip chip-ok">
          {t('search.meaning', 'Occupation: {{label}}', { label: chosen.label })}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('search.backToWords', 'Search by the words again')}
            onClick={() => onChoose(null)}
          >
            ×
          </button>
        </li>
      </ul>
    );
  if (hints.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('search.byMeaning', 'Search by occupation')}>
      {hints.map((h) => (
        <li key={h.uri} className="chip chip-suggest">
          <button type="button" onClick={() => onChoose(h)}>
            {t('search.meaning', 'Occupation: {{label}}', { label: h.label })}
          </button>
        </li>
      ))}
    </ul>
  );
}
