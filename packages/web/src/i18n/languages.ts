/** The interface languages, in the order the switcher shows them. */
export const supportedLanguages = ['en', 'fr', 'nl', 'ar', 'ckb'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Each language's name written in itself, for the switcher. */
export const languageNames: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
  ar: 'العربية',
  ckb: 'کوردیی ناوەندی',
};

/** True when `value` is one of the interface languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** The base language of a BCP 47 tag: `ar-IQ` → `ar`, `ckb_IQ` → `ckb`. */
export function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The first of the browser's preferred languages that Passerelle speaks, else English.
 * Sorani is often announced as `ku` or `ku-Arab` by browsers; both map to `ckb`.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const base = baseLanguage(lower);
    if (base === 'ku' && !lower.includes('latn')) return 'ckb';
    if (isLanguage(base)) return base;
  }
  return 'en';
}
