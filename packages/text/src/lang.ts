import { stemmer as stemArabic } from '@orama/stemmers/arabic';
import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';

/** Languages with language-specific rules (stemming, stop words, gendered forms). Others get the generic path. */
export const textLanguages = ['en', 'fr', 'nl', 'de', 'es', 'it', 'pt', 'ar'] as const;
export type TextLanguage = (typeof textLanguages)[number];

/** ISO 639-1 code of any language; the ones in {@link textLanguages} get specific rules. */
export type LanguageCode = string;

const stemmers: Record<TextLanguage, (word: string) => string> = {
  en: stemEnglish,
  fr: stemFrench,
  nl: stemDutch,
  de: stemGerman,
  es: stemSpanish,
  it: stemItalian,
  pt: stemPortuguese,
  ar: stemArabic,
};

/** True when the language has specific rules here. */
export function isTextLanguage(lang: string): lang is TextLanguage {
  return (textLanguages as readonly string[]).includes(lang);
}

/** The Snowball stemmer of a language (from @orama/stemmers), or the identity for other languages. */
export function stemmerFor(lang: LanguageCode): (word: string) => string {
  return isTextLanguage(lang) ? stemmers[lang] : (w) => w;
}

const languageHints: Record<Exclude<TextLanguage, 'ar'>, string[]> = {
  en: [
    'and',
    'of',
    'the',
    'with',
    'for',
    'in',
    'to',
    'experience',
    'worker',
    'manager',
    'engineer',
    'assistant',
    'officer',
    'operator',
    'technician',
    'i',
    'have',
    'years',
  ],
  fr: [
    'et',
    'de',
    'des',
    'du',
    'la',
    'le',
    'les',
    'en',
    'avec',
    'pour',
    'un',
    'une',
    'ouvrier',
    'agent',
    'responsable',
    'technicien',
    'vendeur',
    'chauffeur',
    'conducteur',
    'ans',
    'j',
    'ai',
    'pas',
    'h',
    'f',
    'x',
  ],
  nl: [
    'en',
    'van',
    'de',
    'het',
    'een',
    'met',
    'voor',
    'in',
    'medewerker',
    'verantwoordelijke',
    'bediende',
    'arbeider',
    'jaar',
    'ik',
    'heb',
    'geen',
    'm',
    'v',
  ],
  de: [
    'und',
    'der',
    'die',
    'das',
    'mit',
    'für',
    'im',
    'von',
    'mitarbeiter',
    'leiter',
    'fachkraft',
    'kaufmann',
    'jahre',
    'ich',
    'habe',
    'keine',
    'w',
    'd',
  ],
  es: [
    'y',
    'de',
    'del',
    'la',
    'el',
    'los',
    'las',
    'con',
    'para',
    'en',
    'un',
    'una',
    'técnico',
    'tecnico',
    'auxiliar',
    'operario',
    'años',
    'anos',
    'tengo',
  ],
  it: ['e', 'di', 'del', 'della', 'il', 'la', 'con', 'per', 'addetto', 'tecnico', 'operaio', 'anni'],
  pt: ['e', 'de', 'do', 'da', 'o', 'a', 'com', 'para', 'em', 'técnico', 'auxiliar', 'operador', 'anos'],
};

/**
 * A cheap language guess for short texts: Arabic script, then function words and typical title
 * words. Returns `fallback` when nothing points anywhere.
 */
export function detectLanguage(text: string, fallback: TextLanguage = 'en'): TextLanguage {
  if (/[\u0600-\u06FF]/.test(text)) return 'ar';
  const words = text
    .toLocaleLowerCase('und')
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
  let best: TextLanguage = fallback;
  let bestScore = 0;
  for (const [lang, hints] of Object.entries(languageHints) as [TextLanguage, string[]][]) {
    let score = 0;
    for (const w of words) if (hints.includes(w)) score += 1;
    if (lang === 'fr' && /[éèêàçù]|\b[ldj]'/i.test(text)) score += 1.5;
    if (lang === 'de' && /[äöüß]/i.test(text)) score += 1.5;
    if (lang === 'nl' && /(ij|aa|oo|ee|uu)/i.test(text)) score += 0.3;
    if (lang === 'es' && /[ñ¿¡]/i.test(text)) score += 1.5;
    if (score > bestScore) {
      bestScore = score;
      best = lang;
    }
  }
  return best;
}
