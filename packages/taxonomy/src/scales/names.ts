import countryCodes from 'i18n-iso-countries';
import iso6391 from 'iso-639-1';
import { locales, type Locale } from '@passerelle/core';
import type { Localized, ReferenceScale, ScaleItem } from './types';

/**
 * Countries (ISO 3166-1 alpha-2) and languages (ISO 639) with names in the interface languages.
 * The code lists come from i18n-iso-countries and iso-639-1; the names from the CLDR data of the
 * ICU that Node ships (`Intl.DisplayNames`), which covers Sorani Kurdish (`ckb`) too. Where CLDR
 * has no name in a language (in Node 22's ICU 78: the British Indian Ocean Territory and nine
 * rare languages in ckb), the English name is used.
 */

function displayNames(
  type: 'region' | 'language',
  code: string,
  overrides: Partial<Record<string, Localized>> = {},
): Localized {
  const override = overrides[code];
  if (override) return override;
  const english = new Intl.DisplayNames(['en'], { type, fallback: 'none' }).of(code) ?? code;
  return Object.fromEntries(
    locales.map((l) => [l, new Intl.DisplayNames([l], { type, fallback: 'none' }).of(code) ?? english]),
  ) as Localized;
}

/** Languages of ISO 639-2/3 that these programmes meet and ISO 639-1 lacks. */
export const extraLanguageCodes = [
  'ckb', // Central Kurdish (Sorani)
  'kmr', // Northern Kurdish (Kurmanji)
  'sdh', // Southern Kurdish
  'zza', // Zaza
  'prs', // Dari
  'bal', // Baluchi
  'brh', // Brahui
  'rhg', // Rohingya
  'arz', // Egyptian Arabic
  'ary', // Moroccan Arabic
  'tig', // Tigre
  'bej', // Beja
  'tzm', // Central Atlas Tamazight
  'kab', // Kabyle
  'shi', // Tachelhit
  'rif', // Riffian
  'tmh', // Tamashek
  'snk', // Soninke
  'dyu', // Dyula
  'man', // Mandingo
  'sus', // Susu
  'men', // Mende
  'tem', // Timne
  'kri', // Krio
  'pcm', // Nigerian Pidgin
] as const;

// CLDR calls Kurmanji just "Kurdish" (like `ku`): name it so the two can be told apart.
const languageOverrides: Partial<Record<string, Localized>> = {
  kmr: {
    en: 'Northern Kurdish (Kurmanji)',
    fr: 'kurde du Nord (kurmandji)',
    nl: 'Noord-Koerdisch (Kurmanci)',
    ar: 'الكردية الشمالية (الكرمانجية)',
    ckb: 'کوردیی باکووری (کورمانجی)',
  },
};

let countriesCache: ReferenceScale | null = null;
let languagesCache: ReferenceScale | null = null;

export function countries(): ReferenceScale {
  countriesCache ??= {
    id: 'countries',
    name: { en: 'Countries', fr: 'Pays', nl: 'Landen', ar: 'البلدان', ckb: 'وڵاتان' },
    source: 'ISO 3166-1 alpha-2 (i18n-iso-countries); names from CLDR (Intl.DisplayNames)',
    items: Object.keys(countryCodes.getAlpha2Codes())
      .sort()
      .map((code): ScaleItem => ({ code, label: displayNames('region', code) })),
  };
  return countriesCache;
}

export function languages(): ReferenceScale {
  languagesCache ??= {
    id: 'languages',
    name: { en: 'Languages', fr: 'Langues', nl: 'Talen', ar: 'اللغات', ckb: 'زمانەکان' },
    source: 'ISO 639-1 (iso-639-1) and selected ISO 639-2/3 codes; names from CLDR (Intl.DisplayNames)',
    items: [...new Set([...iso6391.getAllCodes(), ...extraLanguageCodes])]
      .sort()
      .map((code): ScaleItem => ({ code, label: displayNames('language', code, languageOverrides) })),
  };
  return languagesCache;
}

/** The name of a language in an interface language (any BCP 47 code; English when unknown). */
export function languageName(code: string, locale: Locale): string {
  return displayNames('language', code, languageOverrides)[locale];
}
