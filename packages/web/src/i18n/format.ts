/** Dates and numbers in the reader's language, through Intl (no date library in the bundle). */
import { baseLanguage } from './languages';
import { isRtl } from './rtl';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Sorani month names (CLDR's, as Node's full ICU writes them), for browsers whose Intl has no Sorani. */
const soraniMonths = [
  'کانوونی دووەم',
  'شوبات',
  'ئازار',
  'نیسان',
  'ئایار',
  'حوزەیران',
  'تەمووز',
  'ئاب',
  'ئەیلوول',
  'تشرینی یەکەم',
  'تشرینی دووەم',
  'کانونی یەکەم',
];

const dateData = new Map<string, boolean>();
/** Whether this runtime's Intl has date data for the language (Chromium's ICU has no Sorani). */
function hasDateData(language: string): boolean {
  let known = dateData.get(language);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;
    dateData.set(language, known);
  }
  return known;
}

/**
 * A day written without Intl, for a language the runtime has no date data for (Sorani in
 * Chromium, where Intl writes "2025 M09 2" or falls back to English); null for other languages.
 * CLDR's Sorani pattern, with the Latin digits Chromium also uses for Sorani numbers.
 */
export function fallbackDate(language: string, year: number, monthIndex: number, day: number): string | null {
  if (baseLanguage(language) !== 'ckb') return null;
  return `${day}ی ${soraniMonths[monthIndex] ?? monthIndex + 1}ی ${year}`;
}

/** A calendar date with the month in words, e.g. 3 Mar 2026 / ٣ مارس ٢٠٢٦. Returns '' for a missing or invalid date. */
export function formatDate(value: string | number | Date | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  // A calendar day (YYYY-MM-DD: a follow-up, a closure, a return date) is read as midnight UTC:
  // shown in UTC, it stays the same day west of Greenwich (El Salvador, Colombia...), not the day before.
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!hasDateData(language)) {
    const text = day
      ? fallbackDate(language, d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
      : fallbackDate(language, d.getFullYear(), d.getMonth(), d.getDate());
    if (text) return text;
  }
  return cached(
    `d:${day ? 'utc:' : ''}${language}`,
    () =>
      new Intl.DateTimeFormat(language, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        ...(day ? { timeZone: 'UTC' } : {}),
      }),
  ).format(d);
}

/**
 * A date as a CV gives it (YYYY, YYYY-MM or YYYY-MM-DD): the year alone, the month and year, or
 * the day, in the reader's language. Returns '' for a missing or malformed date.
 */
export function formatPartialDate(value: string | null | undefined, language: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value ?? '');
  if (!m) return '';
  if (m[3]) return formatDate(value, language);
  const year = Number(m[1]);
  if (!m[2]) return hasDateData(language) ? formatYear(year, language) : String(year);
  const month = Number(m[2]) - 1;
  if (!hasDateData(language) && baseLanguage(language) === 'ckb')
    return `${soraniMonths[month] ?? m[2]}ی ${year}`;
  return cached(
    `ym:${language}`,
    () => new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year, month, 1)));
}

function formatYear(year: number, language: string): string {
  return cached(
    `y:${language}`,
    () => new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year, 6, 1)));
}

/** A date with the time of day. */
export function formatDateTime(value: string | number | Date | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  if (!hasDateData(language)) {
    const text = fallbackDate(language, d.getFullYear(), d.getMonth(), d.getDate());
    const pad = (n: number) => String(n).padStart(2, '0');
    if (text) return `${text} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return cached(
    `dt:${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(d);
}

/** A whole or decimal number with the language's digits and separators. */
export function formatNumber(
  value: number,
  language: string,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `n:${language}:${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(language, options)).format(value);
}

/** A share between 0 and 1 as a percentage: 0.82 → 82 %. */
export function formatPercent(share: number, language: string): string {
  return formatNumber(share, language, { style: 'percent', maximumFractionDigits: 0 });
}

/** "in 3 days" / "2 days ago", relative to `now`. */
export function formatRelativeDays(value: string | Date, language: string, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return '';
  const days = Math.round((d.getTime() - now.getTime()) / 86_400_000);
  return cached(`r:${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' })).format(
    days,
    'day',
  );
}

/**
 * Items of a list (field names, skills, places) joined with the comma of the reader's script: the
 * Arabic comma in Arabic and Sorani. Intl.ListFormat would add "and" ("و") before the last item.
 */
export function formatList(items: readonly string[], language: string): string {
  return items.join(isRtl(language) ? '، ' : ', ');
}
