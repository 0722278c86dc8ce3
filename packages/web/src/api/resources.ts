/**
 * The shapes the screens use, and adapters from the API's records. Each adapter reads the
 * documented field first and tolerates the near variants, so a renamed field degrades to an
 * empty cell instead of a broken page.
 */

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
  const legal = asRaw(r.legal ?? r.return ?? asRaw(r.profile).legal);
  const comp = r.completeness;
  return {
    id: String(r.id ?? ''),
    name: personName(r),
    countryOfReturn: str(r.countryOfReturn, r.returnCountry, legal.countryOfReturn, legal.returnCountry),
    hostCountry: str(r.hostCountry, legal.hostCountry),
    language: str(r.preferredLanguage, r.language, asRaw(r.profile).preferredLanguage),
    status: str(r.status, r.caseStatus),
    updatedAt: str(r.updatedAt),
    completeness: typeof comp === 'number' ? comp : num(asRaw(comp).overall, asRaw(comp).score),
    followUpDue: str(r.nextFollowUp, r.followUpDue, asRaw(r.nextFollowUp).dueAt),
  };
}

export interface ProfileSection {
  key: string;
  state: 'empty' | 'partial' | 'complete';
  entries: string[];
}

/** The C1 sections a person page shows, in order. */
export const profileSectionKeys = [
  'education',
  'experience',
  'skills',
  'digitalSkills',
  'languages',
  'drivingLicences',
  'aspirations',
  'limitations',
  'legal',
] as const;

/** Reads each section's entries and completeness from a person record. */
export function toProfileSections(raw: unknown, language: string): ProfileSection[] {
  const r = asRaw(raw);
  const profile = asRaw(r.profile ?? r);
  const comp = asRaw(asRaw(r.completeness).sections ?? r.completeness ?? profile.completeness);
  return profileSectionKeys.map((key) => {
    const value = profile[key] ?? r[key];
    const entries = (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [])
      .map((e) => describeEntry(e, language))
      .filter((s) => s !== '');
    const declared = str(comp[key], asRaw(comp[key]).state);
    const state: ProfileSection['state'] =
      declared === 'complete' || declared === 'partial' || declared === 'empty'
        ? declared
        : entries.length
          ? 'partial'
          : 'empty';
    return { key, state, entries };
  });
}

function describeEntry(e: unknown, language: string): string {
  if (typeof e === 'string') return e;
  const r = asRaw(e);
  const head =
    labelOf(
      r.label ??
        r.title ??
        r.occupationLabel ??
        r.occupation ??
        r.skillLabel ??
        r.skill ??
        r.field ??
        r.name ??
        r.language ??
        r.area ??
        r.category,
      language,
    ) ||
    str(r.text, r.freeText, r.note, r.type) ||
    '';
  const level = str(r.level, r.iscedLevel ? `ISCED ${String(r.iscedLevel)}` : null, r.cefr);
  const where = str(r.employer, r.institution, r.country);
  return [head, level, where].filter(Boolean).join(' · ');
}

export interface MatchReasonSkill {
  label: string;
  how: string | null;
}

export interface GapTraining {
  id: string;
  title: string;
  covers: string[];
  scoreAfter: number | null;
}

export interface Match {
  id: string;
  kind: 'vacancy' | 'training' | 'person';
  title: string;
  organisation: string | null;
  place: string | null;
  score: number;
  criteria: { name: string; score: number }[];
  matchedSkills: MatchReasonSkill[];
  missingSkills: string[];
  gapTrainings: GapTraining[];
}

/** Scores are shown as shares; accepts 0..1 or 0..100. */
function share(v: number | null): number {
  if (v === null) return 0;
  return v > 1 ? v / 100 : v;
}

export function toMatch(raw: unknown, language = 'en'): Match {
  const r = asRaw(raw);
  const target = asRaw(r.vacancy ?? r.training ?? r.person ?? r.target ?? r.record ?? r);
  const why = asRaw(r.explanation ?? r.reasons ?? r.why ?? r);
  const crit = why.criteria ?? why.scores ?? r.criteria;
  const criteria = Array.isArray(crit)
    ? crit.map((c) => ({
        name: str(asRaw(c).name, asRaw(c).criterion, asRaw(c).id) ?? '',
        score: share(num(asRaw(c).score, asRaw(c).value)),
      }))
    : Object.entries(asRaw(crit)).map(([name, v]) => ({ name, score: share(num(v, asRaw(v).score)) }));
  const kind = str(r.kind, r.type) ?? (r.training ? 'training' : r.person ? 'person' : 'vacancy');
  return {
    id: String(r.id ?? target.id ?? r.vacancyId ?? r.trainingId ?? r.personId ?? ''),
    kind: kind === 'training' ? 'training' : kind === 'person' ? 'person' : 'vacancy',
    title: labelOf(target.title ?? target.name ?? target.occupationLabel, language) || personName(target),
    organisation: str(
      target.employerName,
      target.providerName,
      target.organisationName,
      asRaw(target.employer).name,
      asRaw(target.provider).name,
    ),
    place: str(target.place, target.location, target.city, asRaw(target.location).name, target.region),
    score: share(num(r.score, r.total, why.score)),
    criteria: criteria.filter((c) => c.name !== ''),
    matchedSkills: list(why.matchedSkills ?? why.matched).map((s) => ({
      label: labelOf(asRaw(s).label ?? asRaw(s).skill ?? s, language),
      how: str(asRaw(s).how, asRaw(s).via, asRaw(s).kind, asRaw(s).match),
    })),
    missingSkills: list(why.missingSkills ?? why.missingEssentialSkills ?? why.missing).map((s) =>
      labelOf(asRaw(s).label ?? asRaw(s).skill ?? s, language),
    ),
    gapTrainings: list(why.gapTrainings ?? why.trainings ?? why.closingTrainings ?? r.trainings).map((g) => {
      const t = asRaw(asRaw(g).training ?? g);
      return {
        id: String(t.id ?? ''),
        title: labelOf(t.title ?? t.name, language),
        covers: list(asRaw(g).covers ?? asRaw(g).covered ?? asRaw(g).skills).map((s) =>
          labelOf(asRaw(s).label ?? s, language),
        ),
        scoreAfter: num(asRaw(g).scoreAfter) === null ? null : share(num(asRaw(g).scoreAfter)),
      };
    }),
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
  updatedAt: string | null;
  version: number | null;
  feedback: string | null;
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
    updatedAt: str(r.updatedAt, r.createdAt),
    version: num(r.version),
    feedback: str(r.feedback, r.reason, r.note),
  };
}

export interface Vacancy {
  id: string;
  title: string;
  employer: string | null;
  place: string | null;
  country: string | null;
  seats: number | null;
  closesAt: string | null;
  contract: string | null;
}

export function toVacancy(raw: unknown, language = 'en'): Vacancy {
  const r = asRaw(raw);
  return {
    id: String(r.id ?? ''),
    title: labelOf(r.title ?? r.occupationLabel ?? r.name, language),
    employer: str(r.employerName, asRaw(r.employer).name, r.organisationName),
    place: str(r.place, r.city, r.location, asRaw(r.location).name, r.region),
    country: str(r.country, asRaw(r.location).country),
    seats: num(r.seats, r.positions),
    closesAt: str(r.closesAt, r.deadline, r.endDate, r.closingDate),
    contract: str(r.contract, r.contractType),
  };
}

export interface Training {
  id: string;
  title: string;
  provider: string | null;
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
    place: str(r.place, r.city, r.location, asRaw(r.location).name),
    delivery: str(r.delivery, r.mode),
    startsAt: str(r.startsAt, r.startDate, r.start),
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
    sector: str(d.sector, r.sector),
    size: str(d.size, r.size),
    vetting: str(d.vettingStatus, d.vetting, r.vettingStatus),
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
  purpose: string;
  status: 'active' | 'withdrawn' | 'expired';
  until: string | null;
}

export function toConsent(raw: unknown): Consent {
  const r = asRaw(raw);
  const status = str(r.status) ?? (r.withdrawnAt ? 'withdrawn' : 'active');
  return {
    id: String(r.id ?? ''),
    recipient: str(r.recipientName, asRaw(r.recipient).name, r.recipient, r.recipientCategory) ?? '',
    purpose: str(r.purpose) ?? '',
    status: status === 'withdrawn' || status === 'expired' ? status : 'active',
    until: str(r.expiresAt, r.until, r.endsAt),
  };
}
