import { jaroWinkler, nameTokens, phoneticKey } from '../text/transliterate';

/**
 * Duplicate people (the same person registered twice, often by two counsellors in two countries,
 * with the name once in Arabic script and once in Latin letters). Pure functions: the store finds
 * candidates by the keys below, this module scores them.
 */

/** What duplicate detection knows about a person. */
export interface DuplicateProbe {
  names: string[];
  birthDate: string | null;
  birthDateApproximate: boolean;
  phones: string[];
  documentNumbers: string[];
}

/** The keys a store indexes to find candidates quickly. */
export interface PersonMatchKeys {
  /** Phonetic key of every name token. */
  nameKeys: string[];
  /** Sorted pairs of the token keys of each name ("hsn|mhmd"): selective even for common names. */
  namePairKeys: string[];
  /** The last 9 digits of each phone number. */
  phoneKeys: string[];
  /** Document numbers, upper case, letters and digits only. */
  documentKeys: string[];
}

/** The parameters of the duplicate score, documented in one place. */
export const duplicateScoring = {
  /** Weight of the name similarity (0-1). */
  name: 0.5,
  /** Added when both full birth dates are equal. */
  sameBirthDate: 0.3,
  /** Added when the years are equal and one date is approximate. */
  sameBirthYear: 0.15,
  /** Subtracted when both dates are known, exact and different. */
  differentBirthDate: 0.25,
  /** Added when a phone number is shared (family members share phones, so this alone is not enough). */
  samePhone: 0.25,
  /** Added when an identity document number is shared. */
  sameDocument: 0.5,
  /** Token similarities below this count as no match. */
  tokenFloor: 0.75,
  /** Candidates scoring below this are not reported. */
  threshold: 0.6,
} as const;

export type DuplicateReason =
  | 'same_name'
  | 'similar_name'
  | 'same_birth_date'
  | 'same_birth_year'
  | 'different_birth_date'
  | 'same_phone'
  | 'same_document_number';

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

/** The comparable form of a phone number: its last 9 digits (national number without prefixes); null when too short. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return null;
  return digits.slice(-9);
}

/** The comparable form of a document number. */
export function documentKey(number: string): string | null {
  const k = number.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return k.length >= 4 ? k : null;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** The index keys of a probe. */
export function personMatchKeys(probe: DuplicateProbe): PersonMatchKeys {
  const nameKeys: string[] = [];
  const namePairKeys: string[] = [];
  for (const name of probe.names) {
    const keys = uniq(
      nameTokens(name)
        .map(phoneticKey)
        .filter((k) => k.length >= 2),
    );
    nameKeys.push(...keys);
    if (keys.length === 1) namePairKeys.push(keys[0]!);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) namePairKeys.push([keys[i]!, keys[j]!].sort().join('|'));
    }
  }
  return {
    nameKeys: uniq(nameKeys),
    namePairKeys: uniq(namePairKeys),
    phoneKeys: uniq(probe.phones.map(phoneKey).filter((k): k is string => k !== null)),
    documentKeys: uniq(probe.documentNumbers.map(documentKey).filter((k): k is string => k !== null)),
  };
}

function tokenSimilarity(a: string, b: string): number {
  const byKey = jaroWinkler(phoneticKey(a), phoneticKey(b));
  const bySpelling = jaroWinkler(a, b);
  return 0.7 * byKey + 0.3 * bySpelling;
}

/** How much `from`'s tokens are found in `to`'s (average best match, with a floor). */
function coverage(from: string[], to: string[]): number {
  if (from.length === 0 || to.length === 0) return 0;
  let sum = 0;
  for (const a of from) {
    let best = 0;
    for (const b of to) best = Math.max(best, tokenSimilarity(a, b));
    sum += best >= duplicateScoring.tokenFloor ? best : 0;
  }
  return sum / from.length;
}

/**
 * Similarity of two people's names, 0-1, across scripts and spellings and regardless of word
 * order; the best pair among all the names each person is known by.
 */
export function nameSimilarity(namesA: string[], namesB: string[]): number {
  let best = 0;
  for (const a of namesA) {
    const ta = nameTokens(a);
    for (const b of namesB) {
      const tb = nameTokens(b);
      best = Math.max(best, (coverage(ta, tb) + coverage(tb, ta)) / 2);
    }
  }
  return best;
}

/** Scores how likely two probes are the same person, with the reasons. */
export function scoreDuplicate(a: DuplicateProbe, b: DuplicateProbe): DuplicateScore {
  const w = duplicateScoring;
  const reasons: DuplicateReason[] = [];
  const names = nameSimilarity(a.names, b.names);
  let score = w.name * names;
  if (names >= 0.98) reasons.push('same_name');
  else if (names >= 0.85) reasons.push('similar_name');

  if (a.birthDate && b.birthDate) {
    if (a.birthDate === b.birthDate) {
      score += w.sameBirthDate;
      reasons.push('same_birth_date');
    } else if (
      (a.birthDateApproximate || b.birthDateApproximate) &&
      a.birthDate.slice(0, 4) === b.birthDate.slice(0, 4)
    ) {
      score += w.sameBirthYear;
      reasons.push('same_birth_year');
    } else if (!a.birthDateApproximate && !b.birthDateApproximate) {
      score -= w.differentBirthDate;
      reasons.push('different_birth_date');
    }
  }
  const ka = personMatchKeys(a);
  const kb = personMatchKeys(b);
  if (ka.phoneKeys.some((p) => kb.phoneKeys.includes(p))) {
    score += w.samePhone;
    reasons.push('same_phone');
  }
  if (ka.documentKeys.some((d) => kb.documentKeys.includes(d))) {
    score += w.sameDocument;
    reasons.push('same_document_number');
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}
