import type { ReferenceScale } from './types';

/**
 * ISCO-08 major groups (ILO). English and French (CITP-08) are the ILO titles, Dutch the ESCO
 * ones; Arabic and Sorani Kurdish are the team's translations.
 */
export const iscoMajorGroups: ReferenceScale = {
  id: 'isco_major_groups',
  name: {
    en: 'ISCO-08 major groups',
    fr: 'Grands groupes de la CITP-08',
    nl: 'ISCO-08 hoofdgroepen',
    ar: 'المجموعات الرئيسية في التصنيف الدولي الموحد للمهن 2008',
    ckb: 'گرووپە سەرەکییەکانی ISCO-08',
  },
  source: 'ILO ISCO-08; Eurostat RAMON CL_ISCO08',
  items: [
    {
      code: '0',
      label: {
        en: 'Armed forces occupations',
        fr: 'Professions militaires',
        nl: 'Beroepen bij de strijdkrachten',
        ar: 'المهن العسكرية',
        ckb: 'پیشە سەربازییەکان',
      },
    },
    {
      code: '1',
      label: {
        en: 'Managers',
        fr: 'Directeurs, cadres de direction et gérants',
        nl: 'Leidinggevende functies',
        ar: 'المديرون',
        ckb: 'بەڕێوەبەران',
      },
    },
    {
      code: '2',
      label: {
        en: 'Professionals',
        fr: 'Professions intellectuelles et scientifiques',
        nl: 'Intellectuele, wetenschappelijke en artistieke beroepen',
        ar: 'الاختصاصيون',
        ckb: 'پسپۆڕان',
      },
    },
    {
      code: '3',
      label: {
        en: 'Technicians and associate professionals',
        fr: 'Professions intermédiaires',
        nl: 'Technici en vakspecialisten',
        ar: 'الفنيون والاختصاصيون المساعدون',
        ckb: 'تەکنیککاران و یاریدەدەرە پسپۆڕەکان',
      },
    },
    {
      code: '4',
      label: {
        en: 'Clerical support workers',
        fr: 'Employés de type administratif',
        nl: 'Administratief personeel',
        ar: 'العاملون في الدعم المكتبي',
        ckb: 'کارمەندانی پشتگیریی نووسینگە',
      },
    },
    {
      code: '5',
      label: {
        en: 'Service and sales workers',
        fr: 'Personnel des services directs aux particuliers, commerçants et vendeurs',
        nl: 'Dienstverlenend personeel en verkopers',
        ar: 'العاملون في الخدمات والمبيعات',
        ckb: 'کارمەندانی خزمەتگوزاری و فرۆشتن',
      },
    },
    {
      code: '6',
      label: {
        en: 'Skilled agricultural, forestry and fishery workers',
        fr: 'Agriculteurs et ouvriers qualifiés de l’agriculture, de la sylviculture et de la pêche',
        nl: 'Geschoolde landbouwers, bosbouwers en vissers',
        ar: 'العمال المهرة في الزراعة والحراجة وصيد الأسماك',
        ckb: 'کرێکارانی شارەزای کشتوکاڵ و دارستان و ماسیگرتن',
      },
    },
    {
      code: '7',
      label: {
        en: 'Craft and related trades workers',
        fr: 'Métiers qualifiés de l’industrie et de l’artisanat',
        nl: 'Ambachtslieden',
        ar: 'العاملون في الحرف وما يتصل بها',
        ckb: 'کرێکارانی پیشەسازی دەستی و پیشە پەیوەندیدارەکان',
      },
    },
    {
      code: '8',
      label: {
        en: 'Plant and machine operators, and assemblers',
        fr: 'Conducteurs d’installations et de machines, et ouvriers de l’assemblage',
        nl: 'Bedieningspersoneel van machines en installaties, assembleurs',
        ar: 'مشغلو المصانع والآلات وعمال التجميع',
        ckb: 'کارپێکەرانی کارگە و ئامێرەکان و کۆکەرەوەکان',
      },
    },
    {
      code: '9',
      label: {
        en: 'Elementary occupations',
        fr: 'Professions élémentaires',
        nl: 'Elementaire beroepen',
        ar: 'المهن الأولية',
        ckb: 'پیشە سەرەتاییەکان',
      },
    },
  ],
};
