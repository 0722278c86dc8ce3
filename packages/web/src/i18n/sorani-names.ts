import languages from 'cldr-localenames-full/main/ckb/languages.json';
import territories from 'cldr-localenames-full/main/ckb/territories.json';

const regions: Record<string, string> = territories.main.ckb.localeDisplayNames.territories;
const languageNames: Record<string, string> = languages.main.ckb.localeDisplayNames.languages;

/** The code Intl canonicalises `code` to (CLDR's aliases: UK → GB, kmr → ku, iw → he), or null. */
function canonical(canonicalise: () => string | undefined): string | null {
  try {
    return canonicalise() ?? null;
  } catch {
    return null;
  }
}

/**
 * Country and language names in Sorani from Unicode CLDR (the `cldr-localenames-full` package),
 * for browsers whose Intl has no Sorani data (Chromium), where Intl.DisplayNames falls back to
 * English. Loaded on demand (its own chunk), only by Sorani readers on such browsers. A code is
 * looked up as given, then as Intl canonicalises it (a deprecated or macrolanguage code); what
 * CLDR does not name in Sorani is undefined, and the caller falls back to Intl's English name.
 */
export const soraniNames = {
  region(code: string): string | undefined {
    const upper = code.toUpperCase();
    const alias = canonical(() => new Intl.Locale(`und-${upper}`).region);
    return regions[upper] ?? (alias ? regions[alias] : undefined);
  },
  language(code: string): string | undefined {
    const alias = canonical(() => Intl.getCanonicalLocales(code)[0]);
    return (
      languageNames[code] ?? languageNames[code.toLowerCase()] ?? (alias ? languageNames[alias] : undefined)
    );
  },
};

export type SoraniNames = typeof soraniNames;
