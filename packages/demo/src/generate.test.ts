import { expect, test } from 'vitest';
import { organisationInput, personInput, trainingInput, vacancyInput } from '@passerelle/core';
import { starterCatalogue } from '@passerelle/taxonomy';
import { demoIds, generateDemoData } from './generate';

const small = { people: 60, vacancies: 40, trainings: 20 };

test('the same seed gives the same records, ids included', () => {
  expect(generateDemoData({ ...small, seed: 7 })).toEqual(generateDemoData({ ...small, seed: 7 }));
});

test('another seed gives other records', () => {
  const a = generateDemoData({ ...small, seed: 1 });
  const b = generateDemoData({ ...small, seed: 2 });
  expect(a.people.map((p) => p.id)).not.toEqual(b.people.map((p) => p.id));
  expect(a.people.map((p) => p.givenName)).not.toEqual(b.people.map((p) => p.givenName));
});

test('the sizes asked for are produced', () => {
  const d = generateDemoData({ people: 13, vacancies: 17, trainings: 5, referrals: 4, seed: 'x' });
  expect(d.people).toHaveLength(13);
  expect(d.vacancies).toHaveLength(17);
  expect(d.trainings).toHaveLength(5);
  expect(d.referrals.length).toBeLessThanOrEqual(4);
});

test('every record passes its core schema and ids are unique', () => {
  const d = generateDemoData({ ...small, seed: 3 });
  for (const o of d.organisations) expect(organisationInput.safeParse(o).success).toBe(true);
  for (const p of d.people) expect(personInput.safeParse(p).success).toBe(true);
  for (const v of d.vacancies) expect(vacancyInput.safeParse(v).success).toBe(true);
  for (const t of d.trainings) expect(trainingInput.safeParse(t).success).toBe(true);
  const ids = [...d.organisations, ...d.people, ...d.vacancies, ...d.trainings].map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  const externalIds = [...d.people, ...d.vacancies, ...d.trainings].map((r) => r.externalId);
  expect(new Set(externalIds).size).toBe(externalIds.length);
});

test('vacancies point to employers and trainings to training providers of the dataset', () => {
  const d = generateDemoData({ ...small, seed: 4 });
  const kinds = new Map(d.organisations.map((o) => [o.id, o.kind]));
  for (const v of d.vacancies) expect(kinds.get(v.employerId)).toBe('employer');
  for (const t of d.trainings) expect(kinds.get(t.providerId)).toBe('training_provider');
  for (const r of d.referrals) {
    expect(d.people.some((p) => p.id === r.personId)).toBe(true);
    const targets = r.targetKind === 'vacancy' ? d.vacancies : d.trainings;
    expect(targets.some((t) => t.id === r.targetId)).toBe(true);
  }
});

test('the fixed demo organisations keep their ids for every seed', () => {
  for (const seed of [1, 'other']) {
    const d = generateDemoData({ ...small, seed });
    const employer = d.organisations.find((o) => o.id === demoIds.employer);
    expect(employer?.kind).toBe('employer');
    expect(employer?.country).toBe('GE');
    expect(d.vacancies.filter((v) => v.employerId === demoIds.employer).length).toBeGreaterThan(0);
    expect(d.organisations.find((o) => o.id === demoIds.trainingProvider)?.kind).toBe('training_provider');
    expect(d.organisations.find((o) => o.id === demoIds.missionGeorgia)?.kind).toBe('mission');
  }
});

test('skills and occupations come from the catalogue, so matches make sense', () => {
  const d = generateDemoData({ ...small, seed: 5 });
  const skillUris = new Set([
    ...starterCatalogue.skills.map((s) => s.uri),
    ...starterCatalogue.occupations.flatMap((o) => [...o.essentialSkills, ...o.optionalSkills]),
  ]);
  const occupations = new Map(starterCatalogue.occupations.map((o) => [o.uri, o]));
  for (const v of d.vacancies) {
    const occupation = occupations.get(v.occupation?.uri ?? '');
    expect(occupation).toBeDefined();
    for (const s of v.essentialSkills) expect(occupation!.essentialSkills).toContain(s.uri);
  }
  for (const p of d.people) for (const s of p.skills) expect(skillUris.has(s.uri ?? '')).toBe(true);
});

test('Arabic-script names of Iraq and Tunisia carry a Latin transliteration', () => {
  const d = generateDemoData({ people: 300, vacancies: 5, trainings: 2, seed: 6 });
  const arabic = d.people.filter((p) => p.nationalities[0] === 'TN' || p.nationalities[0] === 'IQ');
  expect(arabic.length).toBeGreaterThan(0);
  for (const p of arabic) {
    expect(p.givenName).toMatch(/^[A-Za-z' -]+$/);
    expect(p.otherNames[0]?.script).toBe('arabic');
    expect(p.otherNames[0]?.value).toMatch(/[\u0600-\u06FF]/);
  }
  const countries = new Set(d.people.map((p) => p.returnInfo?.returnCountry));
  for (const code of ['IQ', 'GE', 'SN', 'NG', 'GN', 'TN', 'SV', 'MN']) expect(countries).toContain(code);
  const hosts = new Set(d.people.map((p) => p.returnInfo?.hostCountry));
  for (const code of ['BE', 'NL', 'FR', 'DE', 'GB']) expect(hosts).toContain(code);
});

test('most vocational courses train for open vacancies: same occupation, where the jobs are, ending before they close', () => {
  const d = generateDemoData({
    people: 20,
    vacancies: 150,
    trainings: 60,
    seed: 8,
    referenceDate: '2027-03-01',
  });
  const open = d.vacancies.filter((v) => v.status === 'open');
  const forVacancy = d.trainings.filter((t) =>
    open.some(
      (v) =>
        v.occupation?.uri === t.occupation?.uri &&
        v.location.city === t.location.city &&
        t.skillsTaught.some((s) => v.essentialSkills.some((e) => e.uri === s.uri)) &&
        (t.endsOn ?? '9999') <= (v.applyBy ?? '') &&
        (t.applyBy ?? '') >= '2027-03-01',
    ),
  );
  const vocational = d.trainings.filter((t) =>
    ['vocational', 'apprenticeship', 'on_the_job'].includes(t.type),
  );
  expect(forVacancy.length).toBeGreaterThanOrEqual(Math.floor(vocational.length / 4));
});
