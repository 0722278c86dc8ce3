import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConceptLabels } from '../api/concept-labels';
import { useRecordNames } from '../api/names';
import type { Match } from '../api/resources';
import { formatList, formatPercent } from '../i18n/format';
import { useCriterionLabel } from './labels';
import { ScoreBar } from './ui';
import { isolate } from '../i18n/rtl';

/** One match with why it was proposed: scores per criterion, matched and missing skills, trainings closing the gap. */
export function MatchCard({
  match,
  headingLevel = 3,
  actions,
  openReasons = false,
}: {
  match: Match;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  openReasons?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(openReasons);
  const names = useRecordNames(
    match.organisation || !match.organisationId ? [] : [['organisation', match.organisationId] as const],
  );
  const organisation =
    match.organisation ?? (match.organisationId ? names('organisation', match.organisationId) : null);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card match" aria-label={match.title}>
      <header className="match-head">
        <H className="match-title">{match.title}</H>
        <span
          className="match-score"
          aria-label={t('matches.score', 'Score {{score}}', {
            score: formatPercent(match.score, i18n.language),
          })}
        >
          {formatPercent(match.score, i18n.language)}
        </span>
      </header>
      {organisation || match.place ? (
        <p className="muted">{[organisation, match.place].filter(Boolean).map(isolate).join(' · ')}</p>
      ) : null}
      <details className="why" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('matches.why', 'Why this match')}</summary>
        {open ? <MatchReasons match={match} /> : null}
      </details>
      {actions ? <div className="button-row">{actions}</div> : null}
    </article>
  );
}

function MatchReasons({ match }: { match: Match }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const criterion = useCriterionLabel();
  const uris = [
    ...match.matchedSkills,
    ...match.missingSkills,
    ...match.gapTrainings.flatMap((g) => g.covers),
  ]
    .filter((s) => s.label === null)
    .map((s) => s.uri);
  const label = useConceptLabels(uris, lang);
  const skill = (s: { uri: string; label: string | null }) => s.label ?? label(s.uri) ?? '…';
  const names = useRecordNames(
    match.gapTrainings.filter((g) => !g.title).map((g) => ['training', g.id] as const),
  );
  const howLabel = (how: string | null) =>
    how === 'near'
      ? t('matches.near', 'close skill')
      : how === 'inferred'
        ? t('matches.inferred', 'inferred from past work')
        : null;
  return (
    <>
      {match.criteria.length > 0 ? (
        <ul className="criteria">
          {match.criteria.map((c) => (
            <li key={c.name}>
              <span>{criterion(c.name)}</span>
              <ScoreBar value={c.score} label={criterion(c.name)} text={formatPercent(c.score, lang)} />
            </li>
          ))}
        </ul>
      ) : null}
      {match.matchedSkills.length > 0 ? (
        <>
          <h4>{t('matches.matchedSkills', 'Skills that match')}</h4>
          <ul className="chips">
            {match.matchedSkills.map((s) => (
              <li key={s.uri} className="chip chip-ok">
                {skill(s)}
                {howLabel(s.how) ? <span className="chip-note"> ({howLabel(s.how)})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {match.missingSkills.length > 0 ? (
        <>
          <h4>{t('matches.missingSkills', 'Missing essential skills')}</h4>
          <ul className="chips">
            {match.missingSkills.map((s) => (
              <li key={s.uri} className="chip chip-missing">
                {skill(s)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {match.gapTrainings.length > 0 ? (
        <>
          <h4>{t('matches.gapTrainings', 'Trainings that close the gap')}</h4>
          <ul className="rows">
            {match.gapTrainings.map((g) => (
              <li key={g.id}>
                <strong>{g.title ?? names('training', g.id) ?? '…'}</strong>
                <span className="muted">
                  {g.covers.length
                    ? t('matches.covers', 'covers: {{skills}}', {
                        skills: formatList(g.covers.map(skill), i18n.language),
                      })
                    : ''}
                </span>
              </li>
            ))}
          </ul>
          {match.scoreAfter !== null ? (
            <p className="muted">
              {t('matches.scoreAfter', 'score after: {{score}}', {
                score: formatPercent(match.scoreAfter, lang),
              })}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
