import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, pickLanguage, type Language } from './languages';
import { directionOf } from './rtl';
// English ships in the main chunk: it is the fallback of every language, and English readers then
// need no second round trip before the first screen.
import english from '../locales/en/translation.json';

const storageKey = 'passerelle.language';

// One chunk per language: only the reader's language is downloaded.
const bundles = import.meta.glob<{ default: Record<string, string> }>('../locales/*/translation.json');

/** Downloads a language's strings once and adds them to i18next. */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const load = bundles[`../locales/${language}/translation.json`];
  if (!load) throw new Error(`no strings for ${language}`);
  const mod = await load();
  i18next.addResourceBundle(language, 'translation', mod.default, true, true);
}

/** The language to open in: the one chosen before on this device, else the browser's, else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage may be disabled; fall through to the browser's languages
  }
  return pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Sets `lang` and `dir` on the document from the one direction helper. */
function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Starts i18next in the given language (strings loaded first, so nothing flashes in English). */
export async function startI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: english } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: false },
  });
  await loadLanguage(language);
  applyToDocument(language);
  return i18next;
}

/** Switches the interface language, remembers the choice on this device and flips the direction. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not remembered; still switched for this visit
  }
  applyToDocument(language);
}
