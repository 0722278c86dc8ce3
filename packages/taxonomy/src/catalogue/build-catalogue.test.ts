import { expect, test } from 'vitest';
import { buildCatalogue } from './build-catalogue';
import { occupation, parseLabelLine, skill } from './define';

const transversal = {
  sector: 'transversal' as const,
  skills: [
    skill('work-in-teams', '60c78287-22eb-4103-9c8c-28deaa460da0', [
      'teamwork',
      'travail en équipe',
      'teamwerk',
      'العمل الجماعي',
    ]),
  ],
};

test('a label line splits into a preferred label and trimmed alternatives, dropping empty parts', () => {
  expect(
    parseLabelLine(['tailor | dressmaker |  ', 'tailleur / tailleuse', 'kleermaker', 'خياط | خياطة']),
  ).toEqual({
    en: { preferred: 'tailor', alt: ['dressmaker'] },
    fr: { preferred: 'tailleur / tailleuse', alt: [] },
    nl: { preferred: 'kleermaker', alt: [] },
    ar: { preferred: 'خياط', alt: ['خياطة'] },
  });
});

test('skill keys become ESCO URIs or project URNs, and an unknown key becomes a URN no skill has', () => {
  const catalogue = buildCatalogue('test', transversal, [
    {
      sector: 'construction',
      skills: [skill('masonry', null, ['masonry', 'maçonnerie', 'metselwerk', 'البناء'], ['work-in-teams'])],
      occupations: [
        occupation(
          'mason',
          '7112',
          null,
          ['mason', 'maçon', 'metselaar', 'بنّاء'],
          ['masonry', 'work-in-teams'],
          ['typo-key'],
        ),
      ],
    },
  ]);
  expect(catalogue.skills.map((s) => [s.uri, s.sector, s.broader])).toEqual([
    ['http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0', 'transversal', []],
    [
      'urn:passerelle:skill:masonry',
      'construction',
      ['http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0'],
    ],
  ]);
  expect(catalogue.occupations[0]).toMatchObject({
    uri: 'urn:passerelle:occupation:mason',
    iscoCode: '7112',
    sector: 'construction',
    essentialSkills: [
      'urn:passerelle:skill:masonry',
      'http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0',
    ],
    optionalSkills: ['urn:passerelle:skill:typo-key'],
  });
});
