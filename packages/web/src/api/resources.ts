/**
 * The shapes the screens use, and adapters from the API's records. Each adapter reads the
 * documented field first and tolerates the near variants, so a renamed field degrades to an
 * empty cell instead of a broken page.
 */
import { referralStatusDates } from '@passerelle/core/referral-status-dates';
import { formatDate } from '../i18n/format';
import { isolate } from '../i18n/rtl';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Raw = Record<string, unknown>;

const asRaw = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const str = (...vs: unknown[]): string | null => {
  for (const v of vs) if (typeof v === 'string' && v.trim() !== '') return v;
  return null;
};
const num = (...vs: unknown[]): number | null => {
  for (const v of vs) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A label in the reader's language from a string or a `{ lang: text }` map. */
export function labelOf(value: unknown, language = 'en'): string {
  if (typeof value === 'string') return value;
  const r = asRaw(value);
  return (
    str(
      r[language],
      r.en,
      r.label,
      r.preferredLabel,
      r.title,
      r.name,
      Object.values(r).find((x) => typeof x === 'string'),
    ) ?? ''
  );
}

/** Reads a `{ items, nextCursor }` page or a bare array. */
export function toPage<T>(body: unknown, map: (raw: unknown) => T): Page<T> {
  if (Array.isArray(body)) return { items: body.map(map), nextCursor: null };
  const b = asRaw(body);
  return { items: list(b.items ?? b.results ?? b.data).map(map), nextCursor: str(b.nextCursor) };
}

export interface PersonSummary {
  id: string;
  name: string;
  countryOfReturn: string | null;
  hostCountry: string | null;
  language: string | null;
  status: string | null;
  updatedAt: string | null;
  completeness: number | null;
  followUpDue: string | null;
  /** The date the case was closed, while it is. */
  closedOn: string | null;
}

/** A person's display name from split or whole name fields. */
export function personName(raw: unknown): string {
  const r = asRaw(raw);
  const p = asRaw(r.profile ?? r.identity);
  const whole = str(r.displayName, r.name, r.fullName, p.displayName, p.name);
  if (whole) return whole;
  return [
    str(r.givenName, r.firstName, p.givenName, p.firstName),
    str(r.familyName, r.lastName, p.familyName, p.lastName),
  ]
    .filter(Boolean)
    .join(' ');
}

export function toPersonSummary(raw: unknown): PersonSummary {
  const r = asRaw(raw);
  const ret = asRaw(r.returnInfo ?? r.legal ?? r.return);
  const comp = asRaw(r.completeness);
  const pct =
    typeof r.completeness === 'number' ? r.completeness : num(comp.percent, comp.overall, comp.score);
  return {
    id: String(r.id ?? ''),
    name: personName(r),
    countryOfReturn: str(ret.returnCountry, ret.countryOfReturn, r.returnCountry, r.countryOfReturn),
    hostCountry: str(ret.hostCountry, r.hostCountry),
    language: str(r.preferredLanguage, r.language),
    status: str(r.status, r.caseStatus),
    updatedAt: str(r.updatedAt),
    completeness: pct === null ? null : share(pct),
    followUpDue: str(r.nextFollowUp, r.followUpDue, r.followUpOn),
    closedOn: str(asRaw(r.caseClosure).on),
  };
}

/** A person's record as far as the case's closure goes: the version to change it against, and the closure if closed. */
export function toCaseClosure(raw: unknown): {
  id: string;
  version: number | null;
  closure: { on: string; reason: string; note: string | null } | null;
  /** Whether the reader may close or reopen the case (the server's `permissions.closeCase`; false when absent). */
  mayChange: boolean;
} {
  const r = asRaw(raw);
  const c = asRaw(r.caseClosure);
  const on = str(c.on);
  const reason = str(c.reason);
  return {
    id: String(r.id ?? ''),
    version: num(r.version),
    closure: on && reason ? { on, reason, note: str(c.note) } : null,
    mayChange: asRaw(r.permissions).closeCase === true,
  };
}

export interface ProfileSection {
  key: string;
  state: 'empty' | 'partial' | 'complete';
  entries: string[];
}

/** The C1 sections a person page shows, in order (keys of the person record). */
export const profileSectionKeys = [
  'workExperience',
  'skills',
  'education',
  'languages',
  'digitalSkills',
  'drivingLicences',
  'aspirations',
  'limitations',
  'returnInfo',
] as const;

/** Turns codes into words in the reader's language (countries, languages, fixed terms). */
export interface ProfileWords {
  country(code: string): string;
  language(code: string): string;
  /** A fixed term such as `wage_employment`, `informal` or `childcare`. */
  term(key: string): string;
  /** A taxonomy concept's label in the reader's language, null while unknown (then the stored label is shown). */
  concept?(uri: string): string | null;
}

const plainWords: ProfileWords = { country: (c) => c, language: (c) => c, term: (k) => k.replace(/_/g, ' ') };

/** A concept URI the taxonomy can name: ESCO's (http) or the starter catalogue's (`urn:passerelle:`). */
export function isConceptUri(uri: string): boolean {
  return uri.startsWith('http') || uri.startsWith('urn:passerelle:');
}

/** The taxonomy concepts a person record names in its profile (skills, occupations), to label in the reader's language. */
export function profileConceptUris(raw: unknown): string[] {
  const r = asRaw(raw);
  const uriOf = (v: unknown) => {
    const u = asRaw(v).uri;
    return typeof u === 'string' && isConceptUri(u) ? u : null;
  };
  const uris = [
    ...list(r.skills).map(uriOf),
    ...list(asRaw(r.aspirations).occupations).map(uriOf),
    ...list(r.workExperience).map((w) => uriOf(asRaw(w).occupation)),
  ];
  return [...new Set(uris.filter((u): u is string => u !== null))];
}

/** Reads each section's entries and completeness from a person record. */
export function toProfileSections(
  raw: unknown,
  language: string,
  words: ProfileWords = plainWords,
): ProfileSection[] {
  const r = asRaw(raw);
  const comp = asRaw(asRaw(r.completeness).sections);
  const declaredNone = Array.isArray(r.declaredNone) ? r.declaredNone : [];
  return profileSectionKeys.map((key) => {
    const described = describeSection(key, r[key], language, words);
    // A section declared empty on purpose ("no driving licence") is complete: say so, not "nothing recorded".
    const entries =
      described.length === 0 && declaredNone.includes(key) ? [words.term('declared_none')] : described;
    const declared = str(comp[key]);
    const state: ProfileSection['state'] =
      declared === 'complete' || declared === 'partial' || declared === 'empty'
        ? declared
        : entries.length
          ? 'partial'
          : 'empty';
    return { key, state, entries };
  });
}

const limitationFlags = [
  'childcare',
  'familyDuties',
  'limitedMobility',
  'healthRestrictions',
  'workNearHomeOnly',
  'workAtHomeOnly',
];

function describeSection(key: string, value: unknown, language: string, words: ProfileWords): string[] {
  const country = (v: unknown) => (typeof v === 'string' && v ? words.country(v) : null);
  const term = (v: unknown) => (typeof v === 'string' && v ? words.term(v) : null);
  // A concept by its URI in the reader's language when known, else the label stored with it.
  const concept = (v: unknown, stored: unknown = asRaw(v).label ?? v) => {
    const uri = asRaw(v).uri;
    return (typeof uri === 'string' && words.concept?.(uri)) || labelOf(stored, language);
  };
  if (value === null || value === undefined) return [];
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).map(isolate).join(' · ');
  switch (key) {
    case 'workExperience':
      return list(value).map((e) => {
        const w = asRaw(e);
        return join(
          concept(w.occupation, asRaw(w.occupation).label) || str(w.title),
          str(w.employer),
          country(w.country),
          term(w.arrangement),
        );
      });
    case 'skills':
      return list(value).map((e) => concept(e));
    case 'education':
      return list(value).map((e) => {
        const d = asRaw(e);
        const level =
          d.iscedLevel === null || d.iscedLevel === undefined ? null : `ISCED ${String(d.iscedLevel)}`;
        return join(
          str(d.levelLabel) ?? level,
          str(asRaw(d.field).label),
          str(d.institution),
          country(d.country),
        );
      });
    case 'languages':
      return list(value).map((e) => {
        const l = asRaw(e);
        const levels = [l.spokenInteraction, l.spokenProduction, l.listening, l.reading, l.writing].filter(
          (x): x is string => typeof x === 'string',
        );
        const name = typeof l.language === 'string' ? words.language(l.language) : str(l.label);
        return join(name, l.motherTongue ? words.term('mother_tongue') : (levels[0] ?? null));
      });
    case 'digitalSkills':
      return list(value).map((e) =>
        join(term(asRaw(e).area), num(asRaw(e).level) === null ? null : String(asRaw(e).level)),
      );
    case 'drivingLicences':
      return list(value).map((e) => join(str(asRaw(e).category), country(asRaw(e).country)));
    case 'aspirations': {
      const a = asRaw(value);
      return [
        ...list(a.occupations).map((o) => concept(o)),
        ...list(a.workTypes).map((w) => words.term(String(w))),
      ].filter(Boolean);
    }
    case 'limitations': {
      const l = asRaw(value);
      const out = limitationFlags.filter((k) => l[k] === true).map((k) => words.term(k));
      if (typeof l.hoursPerWeek === 'number') out.push(`≤ ${l.hoursPerWeek} h`);
      return out;
    }
    case 'returnInfo': {
      const ri = asRaw(value);
      const from = country(ri.hostCountry);
      const to = country(ri.returnCountry);
      return [
        join(
          from && to ? `${from} › ${to}` : (from ?? to),
          str(ri.returnRegion),
          str(ri.returnCity),
          formatDate(str(ri.returnDate), language) || null,
        ),
      ].filter(Boolean);
    }
    default:
      return list(value).map((e) => labelOf(e, language));
  }
}

/** A skill in an explanation: its URI, and its label when the record carried one (else looked up). */
export interface SkillRef {
  uri: string;
  label: string | null;
}

export interface MatchReasonSkill extends SkillRef {
  /** `near` (a close skill), `inferred` (from past work) or null (the same skill). */
  how: 'near' | 'inferred' | null;
}

export interface GapTraining {
  id: string;
  title: string | null;
  covers: SkillRef[];
}

export interface Match {
  id: string;
  kind: 'vacancy' | 'training' | 'person';
  title: string;
  organisationId: string | null;
  organisation: string | null;
  place: string | null;
  score: number;
  /** Scored criteria only (hard filters have no weight and are not shown as bars). */
  criteria: { name: string; score: number }[];
  matchedSkills: MatchReasonSkill[];
  missingSkills: SkillRef[];
  gapTrainings: GapTraining[];
  /** The score the person would reach after the suggested trainings. */
  scoreAfter: number | null;
}

/** Scores are shown as shares; accepts 0..1 or 0..100. */
function share(v: number | null): number {
  if (v === null) return 0;
  return v > 1 ? v / 100 : v;
}

/** Labels of the skills a record names (a vacancy's essential and optional skills, a training's skills). */
function skillLabels(record: Raw, language: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const key of ['essentialSkills', 'optionalSkills', 'skills', 'skillsTaught']) {
    for (const s of list(record[key])) {
      const r = asRaw(s);
      const uri = str(r.uri);
      const label = labelOf(r.label, language);
      if (uri && label) m.set(uri, label);
    }
  }
  return m;
}

export function toMatch(raw: unknown, language = 'en'): Match {
  const r = asRaw(raw);
  const target = asRaw(r.record ?? r.vacancy ?? r.training ?? r.person ?? r.target ?? r);
  const why = asRaw(r.explanation ?? r.reasons ?? r.why ?? r);
  const labels = skillLabels(target, language);
  const ref = (s: unknown): SkillRef => {
    const uri = typeof s === 'string' ? s : (str(asRaw(s).uri) ?? '');
    const own = typeof s === 'string' ? null : labelOf(asRaw(s).label, language) || null;
    return { uri, label: own ?? labels.get(uri) ?? (uri.startsWith('http') ? null : uri) };
  };
  const crit = why.criteria ?? why.scores ?? r.criteria;
  const criteria = Array.isArray(crit)
    ? crit
        .filter((c) => num(asRaw(c).weight) !== 0)
        .map((c) => ({
          name: str(asRaw(c).name, asRaw(c).criterion, asRaw(c).id) ?? '',
          score: share(num(asRaw(c).score, asRaw(c).value)),
        }))
    : Object.entries(asRaw(crit)).map(([name, v]) => ({ name, score: share(num(v, asRaw(v).score)) }));
  const skills = asRaw(why.skills);
  const trainings = asRaw(why.trainings);
  const kind = str(r.kind, r.type) ?? (r.training ? 'training' : r.person ? 'person' : 'vacancy');
  const loc = asRaw(target.location);
  return {
    id: String(r.id ?? target.id ?? ''),
    kind: kind === 'training' ? 'training' : kind === 'person' ? 'person' : 'vacancy',
    title: labelOf(target.title ?? target.name, language) || personName(target),
    organisationId: str(target.employerId, target.providerId),
    // `offeredBy`: the employer's or provider's display name, sent with the match (people may not read organisations).
    organisation: str(
      asRaw(r.offeredBy).name,
      target.employerName,
      target.providerName,
      asRaw(target.employer).name,
      asRaw(target.provider).name,
    ),
    place:
      str(loc.city, loc.region, target.city) ??
      (typeof target.location === 'string' ? target.location : null),
    score: share(num(r.score, why.score)),
    criteria: criteria.filter((c) => c.name !== ''),
    matchedSkills: list(skills.matched ?? why.matchedSkills).map((s) => {
      const x = asRaw(s);
      return { ...ref(s), how: x.near === true ? 'near' : x.inferred === true ? 'inferred' : null };
    }),
    missingSkills: list(skills.missingEssential ?? why.missingSkills).map(ref),
    gapTrainings: list(trainings.suggestions ?? why.gapTrainings).map((g) => {
      const t = asRaw(g);
      return { id: String(t.id ?? ''), title: str(t.title), covers: list(t.covers).map(ref) };
    }),
    scoreAfter: num(trainings.scoreAfter) === null ? null : share(num(trainings.scoreAfter)),
  };
}

/** The referral pipeline of C5, in order. */
export const referralStatuses = [
  'proposed',
  'sent',
  'accepted',
  'rejected',
  'started',
  'completed',
  'dropped',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export interface Referral {
  id: string;
  personId: string;
  personName: string;
  targetKind: string;
  targetId: string;
  targetTitle: string;
  organisation: string | null;
  status: ReferralStatus;
  /** The day the referral reached its status (started on, sent on…), not the last change of the record. */
  statusOn: string | null;
  updatedAt: string | null;
  version: number | null;
  feedback: string | null;
  organisationId: string | null;
  followUpOn: string | null;
}

/** True while a referral can still move: not rejected, completed or dropped (the ones worth a follow-up). */
export function isReferralOpen(referral: Pick<Referral, 'status'>): boolean {
  return referral.status !== 'rejected' && referral.status !== 'completed' && referral.status !== 'dropped';
}

/** How many referrals are in each open status, in the order of the workflow (statuses without any left out). */
export function countOpenReferrals(referrals: Pick<Referral, 'status'>[]): [ReferralStatus, number][] {
  return referralStatuses
    .filter((status) => isReferralOpen({ status }))
    .map((status): [ReferralStatus, number] => [status, referrals.filter((r) => r.status === status).length])
    .filter(([, n]) => n > 0);
}

export function toReferral(raw: unknown, language = 'en'): Referral {
  const r = asRaw(raw);
  const target = asRaw(r.vacancy ?? r.training ?? r.target);
  const status = str(r.status) ?? 'proposed';
  return {
    id: String(r.id ?? ''),
    personId: String(r.personId ?? asRaw(r.person).id ?? ''),
    personName: str(r.personName) ?? personName(r.person),
    targetKind:
      str(r.targetKind, r.targetType, r.kind) ??
      (r.vacancyId || r.vacancy ? 'vacancy' : r.trainingId || r.training ? 'training' : 'service'),
    targetId: String(r.targetId ?? r.vacancyId ?? r.trainingId ?? target.id ?? ''),
    targetTitle: str(r.targetTitle) ?? labelOf(target.title ?? target.name, language),
    organisation: str(r.organisationName, r.employerName, asRaw(r.organisation).name, target.employerName),
    status: (referralStatuses as readonly string[]).includes(status)
      ? (status as ReferralStatus)
      : 'proposed',
    statusOn: str(r[referralStatusDates[status as ReferralStatus] ?? 'updatedAt'], r.updatedAt, r.createdAt),
    updatedAt: str(r.updatedAt, r.createdAt),
    version: num(r.version),
    feedback: str(r.reason, r.feedback, r.notes),
    organisationId: str(r.organisationId),
    followUpOn: str(r.followUpOn),
  };
}

export interface Vacancy {
  id: string;
  title: string;
  employerId: string | null;
  employer: string | null;
  place: string | null;
  country: string | null;
  seats: number | null;
  closesAt: string | null;
  contract: string | null;
  /** draft, open, filled or closed (null when the record does not say): only open vacancies are matched. */
  status: string | null;
}

export function toVacancy(raw: unknown, language = 'en'): Vacancy {
  const r = asRaw(raw);
  const loc = asRaw(r.location);
  return {
    id: String(r.id ?? ''),
    title: labelOf(r.title ?? asRaw(r.occupation).label ?? r.name, language),
    employerId: str(r.employerId),
    employer: str(r.employerName, asRaw(r.employer).name, r.organisationName),
    place: str(r.place, loc.city, loc.region, r.city),
    country: str(loc.country, r.country),
    seats: num(r.seats, r.positions),
    closesAt: str(r.applyBy, r.closesAt, r.deadline),
    contract: str(asRaw(r.contract).type, r.contract, r.contractType),
    status: str(r.status),
  };
}

export interface Training {
  id: string;
  title: string;
  provider: string | null;
  providerId: string | null;
  place: string | null;
  delivery: string | null;
  startsAt: string | null;
  seats: number | null;
}

export function toTraining(raw: unknown, language = 'en'): Training {
  const r = asRaw(raw);
  return {
    id: String(r.id ?? ''),
    title: labelOf(r.title ?? r.name, language),
    provider: str(r.providerName, asRaw(r.provider).name, r.organisationName),
    providerId: str(r.providerId),
    place: str(r.place, asRaw(r.location).city, asRaw(r.location).region, r.city),
    delivery: str(r.delivery, r.mode),
    startsAt: str(r.startsOn, r.startsAt, r.startDate),
    seats: num(r.seats),
  };
}

export interface Employer {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
  size: string | null;
  vetting: string | null;
}

export function toEmployer(raw: unknown): Employer {
  const r = asRaw(raw);
  const d = asRaw(r.data);
  return {
    id: String(r.id ?? ''),
    name: str(r.name) ?? '',
    country: str(r.country),
    // The profile holds the sector as `{ label, isicCode }` and the vetting as `{ status, checkedOn }`.
    sector: str(asRaw(d.sector).label, d.sector, r.sector),
    size: str(d.size, r.size),
    vetting: str(asRaw(d.vetting).status, d.vettingStatus, d.vetting, r.vettingStatus),
  };
}

export interface ConceptOption {
  id: string;
  label: string;
  type: string | null;
  code: string | null;
}

export function toConcept(raw: unknown, language = 'en'): ConceptOption {
  const r = asRaw(raw);
  const c = asRaw(r.concept ?? r);
  return {
    id: String(c.uri ?? c.id ?? c.conceptUri ?? ''),
    label: str(r.matchedLabel) ?? labelOf(c.preferredLabel ?? c.label ?? c.prefLabel ?? c.labels, language),
    type: str(c.type, c.kind),
    code: str(c.code, c.iscoCode, c.notation),
  };
}

export interface Consent {
  id: string;
  recipient: string;
  /** The kind of recipient the consent names (programme, employers, ...), when it names one. */
  recipientCategory: string | null;
  purpose: string;
  /** How it was given: signed form, spoken with a witness, online. */
  method: string;
  status: 'active' | 'withdrawn' | 'expired';
  since: string | null;
  until: string | null;
}

export function toConsent(raw: unknown): Consent {
  const r = asRaw(raw);
  const status = str(r.status) ?? (r.withdrawnAt ? 'withdrawn' : r.active === false ? 'expired' : 'active');
  return {
    id: String(r.id ?? ''),
    recipient:
      str(
        r.recipientName,
        asRaw(r.recipient).name,
        r.recipient,
        r.recipientCategory,
        r.recipientOrganisationId,
      ) ?? '',
    recipientCategory: str(r.recipientCategory),
    purpose: str(r.purpose) ?? '',
    method: str(r.method) ?? '',
    status: status === 'withdrawn' || status === 'expired' ? status : 'active',
    since: str(r.startsAt),
    until: str(r.expiresAt, r.until, r.endsAt),
  };
}
