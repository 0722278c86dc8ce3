import { baseLanguage } from './languages';

/** Scripts written right to left, by base language (Arabic, Sorani Kurdish, Persian, Hebrew, Urdu, Pashto...). */
const rightToLeft = new Set(['ar', 'ckb', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'arc', 'syr']);

export type Direction = 'ltr' | 'rtl';

/**
 * The one helper that decides text direction. Everything that sets `dir` (the page, an
 * interview column in the person's language, a free-text field) asks this.
 */
export function directionOf(language: string): Direction {
  const lower = language.toLowerCase();
  if (lower.includes('-latn')) return 'ltr';
  if (lower.includes('-arab')) return 'rtl';
  return rightToLeft.has(baseLanguage(lower)) ? 'rtl' : 'ltr';
}

/** True when the language is written right to left. */
export function isRtl(language: string): boolean {
  return directionOf(language) === 'rtl';
}

/**
 * A piece of text isolated from its neighbours' direction (Unicode FSI … PDI), for lines that join
 * pieces in different scripts: "Lagos Security Services · ٢٢ تشرینی دووەم" would otherwise be
 * reordered across the separator in a right-to-left page. Empty for a missing piece.
 */
export function isolate(text: string | null | undefined | false): string {
  return text ? `\u2068${text}\u2069` : '';
}
