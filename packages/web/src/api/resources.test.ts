import { expect, test } from 'vitest';
import {
  countOpenReferrals,
  profileConceptUris,
  toMatch,
  toProfileSections,
  toReferral,
  toVacancy,
  type ProfileWords,
} from './resources';

const words: ProfileWords = {
  country: (c) => ({ BE: 'Belgium', SV: 'El Salvador' })[c] ?? c,
  language: (c) => c,
  term: (k) => (k === 'declared_none' ? 'None (as the person said)' : k),
};

test('a section declared empty on purpose says so instead of "nothing recorded"', () => {
  const sections = toProfileSections(
    {
      declaredNone: ['drivingLicences'],
      completeness: { sections: { drivingLicences: 'complete', digitalSkills: 'empty' } },
    },
    'en',
    words,
  );
  const of = (key: string) => sections.find((s) => s.key === key)!;
  expect(of('drivingLicences')).toMatchObject({ state: 'complete', entries: ['None (as the person said)'] });
  expect(of('digitalSkills')).toMatchObject({ state: 'empty', entries: [] });
});

test('the return date is written in the reader’s language, not as a raw ISO date', () => {
  const [entry] = toProfileSections(
    {
      returnInfo: {
        hostCountry: 'BE',
        returnCountry: 'SV',
        returnCity: 'Santa Ana',
        returnDate: '2025-09-22',
      },
    },
    'en',
    words,
  ).find((s) => s.key === 'returnInfo')!.entries;
  // Each piece isolated (FSI … PDI), so that names in other scripts do not reorder around the dots.
  expect(entry).toBe('\u2068Belgium › El Salvador\u2069 · \u2068Santa Ana\u2069 · \u2068Sep 22, 2025\u2069');
  expect(entry).not.toContain('2025-09-22');
});

test('referrals in progress count only the open statuses, in the order of the workflow', () => {
  const statuses = ['dropped', 'sent', 'rejected', 'proposed', 'completed', 'sent', 'started'] as const;
  expect(countOpenReferrals(statuses.map((status) => ({ status })))).toEqual([
    ['proposed', 1],
    ['sent', 2],
    ['started', 1],
  ]);
  expect(countOpenReferrals([{ status: 'completed' }])).toEqual([]);
});

test('a vacancy carries its status, so that a filled one is not offered for matching', () => {
  expect(toVacancy({ id: 'v', title: 'laundry worker', status: 'filled' }).status).toBe('filled');
  expect(toVacancy({ id: 'v', title: 'laundry worker' }).status).toBeNull();
});

test('a match and a referral name the organisation from the name sent with them, not from a lookup', () => {
  const employerId = '6f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';
  const match = toMatch({
    id: 'v1',
    kind: 'vacancy',
    score: 0.8,
    record: { id: 'v1', title: 'Car mechanic', employerId },
    offeredBy: { id: employerId, name: 'Garage Rustaveli' },
    explanation: { score: 0.8, criteria: [] },
  });
  expect(match).toMatchObject({ organisationId: employerId, organisation: 'Garage Rustaveli' });
  expect(toMatch({ id: 'v2', record: { title: 'Baker', employerId } }).organisation).toBeNull();
  const referral = toReferral({
    id: 'r1',
    personId: 'p1',
    targetKind: 'vacancy',
    targetId: 'v1',
    organisationId: employerId,
    organisation: { id: employerId, name: 'Garage Rustaveli' },
  });
  expect(referral.organisation).toBe('Garage Rustaveli');
});

test('skills and occupations are named in the reader’s language when the taxonomy has it, else as stored', () => {
  const uri = (n: number) => `http://data.europa.eu/esco/skill/${n}`;
  const person = {
    skills: [
      { uri: uri(1), label: 'write a business plan' },
      { uri: uri(2), label: 'communicate by telephone' },
    ],
    aspirations: { occupations: [{ uri: uri(3), label: 'agricultural machinery mechanic' }] },
    workExperience: [{ occupation: { uri: uri(4), label: 'car mechanic' }, employer: 'Garage' }],
  };
  expect(profileConceptUris(person)).toEqual([uri(1), uri(2), uri(3), uri(4)]);
  const french: Record<string, string> = {
    [uri(1)]: 'élaborer un plan d’affaires',
    [uri(3)]: 'mécanicien agricole/mécanicienne agricole',
    [uri(4)]: 'mécanicien automobile/mécanicienne automobile',
  };
  const sections = toProfileSections(person, 'fr', { ...words, concept: (u) => french[u] ?? null });
  const of = (key: string) => sections.find((s) => s.key === key)!.entries;
  // The second skill's label is not known (yet): the stored one is shown rather than nothing.
  expect(of('skills')).toEqual(['élaborer un plan d’affaires', 'communicate by telephone']);
  expect(of('aspirations')).toEqual(['mécanicien agricole/mécanicienne agricole']);
  expect(of('workExperience')[0]).toContain('mécanicien automobile');
  expect(toProfileSections(person, 'fr', words).find((s) => s.key === 'skills')!.entries[0]).toBe(
    'write a business plan',
  );
});

test('a referral is dated by the day of its status, not by the last change of the record', () => {
  const base = {
    id: 'r1',
    personId: 'p1',
    targetKind: 'vacancy',
    targetId: 'v1',
    sentOn: '2026-07-01',
    respondedOn: '2026-07-10',
    startedOn: '2026-08-03',
    updatedAt: '2026-11-23T10:00:00.000Z',
  };
  expect(toReferral({ ...base, status: 'started' }).statusOn).toBe('2026-08-03');
  expect(toReferral({ ...base, status: 'accepted' }).statusOn).toBe('2026-07-10');
  // A status whose day is missing falls back to the last change.
  expect(toReferral({ ...base, status: 'completed' }).statusOn).toBe('2026-11-23T10:00:00.000Z');
});
