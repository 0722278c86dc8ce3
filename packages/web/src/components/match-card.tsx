import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../api/resources';
import { formatPercent } from '../i18n/format';
import { useCriterionLabel } from './labels';
import { ScoreBar } from './ui';

/** One match with why it was proposed: scores per criterion, matched and missing skills, trainings closing the gap. */
export function MatchCard({
  match,
  headingLevel = 3,
  actions,
}: {
  match: Match;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const criterion = useCriterionLabel();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const howLabel = (how: string | null) =>
    how === 'near' || how === 'close' || how === 'related'
      ? t('matches.near', 'close skill')
      : how === 'inferred' || how === 'implied'
        ? t('matches.inferred', 'inferred from past work')
        : null;
  return (
    <article className="card match" aria-label={match.title}>
      <header className="match-head">
        <H className="match-title">{match.title}</H>
        <span className="match-score">{formatPercent(match.score, lang)}</span>
      </header>
      {match.organisation || match.place ? (
        <p className="muted">{[match.organisation, match.place].filter(Boolean).join(' · ')}</p>
      ) : null}
      <details className="why">
        <summary>{t('matches.why', 'Why this match')}</summary>
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
                <li key={s.label} className="chip chip-ok">
                  {s.label}
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
                <li key={s} className="chip chip-missing">
                  {s}
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
                <li key={g.id || g.title}>
                  <strong>{g.title}</strong>
                  <span className="muted">
                    {g.covers.length
                      ? t('matches.covers', 'covers: {{skills}}', { skills: g.covers.join(', ') })
                      : ''}
                    {g.scoreAfter !== null
                      ? ` · ${t('matches.scoreAfter', 'score after: {{score}}', { score: formatPercent(g.scoreAfter, lang) })}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      {actions ? <div className="button-row">{actions}</div> : null}
    </article>
  );
}
