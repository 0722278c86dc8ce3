import { defaultPersonSensitiveFields } from '@passerelle/core';

/** The parts of a match explanation that depend on what is known about the person. */
interface Explanation {
  score: number;
  admitted: boolean;
  criteria: unknown[];
  skills?: unknown;
  trainings?: unknown;
  closesGaps?: unknown;
}

/**
 * What a caller who sees only part of a person (an employer or a provider, through the fields the
 * person agreed to share) is told of why the person matches: the score, and the skill match and
 * gap-closing trainings only when the person shares their skills. The criteria's details (region,
 * limitations, hours, education, aspirations...) would tell what the person chose not to share.
 * Callers who see the ordinary profile get the explanation unchanged.
 */
export function explanationForView<E extends Explanation>(
  explanation: E,
  shown: Record<string, unknown>,
  held: Record<string, unknown>,
): E {
  const partial = Object.keys(held).some((k) => !(k in shown) && !defaultPersonSensitiveFields.includes(k));
  if (!partial) return explanation;
  const limited: Explanation = { score: explanation.score, admitted: explanation.admitted, criteria: [] };
  if ('skills' in shown) {
    if (explanation.skills !== undefined) limited.skills = explanation.skills;
    if (explanation.trainings !== undefined) limited.trainings = explanation.trainings;
    if (explanation.closesGaps !== undefined) limited.closesGaps = explanation.closesGaps;
  }
  return limited as E;
}
