import { isStopWord, rawTokens, removeGenderMarks } from './analyze';
import type { LanguageCode } from './lang';

/**
 * Grammatical number of a job title's head word. ISCO groups are named in the plural in every
 * language ("Conducteurs d'autobus et de tramways", "Heavy Truck and Bus Drivers") and ESCO
 * occupations in the singular ("conducteur d'autobus"), so a title naming one person ("Conducteur
 * d'autobus (h/f/x)") asks for an occupation, while a plural classification title ("Financial
 * Managers") may well ask for a group.
 *
 * The head is the last content word of a phrase in English and Dutch (a phrase ends at a comma,
 * a bracket, a dash or a preposition: "Teachers, Postsecondary", "Supervisors of Police"), and
 * the first content word in the Romance languages ("Conducteur de camion"). An English or Dutch
 * title is plural when the head of any of its comma-separated parts is ("Transportation, Storage,
 * and Distribution Managers"). Plural is told by the regular endings only (-s, -x, -men, Dutch
 * -en, Italian -i); a singular word with such an ending ("commis", "sales") reads as plural, which
 * leaves the title where no rule would have put it.
 */

const headLast: Partial<Record<string, Set<string>>> = {
  en: new Set(['of', 'for', 'in', 'at', 'to', 'with', 'on', 'from', 'by', 'except', 'including']),
  nl: new Set(['van', 'voor', 'in', 'bij', 'met', 'op', 'aan', 'behalve']),
};
const headFirst = new Set(['fr', 'es', 'it', 'pt']);

const pluralEnding: Partial<Record<string, (word: string) => boolean>> = {
  en: (w) => w.endsWith('men') || (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)),
  fr: (w) => /[sx]$/.test(w) && !w.endsWith('ss'),
  es: (w) => w.endsWith('s'),
  pt: (w) => w.endsWith('s'),
  it: (w) => w.endsWith('i'),
  nl: (w) => /(?:en|s)$/.test(w) && !/(?:heid|ss)$/.test(w),
};

/** True when a word (lower case) has a plural ending of the language. Words of three letters or fewer are never plural. */
export function isPluralWord(word: string, lang: LanguageCode): boolean {
  const test = pluralEnding[lang];
  return test !== undefined && word.length > 3 && test(word);
}

/**
 * Whether a job title is plural (its head word has a plural ending), singular, or unknown
 * (`undefined`: a language without rules here, such as German, whose plurals are often
 * unmarked, or a title without content words).
 */
export function isPluralTitle(text: string, lang: LanguageCode): boolean | undefined {
  const phraseEnds = headLast[lang];
  if (phraseEnds === undefined && !headFirst.has(lang)) return undefined;
  const parts = removeGenderMarks(text).split(/[,;:([\]|–—]|\s-\s/);
  if (phraseEnds === undefined) {
    const first = rawTokens(parts[0] ?? '', lang).find((w) => !isStopWord(w, lang));
    return first === undefined ? undefined : isPluralWord(first, lang);
  }
  let seen = false;
  for (const part of parts) {
    const tokens = rawTokens(part, lang);
    const end = tokens.findIndex((w, i) => i > 0 && phraseEnds.has(w));
    const phrase = (end > 0 ? tokens.slice(0, end) : tokens).filter((w) => !isStopWord(w, lang));
    const head = phrase[phrase.length - 1];
    if (head === undefined) continue;
    if (isPluralWord(head, lang)) return true;
    seen = true;
  }
  return seen ? false : undefined;
}
