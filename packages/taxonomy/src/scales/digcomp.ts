import type { Localized, ReferenceScale, ScaleItem } from './types';

/**
 * DigComp 2.2 (JRC, 2022): 5 competence areas, 21 competences, 8 proficiency levels in 4 bands.
 * English names are the JRC's; French follows the EU's French edition; Dutch, Arabic and Sorani
 * Kurdish are the team's translations (to be reviewed).
 */
const c = (code: string, group: string, label: Localized): ScaleItem => ({ code, group, label });

const areas: ScaleItem[] = [
  {
    code: '1',
    label: {
      en: 'Information and data literacy',
      fr: 'Maîtrise de l’information et des données',
      nl: 'Informatie- en datageletterdheid',
      ar: 'الإلمام بالمعلومات والبيانات',
      ckb: 'خوێندەواریی زانیاری و داتا',
    },
  },
  {
    code: '2',
    label: {
      en: 'Communication and collaboration',
      fr: 'Communication et collaboration',
      nl: 'Communicatie en samenwerking',
      ar: 'التواصل والتعاون',
      ckb: 'پەیوەندی و هاوکاری',
    },
  },
  {
    code: '3',
    label: {
      en: 'Digital content creation',
      fr: 'Création de contenus numériques',
      nl: 'Digitale contentcreatie',
      ar: 'إنشاء المحتوى الرقمي',
      ckb: 'دروستکردنی ناوەڕۆکی دیجیتاڵ',
    },
  },
  { code: '4', label: { en: 'Safety', fr: 'Sécurité', nl: 'Veiligheid', ar: 'السلامة', ckb: 'سەلامەتی' } },
  {
    code: '5',
    label: {
      en: 'Problem solving',
      fr: 'Résolution de problèmes',
      nl: 'Problemen oplossen',
      ar: 'حل المشكلات',
      ckb: 'چارەسەرکردنی کێشەکان',
    },
  },
];

const competences: ScaleItem[] = [
  c('1.1', '1', {
    en: 'Browsing, searching and filtering data, information and digital content',
    fr: 'Naviguer, rechercher et filtrer des données, des informations et des contenus numériques',
    nl: 'Browsen, zoeken en filteren van data, informatie en digitale content',
    ar: 'تصفّح البيانات والمعلومات والمحتوى الرقمي والبحث فيها وتصفيتها',
    ckb: 'گەڕان و پشکنین و پاڵاوتنی داتا و زانیاری و ناوەڕۆکی دیجیتاڵ',
  }),
  c('1.2', '1', {
    en: 'Evaluating data, information and digital content',
    fr: 'Évaluer des données, des informations et des contenus numériques',
    nl: 'Evalueren van data, informatie en digitale content',
    ar: 'تقييم البيانات والمعلومات والمحتوى الرقمي',
    ckb: 'هەڵسەنگاندنی داتا و زانیاری و ناوەڕۆکی دیجیتاڵ',
  }),
  c('1.3', '1', {
    en: 'Managing data, information and digital content',
    fr: 'Gérer des données, des informations et des contenus numériques',
    nl: 'Beheren van data, informatie en digitale content',
    ar: 'إدارة البيانات والمعلومات والمحتوى الرقمي',
    ckb: 'بەڕێوەبردنی داتا و زانیاری و ناوەڕۆکی دیجیتاڵ',
  }),
  c('2.1', '2', {
    en: 'Interacting through digital technologies',
    fr: 'Interagir par l’intermédiaire des technologies numériques',
    nl: 'Interageren via digitale technologieën',
    ar: 'التفاعل عبر التقنيات الرقمية',
    ckb: 'کارلێککردن لە ڕێگەی تەکنەلۆژیای دیجیتاڵەوە',
  }),
  c('2.2', '2', {
    en: 'Sharing through digital technologies',
    fr: 'Partager par l’intermédiaire des technologies numériques',
    nl: 'Delen via digitale technologieën',
    ar: 'المشاركة عبر التقنيات الرقمية',
    ckb: 'هاوبەشکردن لە ڕێگەی تەکنەلۆژیای دیجیتاڵەوە',
  }),
  c('2.3', '2', {
    en: 'Engaging in citizenship through digital technologies',
    fr: 'S’engager dans la citoyenneté par l’intermédiaire des technologies numériques',
    nl: 'Burgerschap uitoefenen via digitale technologieën',
    ar: 'ممارسة المواطنة عبر التقنيات الرقمية',
    ckb: 'بەشداریی هاووڵاتیبوون لە ڕێگەی تەکنەلۆژیای دیجیتاڵەوە',
  }),
  c('2.4', '2', {
    en: 'Collaborating through digital technologies',
    fr: 'Collaborer par l’intermédiaire des technologies numériques',
    nl: 'Samenwerken via digitale technologieën',
    ar: 'التعاون عبر التقنيات الرقمية',
    ckb: 'هاوکاریکردن لە ڕێگەی تەکنەلۆژیای دیجیتاڵەوە',
  }),
  c('2.5', '2', {
    en: 'Netiquette',
    fr: 'Nétiquette',
    nl: 'Netiquette',
    ar: 'آداب التعامل عبر الإنترنت',
    ckb: 'ئادابی ئینتەرنێت',
  }),
  c('2.6', '2', {
    en: 'Managing digital identity',
    fr: 'Gérer son identité numérique',
    nl: 'Beheren van de digitale identiteit',
    ar: 'إدارة الهوية الرقمية',
    ckb: 'بەڕێوەبردنی ناسنامەی دیجیتاڵ',
  }),
  c('3.1', '3', {
    en: 'Developing digital content',
    fr: 'Développer des contenus numériques',
    nl: 'Ontwikkelen van digitale content',
    ar: 'تطوير المحتوى الرقمي',
    ckb: 'پەرەپێدانی ناوەڕۆکی دیجیتاڵ',
  }),
  c('3.2', '3', {
    en: 'Integrating and re-elaborating digital content',
    fr: 'Intégrer et réélaborer des contenus numériques',
    nl: 'Integreren en herwerken van digitale content',
    ar: 'دمج المحتوى الرقمي وإعادة صياغته',
    ckb: 'تێکەڵکردن و داڕشتنەوەی ناوەڕۆکی دیجیتاڵ',
  }),
  c('3.3', '3', {
    en: 'Copyright and licences',
    fr: 'Droits d’auteur et licences',
    nl: 'Auteursrecht en licenties',
    ar: 'حقوق النشر والتراخيص',
    ckb: 'مافی لەبەرگرتنەوە و مۆڵەتەکان',
  }),
  c('3.4', '3', {
    en: 'Programming',
    fr: 'Programmation',
    nl: 'Programmeren',
    ar: 'البرمجة',
    ckb: 'پرۆگرامسازی',
  }),
  c('4.1', '4', {
    en: 'Protecting devices',
    fr: 'Protéger les appareils',
    nl: 'Beschermen van apparaten',
    ar: 'حماية الأجهزة',
    ckb: 'پاراستنی ئامێرەکان',
  }),
  c('4.2', '4', {
    en: 'Protecting personal data and privacy',
    fr: 'Protéger les données personnelles et la vie privée',
    nl: 'Beschermen van persoonsgegevens en privacy',
    ar: 'حماية البيانات الشخصية والخصوصية',
    ckb: 'پاراستنی داتای کەسی و تایبەتمەندی',
  }),
  c('4.3', '4', {
    en: 'Protecting health and well-being',
    fr: 'Protéger la santé et le bien-être',
    nl: 'Beschermen van gezondheid en welzijn',
    ar: 'حماية الصحة والرفاه',
    ckb: 'پاراستنی تەندروستی و خۆشگوزەرانی',
  }),
  c('4.4', '4', {
    en: 'Protecting the environment',
    fr: 'Protéger l’environnement',
    nl: 'Beschermen van het milieu',
    ar: 'حماية البيئة',
    ckb: 'پاراستنی ژینگە',
  }),
  c('5.1', '5', {
    en: 'Solving technical problems',
    fr: 'Résoudre des problèmes techniques',
    nl: 'Technische problemen oplossen',
    ar: 'حل المشكلات التقنية',
    ckb: 'چارەسەرکردنی کێشە تەکنیکییەکان',
  }),
  c('5.2', '5', {
    en: 'Identifying needs and technological responses',
    fr: 'Identifier les besoins et les réponses technologiques',
    nl: 'Behoeften en technologische oplossingen identificeren',
    ar: 'تحديد الاحتياجات والاستجابات التقنية',
    ckb: 'دیاریکردنی پێداویستییەکان و وەڵامە تەکنەلۆژییەکان',
  }),
  c('5.3', '5', {
    en: 'Creatively using digital technologies',
    fr: 'Utiliser de manière créative les technologies numériques',
    nl: 'Creatief gebruikmaken van digitale technologieën',
    ar: 'الاستخدام الإبداعي للتقنيات الرقمية',
    ckb: 'بەکارهێنانی داهێنەرانەی تەکنەلۆژیای دیجیتاڵ',
  }),
  c('5.4', '5', {
    en: 'Identifying digital competence gaps',
    fr: 'Identifier les lacunes en matière de compétences numériques',
    nl: 'Lacunes in digitale competenties identificeren',
    ar: 'تحديد الفجوات في الكفاءة الرقمية',
    ckb: 'دیاریکردنی کەموکوڕییەکانی لێهاتوویی دیجیتاڵ',
  }),
];

const bands: ScaleItem[] = [
  {
    code: 'foundation',
    label: { en: 'Foundation', fr: 'Fondamental', nl: 'Basis', ar: 'أساسي', ckb: 'بنەڕەتی' },
  },
  {
    code: 'intermediate',
    label: { en: 'Intermediate', fr: 'Intermédiaire', nl: 'Gemiddeld', ar: 'متوسط', ckb: 'ناوەند' },
  },
  {
    code: 'advanced',
    label: { en: 'Advanced', fr: 'Avancé', nl: 'Gevorderd', ar: 'متقدم', ckb: 'پێشکەوتوو' },
  },
  {
    code: 'highly_specialised',
    label: {
      en: 'Highly specialised',
      fr: 'Hautement spécialisé',
      nl: 'Hooggespecialiseerd',
      ar: 'متخصص للغاية',
      ckb: 'زۆر پسپۆڕ',
    },
  },
];

const levelWord: Localized = { en: 'Level', fr: 'Niveau', nl: 'Niveau', ar: 'المستوى', ckb: 'ئاست' };

export const digcomp: ReferenceScale = {
  id: 'digcomp',
  name: {
    en: 'DigComp 2.2: the Digital Competence Framework for Citizens',
    fr: 'DigComp 2.2 : cadre européen des compétences numériques pour les citoyens',
    nl: 'DigComp 2.2: Europees referentiekader voor digitale competenties',
    ar: 'DigComp 2.2: إطار الكفاءة الرقمية للمواطنين',
    ckb: 'DigComp 2.2: چوارچێوەی لێهاتوویی دیجیتاڵ بۆ هاووڵاتیان',
  },
  source: 'European Commission JRC, DigComp 2.2 (2022)',
  items: competences,
  parts: {
    areas,
    levels: Array.from({ length: 8 }, (_, i) => {
      const n = String(i + 1);
      const label = Object.fromEntries(
        Object.entries(levelWord).map(([l, w]) => [l, `${w} ${n}`]),
      ) as Localized;
      return { code: n, group: (bands[Math.floor(i / 2)] as ScaleItem).code, label };
    }),
    bands,
  },
};
