import type { ErrorCode, ErrorDetails } from './errors';

/** Interface languages. `ckb` is Sorani Kurdish. */
export const locales = ['en', 'fr', 'nl', 'ar', 'ckb'] as const;
export type Locale = (typeof locales)[number];

type Template = (d: ErrorDetails) => string;
type Catalogue = Record<ErrorCode, Template>;

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** The field paths of invalid references, e.g. " (employerId, languages.0)". */
const refs = (d: ErrorDetails): string => {
  const issues = Array.isArray(d.issues) ? (d.issues as { path?: unknown }[]) : [];
  const paths = issues.map((i) => (Array.isArray(i.path) ? i.path.join('.') : '')).filter(Boolean);
  return paths.length ? ` (${paths.join(', ')})` : '';
};

const en: Catalogue = {
  validation_failed: () => 'Some fields are not valid.',
  not_found: (d) => `No ${s(d.entity)} with id ${s(d.id)}.`,
  conflict: (d) => `The request conflicts with the current state: ${s(d.reason)}.`,
  closed_for_matching: (d) =>
    d.entity === 'training'
      ? `This training can no longer be joined on ${s(d.today)} (it ended, its enrolment closed or it is full): nobody is matched to it.`
      : `This vacancy is closed or has no seats left on ${s(d.today)}: nobody is matched to it.`,
  already_exists: (d) => `A ${s(d.entity)} with this ${s(d.key)} already exists.`,
  version_conflict: () => 'This record was changed by someone else. Reload it and try again.',
  precondition_required: (d) => `The ${s(d.header)} header is required for this request.`,
  idempotency_conflict: () => 'This Idempotency-Key was already used for a different request.',
  invalid_reference: (d) => `Some fields refer to records that do not exist or are archived${refs(d)}.`,
  invalid_transition: (d) =>
    `The status cannot change from ${s(d.from)} to ${s(d.to)}${d.reason && d.reason !== 'not_allowed' ? ` (${s(d.reason)})` : ''}.`,
  unauthenticated: () => 'Please sign in.',
  forbidden: () => 'You are not allowed to do this.',
  consent_required: () => 'The person has not given consent for this purpose.',
  rate_limited: () => 'Too many requests. Please wait and try again.',
  payload_too_large: () => 'The request is too large.',
  unsupported_media_type: () => 'This content type is not supported.',
  invalid_config: () => 'The configuration is not valid.',
  invalid_file: (d) =>
    `The file ${s(d.file)} cannot be read${d.line ? ` (line ${s(d.line)}${d.column ? `, column ${s(d.column)}` : ''})` : ''}: ${s(d.reason)}.`,
  import_failed: () => 'The import failed; nothing was changed.',
  backup_incompatible: (d) => `This backup cannot be restored here: ${s(d.reason)}.`,
  unavailable: (d) => `${s(d.what) || 'The service'} is not available right now.`,
  internal_error: () => 'Something went wrong on our side. The error has been logged.',
};

const fr: Catalogue = {
  validation_failed: () => 'Certains champs ne sont pas valides.',
  not_found: (d) => `Aucun élément ${s(d.entity)} avec l’identifiant ${s(d.id)}.`,
  conflict: (d) => `La demande est en conflit avec l’état actuel : ${s(d.reason)}.`,
  closed_for_matching: (d) =>
    d.entity === 'training'
      ? `On ne peut plus rejoindre cette formation le ${s(d.today)} (terminée, inscriptions closes ou complète) : personne ne lui est proposé.`
      : `Cette offre est close ou n’a plus de place le ${s(d.today)} : personne ne lui est proposé.`,
  already_exists: (d) => `Un élément ${s(d.entity)} avec ce ${s(d.key)} existe déjà.`,
  version_conflict: () =>
    'Cet enregistrement a été modifié par quelqu’un d’autre. Rechargez-le et réessayez.',
  precondition_required: (d) => `L’en-tête ${s(d.header)} est obligatoire pour cette demande.`,
  idempotency_conflict: () => 'Cette clé Idempotency-Key a déjà servi pour une autre demande.',
  invalid_reference: (d) => `Certains champs renvoient à des éléments inexistants ou archivés${refs(d)}.`,
  invalid_transition: (d) => `Le statut ne peut pas passer de ${s(d.from)} à ${s(d.to)}.`,
  unauthenticated: () => 'Veuillez vous connecter.',
  forbidden: () => 'Vous n’êtes pas autorisé à faire cela.',
  consent_required: () => 'La personne n’a pas donné son consentement pour cette finalité.',
  rate_limited: () => 'Trop de demandes. Patientez puis réessayez.',
  payload_too_large: () => 'La demande est trop volumineuse.',
  unsupported_media_type: () => 'Ce type de contenu n’est pas pris en charge.',
  invalid_config: () => 'La configuration n’est pas valide.',
  invalid_file: (d) => `Le fichier ${s(d.file)} ne peut pas être lu : ${s(d.reason)}.`,
  import_failed: () => 'L’import a échoué ; rien n’a été modifié.',
  backup_incompatible: (d) => `Cette sauvegarde ne peut pas être restaurée ici : ${s(d.reason)}.`,
  unavailable: () => 'Le service n’est pas disponible pour le moment.',
  internal_error: () => 'Une erreur est survenue de notre côté. Elle a été enregistrée.',
};

const nl: Catalogue = {
  validation_failed: () => 'Sommige velden zijn niet geldig.',
  not_found: (d) => `Geen ${s(d.entity)} met id ${s(d.id)}.`,
  conflict: (d) => `Het verzoek botst met de huidige toestand: ${s(d.reason)}.`,
  closed_for_matching: (d) =>
    d.entity === 'training'
      ? `Deze opleiding staat op ${s(d.today)} niet meer open (afgelopen, inschrijving gesloten of vol): niemand wordt eraan gekoppeld.`
      : `Deze vacature is op ${s(d.today)} gesloten of vol: niemand wordt eraan gekoppeld.`,
  already_exists: (d) => `Er bestaat al een ${s(d.entity)} met deze ${s(d.key)}.`,
  version_conflict: () =>
    'Dit record is door iemand anders gewijzigd. Laad het opnieuw en probeer het nog eens.',
  precondition_required: (d) => `De header ${s(d.header)} is verplicht voor dit verzoek.`,
  idempotency_conflict: () => 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
  invalid_reference: (d) =>
    `Sommige velden verwijzen naar records die niet bestaan of gearchiveerd zijn${refs(d)}.`,
  invalid_transition: (d) => `De status kan niet van ${s(d.from)} naar ${s(d.to)} gaan.`,
  unauthenticated: () => 'Meld u aan.',
  forbidden: () => 'U mag dit niet doen.',
  consent_required: () => 'De persoon heeft voor dit doel geen toestemming gegeven.',
  rate_limited: () => 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  payload_too_large: () => 'Het verzoek is te groot.',
  unsupported_media_type: () => 'Dit inhoudstype wordt niet ondersteund.',
  invalid_config: () => 'De configuratie is niet geldig.',
  invalid_file: (d) => `Het bestand ${s(d.file)} kan niet worden gelezen: ${s(d.reason)}.`,
  import_failed: () => 'De import is mislukt; er is niets gewijzigd.',
  backup_incompatible: (d) => `Deze back-up kan hier niet worden teruggezet: ${s(d.reason)}.`,
  unavailable: () => 'De dienst is nu niet beschikbaar.',
  internal_error: () => 'Er ging iets mis aan onze kant. De fout is vastgelegd.',
};

const ar: Catalogue = {
  validation_failed: () => 'بعض الحقول غير صالحة.',
  not_found: (d) => `لا يوجد عنصر ${s(d.entity)} بالمعرّف ${s(d.id)}.`,
  conflict: () => 'يتعارض الطلب مع الحالة الحالية.',
  closed_for_matching: (d) =>
    d.entity === 'training'
      ? `لم يعد الالتحاق بهذا التدريب ممكنًا في ${s(d.today)}: لا يُقترح عليه أحد.`
      : `هذه الوظيفة مغلقة أو لم يبق فيها مكان في ${s(d.today)}: لا يُقترح عليها أحد.`,
  already_exists: () => 'يوجد عنصر بهذه القيمة مسبقًا.',
  version_conflict: () => 'غيّر شخص آخر هذا السجل. أعد تحميله وحاول مرة أخرى.',
  precondition_required: (d) => `الترويسة ${s(d.header)} مطلوبة لهذا الطلب.`,
  idempotency_conflict: () => 'استُخدم مفتاح Idempotency-Key هذا لطلب مختلف.',
  invalid_reference: (d) => `تشير بعض الحقول إلى سجلات غير موجودة أو مؤرشفة${refs(d)}.`,
  invalid_transition: (d) => `لا يمكن تغيير الحالة من ${s(d.from)} إلى ${s(d.to)}.`,
  unauthenticated: () => 'يرجى تسجيل الدخول.',
  forbidden: () => 'غير مسموح لك بهذا الإجراء.',
  consent_required: () => 'لم يوافق الشخص على هذا الغرض.',
  rate_limited: () => 'طلبات كثيرة جدًا. انتظر ثم حاول مرة أخرى.',
  payload_too_large: () => 'الطلب كبير جدًا.',
  unsupported_media_type: () => 'نوع المحتوى هذا غير مدعوم.',
  invalid_config: () => 'الإعدادات غير صالحة.',
  invalid_file: (d) => `تعذّرت قراءة الملف ${s(d.file)}: ${s(d.reason)}.`,
  import_failed: () => 'فشل الاستيراد؛ لم يتغير شيء.',
  backup_incompatible: () => 'لا يمكن استعادة هذه النسخة الاحتياطية هنا.',
  unavailable: () => 'الخدمة غير متاحة حاليًا.',
  internal_error: () => 'حدث خطأ من جهتنا وتم تسجيله.',
};

const ckb: Catalogue = {
  validation_failed: () => 'هەندێک لە خانەکان دروست نین.',
  not_found: (d) => `هیچ ${s(d.entity)}ێک بە ناسنامەی ${s(d.id)} نییە.`,
  conflict: () => 'داواکارییەکە لەگەڵ دۆخی ئێستادا ناکۆکە.',
  closed_for_matching: (d) =>
    d.entity === 'training'
      ? `ئەم ڕاهێنانە لە ${s(d.today)} چیتر بەردەست نییە: کەس بۆی پێشنیار ناکرێت.`
      : `ئەم هەلی کارە لە ${s(d.today)} داخراوە یان جێگای تێدا نەماوە: کەس بۆی پێشنیار ناکرێت.`,
  already_exists: () => 'تۆمارێک بەم بەهایە پێشتر هەیە.',
  version_conflict: () => 'کەسێکی تر ئەم تۆمارەی گۆڕیوە. دووبارە باری بکەرەوە و هەوڵ بدەرەوە.',
  precondition_required: (d) => `سەرپەڕەی ${s(d.header)} بۆ ئەم داواکارییە پێویستە.`,
  idempotency_conflict: () => 'ئەم کلیلی Idempotency-Key ـە پێشتر بۆ داواکارییەکی تر بەکارهاتووە.',
  invalid_reference: (d) => `هەندێک خانە ئاماژە بە تۆمارێک دەکەن کە بوونی نییە یان ئەرشیف کراوە${refs(d)}.`,
  invalid_transition: (d) => `دۆخەکە ناتوانرێت لە ${s(d.from)} بگۆڕدرێت بۆ ${s(d.to)}.`,
  unauthenticated: () => 'تکایە بچۆ ژوورەوە.',
  forbidden: () => 'ڕێگەت پێنەدراوە ئەمە بکەیت.',
  consent_required: () => 'کەسەکە ڕەزامەندی بۆ ئەم مەبەستە نەداوە.',
  rate_limited: () => 'داواکاری زۆرە. چاوەڕێ بکە و دووبارە هەوڵ بدەرەوە.',
  payload_too_large: () => 'داواکارییەکە زۆر گەورەیە.',
  unsupported_media_type: () => 'ئەم جۆرە ناوەڕۆکە پشتگیری ناکرێت.',
  invalid_config: () => 'ڕێکخستنەکان دروست نین.',
  invalid_file: (d) => `ناتوانرێت پەڕگەی ${s(d.file)} بخوێنرێتەوە: ${s(d.reason)}.`,
  import_failed: () => 'هاوردەکردن سەرکەوتوو نەبوو؛ هیچ شتێک نەگۆڕا.',
  backup_incompatible: () => 'ئەم پاشەکەوتە لێرە ناگەڕێندرێتەوە.',
  unavailable: () => 'خزمەتگوزارییەکە ئێستا بەردەست نییە.',
  internal_error: () => 'هەڵەیەک لە لای ئێمە ڕوویدا و تۆمارکرا.',
};

const catalogues: Record<Locale, Catalogue> = { en, fr, nl, ar, ckb };

/** Picks the best interface locale from an Accept-Language header or a tag; English otherwise. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'en';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split('-')[0] ?? '';
    if ((locales as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

/** Renders the human message of an error code in a locale. */
export function renderErrorMessage(code: ErrorCode, details: ErrorDetails, locale: Locale = 'en'): string {
  return catalogues[locale][code](details);
}
