import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { expect, test } from 'vitest';
import { cvConceptUris, toCv } from '../api/cv';
import { formatPartialDate } from '../i18n/format';
import { supportedLanguages } from '../i18n/languages';
import { CvSheet } from './cv-sheet';

const strings = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

const person = {
  id: 'p1',
  givenName: 'Amina',
  familyName: 'Haddad',
  contact: { phone: '+32 470 11 22 33', email: 'amina@example.org', address: { city: 'SECRET-CITY' } },
  languages: [
    { language: 'ar', motherTongue: true },
    { language: 'fr', listening: 'B2', reading: 'B1', spokenInteraction: 'B1', writing: 'A2' },
  ],
  education: [
    {
      iscedLevel: 3,
      field: { label: 'Accounting' },
      institution: 'Lycée Ibn Khaldoun',
      country: 'MA',
      startDate: '2010',
      endDate: '2013-06',
      completed: true,
    },
  ],
  workExperience: [
    {
      occupation: { uri: 'http://data.europa.eu/esco/occupation/x', label: 'bookkeeper' },
      employer: 'Atlas SARL',
      country: 'MA',
      startDate: '2014-03',
      current: true,
    },
  ],
  skills: [{ uri: 'http://data.europa.eu/esco/skill/y', label: 'keep records' }],
  drivingLicences: [{ category: 'B', country: 'BE' }],
  declaredNone: ['digitalSkills'],
  aspirations: {
    occupations: [{ uri: 'urn:passerelle:occupation:accountant', label: 'accountant' }],
    workTypes: ['wage_employment'],
  },
  // Sensitive and case data the API may return to an assigned case manager: never printed.
  healthNotes: 'SECRET-HEALTH',
  psychosocialNotes: 'SECRET-PSYCHO',
  legalStatus: { status: 'SECRET-LEGAL' },
  identityDocuments: [{ type: 'passport', number: 'SECRET-PASSPORT' }],
  returnInfo: { returnCity: 'SECRET-RETURN' },
  limitations: { healthRestrictions: true, notes: 'SECRET-LIMIT' },
  caseNotes: [{ text: 'SECRET-CASE' }],
  consents: [{ purpose: 'matching', note: 'SECRET-CONSENT' }],
  birthDate: '1990-01-01',
};

async function instance(lng: string | undefined) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(supportedLanguages.map((l) => [l, { translation: strings(l) }])),
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: false },
  });
  return i18n;
}

async function render(languages: string[], showContact = false): Promise<string> {
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: await instance(languages[0]) },
      createElement(CvSheet, { cv: toCv(person), languages, showContact }),
    ),
  );
}

/** The markup of each column, by its `data-lang`. */
function columns(html: string): Record<string, string> {
  const parts = html.split('<article').slice(1);
  return Object.fromEntries(parts.map((p) => [/data-lang="(\w+)"/.exec(p)?.[1] ?? '?', p]));
}

test('two languages side by side: each column has its own lang, direction, headings and names', async () => {
  const html = await render(['fr', 'ar']);
  expect(html).toContain('class="cv-sheet cv-two"');
  const { fr, ar } = columns(html);
  expect(fr).toMatch(/^ class="cv-column" lang="fr" dir="ltr"/);
  expect(ar).toMatch(/^ class="cv-column" lang="ar" dir="rtl"/);
  const frStrings = strings('fr');
  const arStrings = strings('ar');
  for (const key of [
    'sections.skills',
    'sections.experience',
    'sections.languages',
    'isced.3',
    'cefr.listening',
  ]) {
    expect(fr, key).toContain(frStrings[key]);
    expect(ar, key).toContain(arStrings[key]);
    expect(fr, key).not.toContain(arStrings[key]);
  }
  // Country and language names in each column's language (Intl), and dates.
  expect(fr).toContain('Maroc');
  expect(ar).toContain('المغرب');
  expect(fr).toContain('arabe');
  expect(ar).toContain('الفرنسية');
  expect(fr).toContain(frStrings['cv.present']);
  expect(ar).toContain(arStrings['cv.present']);
  expect(fr).toContain(formatPartialDate('2013-06', 'fr'));
  expect(ar).toContain(formatPartialDate('2013-06', 'ar'));
});

test('one language only gives one column', async () => {
  const html = await render(['nl']);
  expect(html).toContain('class="cv-sheet"');
  expect(Object.keys(columns(html))).toEqual(['nl']);
  expect(html).toContain(strings('nl')['sections.skills']);
});

test('sensitive fields and case data given to the person record never appear in the print view', async () => {
  const html = await render(['en', 'ckb'], true);
  expect(html).toContain('Amina Haddad');
  expect(html).not.toMatch(/SECRET-|1990/);
});

test('phone and email appear only when asked for, the address never', async () => {
  expect(await render(['en'])).not.toContain('amina@example.org');
  const shown = await render(['en'], true);
  expect(shown).toContain('amina@example.org');
  expect(shown).toContain('+32 470 11 22 33');
});

test('every string of the print view is filled in every language', () => {
  const en = strings('en');
  const keys = Object.keys(en).filter((k) => /^(cv|cefr|isced)\./.test(k));
  expect(keys.length).toBeGreaterThan(20);
  for (const lang of supportedLanguages) {
    const s = strings(lang);
    expect(
      keys.filter((k) => !s[k]?.trim()),
      lang,
    ).toEqual([]);
  }
});

test('CV dates keep their precision: a year, a month and year, or a day', () => {
  expect(formatPartialDate('2013', 'en')).toBe('2013');
  expect(formatPartialDate('2013-06', 'en')).toBe('Jun 2013');
  expect(formatPartialDate('2013-06-02', 'en')).toBe('Jun 2, 2013');
  expect(formatPartialDate('June', 'en')).toBe('');
});

test('the CV names ESCO and starter-catalogue concepts by URI, in each column’s language', () => {
  expect(cvConceptUris(toCv(person)).sort()).toEqual([
    'http://data.europa.eu/esco/occupation/x',
    'http://data.europa.eu/esco/skill/y',
    'urn:passerelle:occupation:accountant',
  ]);
});

test('a section the person declared empty says so; an unrecorded one says nothing is recorded', async () => {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: await instance('en') },
      createElement(CvSheet, {
        cv: { ...toCv(person), drivingLicences: [], skills: [], declaredNone: ['drivingLicences'] },
        languages: ['en'],
        showContact: false,
      }),
    ),
  );
  expect(html).toContain(strings('en')['terms.declaredNone']);
  expect(html).toContain(strings('en')['cv.none']);
});
