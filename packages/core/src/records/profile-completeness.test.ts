import { expect, test } from 'vitest';
import { personInput, type PersonInputDraft } from './people';
import { profileCompleteness } from './profile-completeness';

const parse = (draft: PersonInputDraft) => personInput.parse(draft);

test('a profile with only a name is partial: personal is partial, everything else empty', () => {
  const c = profileCompleteness(parse({ givenName: 'Amina' }));
  expect(c.overall).toBe('partial');
  expect(c.sections.personal).toBe('partial');
  expect(c.sections.education).toBe('empty');
  expect(c.sections.returnInfo).toBe('empty');
  expect(c.percent).toBe(0);
});

test('declaring "none" makes a list section complete', () => {
  const c = profileCompleteness(
    parse({ givenName: 'Amina', declaredNone: ['drivingLicences', 'education'] }),
  );
  expect(c.sections.drivingLicences).toBe('complete');
  expect(c.sections.education).toBe('complete');
  expect(c.sections.workExperience).toBe('empty');
});

test('a skill in free text only is partial until it is coded', () => {
  const free = profileCompleteness(parse({ givenName: 'A', skills: [{ label: 'repairing cars' }] }));
  expect(free.sections.skills).toBe('partial');
  const coded = profileCompleteness(
    parse({
      givenName: 'A',
      skills: [{ uri: 'http://data.europa.eu/esco/skill/abc', label: 'repairing cars' }],
    }),
  );
  expect(coded.sections.skills).toBe('complete');
});

test('a language is complete with all five CEFR scales or as a mother tongue', () => {
  const partial = profileCompleteness(
    parse({ givenName: 'A', languages: [{ language: 'fr', listening: 'B1' }] }),
  );
  expect(partial.sections.languages).toBe('partial');
  const full = profileCompleteness(
    parse({
      givenName: 'A',
      languages: [
        { language: 'ar', motherTongue: true },
        {
          language: 'fr',
          listening: 'B1',
          reading: 'A2',
          spokenInteraction: 'B1',
          spokenProduction: 'A2',
          writing: 'A1',
        },
      ],
    }),
  );
  expect(full.sections.languages).toBe('complete');
});

test('digital skills are complete when all five DigComp areas are assessed', () => {
  const areas = [
    'information_and_data_literacy',
    'communication_and_collaboration',
    'digital_content_creation',
    'safety',
    'problem_solving',
  ] as const;
  const some = profileCompleteness(parse({ givenName: 'A', digitalSkills: [{ area: 'safety', level: 2 }] }));
  expect(some.sections.digitalSkills).toBe('partial');
  const all = profileCompleteness(
    parse({ givenName: 'A', digitalSkills: areas.map((area) => ({ area, level: 3 })) }),
  );
  expect(all.sections.digitalSkills).toBe('complete');
});

test('a full profile is complete at 100 percent', () => {
  const c = profileCompleteness(
    parse({
      givenName: 'Karim',
      familyName: 'Haddad',
      sex: 'male',
      birthDate: '1990-02-03',
      nationalities: ['TN'],
      contact: { phone: '+216 20 000 000', address: { region: 'Sfax', city: 'Sfax' } },
      education: [{ iscedLevel: 3, completed: true, country: 'TN' }],
      workExperience: [
        {
          occupation: { uri: 'http://data.europa.eu/esco/occupation/x', label: 'mechanic' },
          startDate: '2015',
          arrangement: 'informal',
          country: 'LY',
        },
      ],
      skills: [{ uri: 'http://data.europa.eu/esco/skill/y' }],
      declaredNone: ['digitalSkills', 'drivingLicences'],
      languages: [{ language: 'ar', motherTongue: true }],
      aspirations: {
        workTypes: ['self_employment'],
        sectors: [{ isicCode: 'G' }],
        places: [{ country: 'TN', region: 'Sfax' }],
      },
      limitations: {
        childcare: false,
        familyDuties: true,
        limitedMobility: false,
        healthRestrictions: false,
        workNearHomeOnly: false,
      },
      returnInfo: {
        hostCountry: 'DE',
        returnCountry: 'TN',
        returnRegion: 'Sfax',
        returnDate: '2024-05-01',
        programme: 'TN-REINT',
      },
    }),
  );
  expect(c.overall).toBe('complete');
  expect(c.percent).toBe(100);
});

test('sensitive fields never change the completeness', () => {
  const base = parse({ givenName: 'A' });
  const withSensitive = parse({
    givenName: 'A',
    healthNotes: 'x',
    identityDocuments: [{ type: 'passport', number: 'P1234' }],
  });
  expect(profileCompleteness(withSensitive)).toEqual(profileCompleteness(base));
});
