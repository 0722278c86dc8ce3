import type { ReferenceScale } from './types';

/**
 * CEFR self-assessment grid (Council of Europe; Europass): levels A1–C2 in three bands, for five
 * skills. English and French are the Council of Europe terms; Dutch, Arabic and Sorani Kurdish
 * are the team's translations (to be reviewed by native speakers).
 */
export const cefr: ReferenceScale = {
  id: 'cefr',
  name: {
    en: 'Common European Framework of Reference for Languages (CEFR)',
    fr: 'Cadre européen commun de référence pour les langues (CECR)',
    nl: 'Gemeenschappelijk Europees Referentiekader voor Moderne Vreemde Talen (ERK)',
    ar: 'الإطار الأوروبي المرجعي المشترك للغات',
    ckb: 'چوارچێوەی هاوبەشی ئەوروپی بۆ زمانەکان',
  },
  source: 'Council of Europe, CEFR self-assessment grid (Europass)',
  items: (['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const).map((code) => ({
    code,
    group: code[0] === 'A' ? 'basic' : code[0] === 'B' ? 'independent' : 'proficient',
    label: { en: code, fr: code, nl: code, ar: code, ckb: code },
  })),
  parts: {
    bands: [
      {
        code: 'basic',
        label: {
          en: 'Basic user',
          fr: 'Utilisateur élémentaire',
          nl: 'Basisgebruiker',
          ar: 'مستخدم مبتدئ',
          ckb: 'بەکارهێنەری سەرەتایی',
        },
      },
      {
        code: 'independent',
        label: {
          en: 'Independent user',
          fr: 'Utilisateur indépendant',
          nl: 'Onafhankelijke gebruiker',
          ar: 'مستخدم مستقل',
          ckb: 'بەکارهێنەری سەربەخۆ',
        },
      },
      {
        code: 'proficient',
        label: {
          en: 'Proficient user',
          fr: 'Utilisateur expérimenté',
          nl: 'Vaardige gebruiker',
          ar: 'مستخدم متمكن',
          ckb: 'بەکارهێنەری شارەزا',
        },
      },
    ],
    skills: [
      {
        code: 'listening',
        group: 'understanding',
        label: { en: 'Listening', fr: 'Écouter', nl: 'Luisteren', ar: 'الاستماع', ckb: 'گوێگرتن' },
      },
      {
        code: 'reading',
        group: 'understanding',
        label: { en: 'Reading', fr: 'Lire', nl: 'Lezen', ar: 'القراءة', ckb: 'خوێندنەوە' },
      },
      {
        code: 'spoken_interaction',
        group: 'speaking',
        label: {
          en: 'Spoken interaction',
          fr: 'Prendre part à une conversation',
          nl: 'Gesprekken voeren',
          ar: 'التفاعل الشفهي',
          ckb: 'گفتوگۆکردن',
        },
      },
      {
        code: 'spoken_production',
        group: 'speaking',
        label: {
          en: 'Spoken production',
          fr: 'S’exprimer oralement en continu',
          nl: 'Spreken',
          ar: 'الإنتاج الشفهي',
          ckb: 'قسەکردن',
        },
      },
      {
        code: 'writing',
        group: 'writing',
        label: { en: 'Writing', fr: 'Écrire', nl: 'Schrijven', ar: 'الكتابة', ckb: 'نووسین' },
      },
    ],
    skillGroups: [
      {
        code: 'understanding',
        label: { en: 'Understanding', fr: 'Comprendre', nl: 'Begrijpen', ar: 'الفهم', ckb: 'تێگەیشتن' },
      },
      {
        code: 'speaking',
        label: { en: 'Speaking', fr: 'Parler', nl: 'Spreken', ar: 'التحدث', ckb: 'قسەکردن' },
      },
      {
        code: 'writing',
        label: { en: 'Writing', fr: 'Écrire', nl: 'Schrijven', ar: 'الكتابة', ckb: 'نووسین' },
      },
    ],
    /** Not CEFR levels: a language the person grew up with. */
    extra: [
      {
        code: 'mother_tongue',
        label: {
          en: 'Mother tongue',
          fr: 'Langue maternelle',
          nl: 'Moedertaal',
          ar: 'اللغة الأم',
          ckb: 'زمانی دایک',
        },
      },
    ],
  },
};
