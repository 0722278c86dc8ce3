import type { ReferenceScale } from './types';

/**
 * ISCED 2011 levels 0–8 (UNESCO; Eurostat CL_ISCED11). English and French (CITE 2011) are the
 * official titles; Dutch, Arabic and Sorani Kurdish are the team's translations. Two options
 * below level 1 that returnee programmes need are added (not ISCED levels).
 */
export const isced: ReferenceScale = {
  id: 'isced',
  name: {
    en: 'International Standard Classification of Education (ISCED 2011)',
    fr: 'Classification internationale type de l’éducation (CITE 2011)',
    nl: 'Internationale Standaardclassificatie van het Onderwijs (ISCED 2011)',
    ar: 'التصنيف الدولي الموحد للتعليم (إسكد 2011)',
    ckb: 'پۆلێنکردنی ستانداردی نێودەوڵەتیی پەروەردە (ISCED 2011)',
  },
  source: 'UNESCO ISCED 2011; Eurostat RAMON CL_ISCED11',
  items: [
    {
      code: '0',
      label: {
        en: 'Early childhood education',
        fr: 'Éducation de la petite enfance',
        nl: 'Voorschools onderwijs',
        ar: 'التعليم في مرحلة الطفولة المبكرة',
        ckb: 'پەروەردەی منداڵیی سەرەتایی',
      },
    },
    {
      code: '1',
      label: {
        en: 'Primary education',
        fr: 'Enseignement primaire',
        nl: 'Primair onderwijs',
        ar: 'التعليم الابتدائي',
        ckb: 'خوێندنی سەرەتایی',
      },
    },
    {
      code: '2',
      label: {
        en: 'Lower secondary education',
        fr: 'Premier cycle de l’enseignement secondaire',
        nl: 'Lager secundair onderwijs',
        ar: 'التعليم الثانوي الأدنى',
        ckb: 'خوێندنی ناوەندی',
      },
    },
    {
      code: '3',
      label: {
        en: 'Upper secondary education',
        fr: 'Deuxième cycle de l’enseignement secondaire',
        nl: 'Hoger secundair onderwijs',
        ar: 'التعليم الثانوي الأعلى',
        ckb: 'خوێندنی ئامادەیی',
      },
    },
    {
      code: '4',
      label: {
        en: 'Post-secondary non-tertiary education',
        fr: 'Enseignement post-secondaire non supérieur',
        nl: 'Postsecundair niet-tertiair onderwijs',
        ar: 'التعليم ما بعد الثانوي غير العالي',
        ckb: 'خوێندنی دوای ئامادەیی (نازانکۆیی)',
      },
    },
    {
      code: '5',
      label: {
        en: 'Short-cycle tertiary education',
        fr: 'Enseignement supérieur de cycle court',
        nl: 'Kortdurend tertiair onderwijs',
        ar: 'التعليم العالي قصير الأمد',
        ckb: 'خوێندنی باڵای کورتخایەن',
      },
    },
    {
      code: '6',
      label: {
        en: 'Bachelor’s or equivalent level',
        fr: 'Niveau licence ou équivalent',
        nl: 'Bachelor of gelijkwaardig',
        ar: 'البكالوريوس أو ما يعادله',
        ckb: 'بەکالۆریۆس یان هاوتا',
      },
    },
    {
      code: '7',
      label: {
        en: 'Master’s or equivalent level',
        fr: 'Niveau master ou équivalent',
        nl: 'Master of gelijkwaardig',
        ar: 'الماجستير أو ما يعادله',
        ckb: 'ماستەر یان هاوتا',
      },
    },
    {
      code: '8',
      label: {
        en: 'Doctoral or equivalent level',
        fr: 'Niveau doctorat ou équivalent',
        nl: 'Doctoraat of gelijkwaardig',
        ar: 'الدكتوراه أو ما يعادلها',
        ckb: 'دکتۆرا یان هاوتا',
      },
    },
  ],
  parts: {
    /** Below ISCED 1, for people without (completed) primary education. */
    extra: [
      {
        code: 'none',
        label: {
          en: 'No formal education',
          fr: 'Aucune scolarité formelle',
          nl: 'Geen formeel onderwijs',
          ar: 'بدون تعليم نظامي',
          ckb: 'بێ خوێندنی فەرمی',
        },
      },
      {
        code: 'non_formal',
        label: {
          en: 'Non-formal or religious schooling only',
          fr: 'Éducation non formelle ou religieuse uniquement',
          nl: 'Alleen niet-formeel of religieus onderwijs',
          ar: 'تعليم غير نظامي أو ديني فقط',
          ckb: 'تەنها خوێندنی نافەرمی یان ئایینی',
        },
      },
    ],
  },
};
