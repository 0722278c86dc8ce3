import type { Person, Training, Vacancy } from '@passerelle/core';
import type {
  CefrLevel,
  MatchLocation,
  MatchOccupation,
  MatchPerson,
  MatchTraining,
  MatchVacancy,
  Shift,
  SkillEvidence,
} from '@passerelle/matching';

/**
 * Records → the matching engine's inputs. Pure. Sex, gender, birth date and nationality are
 * copied into `protected` only, which no criterion reads (docs/matching.md).
 */

const engineShifts = new Set<string>(['day', 'evening', 'night', 'weekend']);
const onlyEngineShifts = (list: readonly string[] | undefined): Shift[] =>
  (list ?? []).filter((s): s is Shift => engineShifts.has(s));

const evidenceOf = (kind: string | undefined): SkillEvidence =>
  kind === 'certificate' || kind === 'test'
    ? 'certified'
    : kind === 'employer_reference'
      ? 'work_experience'
      : 'self_declared';

function occupationOf(
  o: { uri?: string | null; iscoCode?: string | null } | null | undefined,
): MatchOccupation | null {
  if (!o || (!o.uri && !o.iscoCode)) return null;
  return { ...(o.uri ? { uri: o.uri } : {}), ...(o.iscoCode ? { isco: o.iscoCode } : {}) };
}

function locationOf(p: {
  country?: string | null;
  region?: string | null;
  city?: string | null;
  coordinates?: { lat: number; lon: number } | null;
}): MatchLocation | undefined {
  if (!p.country) return undefined;
  return {
    country: p.country,
    ...(p.region ? { region: p.region } : {}),
    ...(p.city ? { district: p.city } : {}),
    ...(p.coordinates ? { lat: p.coordinates.lat, lon: p.coordinates.lon } : {}),
  };
}

/** Where a person looks for work: where they return to, else where they are followed. */
function personLocation(person: Person): MatchLocation | undefined {
  const r = person.returnInfo;
  if (r?.returnCountry)
    return locationOf({ country: r.returnCountry, region: r.returnRegion, city: r.returnCity });
  return locationOf({ country: person.country });
}

/** A person record as the engine sees it. */
export function personToMatch(person: Person): MatchPerson {
  const skills = new Map<string, SkillEvidence>();
  for (const s of person.skills) if (s.uri) skills.set(s.uri, evidenceOf(s.evidence?.kind));
  for (const w of person.workExperience)
    for (const s of w.skillsUsed) if (s.uri && !skills.has(s.uri)) skills.set(s.uri, 'work_experience');
  const isced = person.education
    .filter((e) => e.iscedLevel !== null && e.iscedLevel !== undefined && e.completed !== false)
    .reduce<number | undefined>((max, e) => Math.max(max ?? 0, e.iscedLevel!), undefined);
  const lim = person.limitations;
  const asp = person.aspirations;
  const rightToWork = (person.legalStatus?.rightToWork ?? [])
    .filter((r) => r.status === 'yes')
    .map((r) => r.country);
  if (person.returnInfo?.returnCountry && !rightToWork.includes(person.returnInfo.returnCountry)) {
    // A returnee has the right to work in their country of return unless told otherwise.
    const denied = (person.legalStatus?.rightToWork ?? []).some(
      (r) => r.country === person.returnInfo?.returnCountry && r.status !== 'yes',
    );
    if (!denied) rightToWork.push(person.returnInfo.returnCountry);
  }
  const birthYear = person.birthDate ? Number(person.birthDate.slice(0, 4)) : undefined;
  return {
    id: person.id,
    pastOccupations: person.workExperience
      .map((w) => occupationOf(w.occupation))
      .filter((o): o is MatchOccupation => o !== null),
    skills: [...skills].map(([uri, evidence]) => ({ uri, evidence })),
    languages: person.languages.map((l) => {
      const levels: Partial<
        Record<'listening' | 'reading' | 'spokenInteraction' | 'spokenProduction' | 'writing', CefrLevel>
      > = {};
      for (const k of ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const) {
        const v = l[k];
        if (v) levels[k] = v as CefrLevel;
        // A mother tongue without levels counts as fluent.
        else if (l.motherTongue) levels[k] = 'C2';
      }
      return { language: l.language, levels };
    }),
    ...(isced !== undefined ? { iscedLevel: isced } : {}),
    ...(personLocation(person) ? { location: personLocation(person)! } : {}),
    mobility: {
      willingToMove: asp?.willingToRelocate ? 'country' : lim?.workNearHomeOnly ? 'no' : 'region',
      ...(lim?.maxTravelKm ? { maxTravelKm: lim.maxTravelKm } : {}),
    },
    availability: {
      ...(lim?.hoursPerWeek ? { maxHoursPerWeek: lim.hoursPerWeek } : {}),
      ...(lim?.availableShifts?.length ? { shifts: onlyEngineShifts(lim.availableShifts) } : {}),
    },
    wantsWorkAtOrNearHome: Boolean(lim?.workAtHomeOnly || lim?.workNearHomeOnly),
    limitations: {
      childcare: Boolean(lim?.childcare || lim?.familyDuties),
      limitedMobility: Boolean(lim?.limitedMobility),
    },
    aspirations: {
      occupations: (asp?.occupations ?? []).map(occupationOf).filter((o): o is MatchOccupation => o !== null),
      sectors: (asp?.sectors ?? []).map((s) => s.isicCode ?? '').filter(Boolean),
    },
    drivingLicences: person.drivingLicences.map((d) => d.category),
    rightToWork,
    protected: {
      ...(person.sex ? { sex: person.sex } : {}),
      ...(person.gender ? { gender: person.gender } : {}),
      ...(birthYear ? { birthYear } : {}),
      ...(person.nationalities[0] ? { nationality: person.nationalities[0] } : {}),
    },
  };
}

/** A vacancy record as the engine sees it. */
export function vacancyToMatch(v: Vacancy): MatchVacancy {
  const hardLanguages = v.requirements.languages.map((l) => ({
    language: l.language,
    minLevel: l.minLevel as CefrLevel,
    hard: true,
  }));
  const softLanguages = v.languages
    .filter((l) => l.level && !v.requirements.languages.some((h) => h.language === l.language))
    .map((l) => ({ language: l.language, minLevel: l.level as CefrLevel }));
  const occupation = occupationOf(v.occupation);
  return {
    id: v.id,
    ...(occupation ? { occupation } : {}),
    essentialSkills: v.essentialSkills.map((s) => s.uri).filter((u): u is string => Boolean(u)),
    optionalSkills: v.optionalSkills.map((s) => s.uri).filter((u): u is string => Boolean(u)),
    languages: [...hardLanguages, ...softLanguages],
    ...(v.education?.minIscedLevel !== null && v.education?.minIscedLevel !== undefined
      ? { minIscedLevel: v.education.minIscedLevel }
      : {}),
    ...(locationOf(v.location) ? { location: locationOf(v.location)! } : {}),
    homeBasedPossible: v.atHomePossible,
    ...(v.hours?.perWeek ? { hoursPerWeek: v.hours.perWeek } : {}),
    ...(v.hours?.shifts?.length ? { shifts: onlyEngineShifts(v.hours.shifts) } : {}),
    seats: v.seats,
    ...(v.postedOn ? { opensOn: v.postedOn } : {}),
    ...(v.applyBy ? { closesOn: v.applyBy } : {}),
    requirements: {
      ...(v.requirements.drivingLicences[0] ? { drivingLicence: v.requirements.drivingLicences[0] } : {}),
      rightToWork: v.requirements.rightToWork,
    },
  };
}

/** A training record as the engine sees it. */
export function trainingToMatch(t: Training): MatchTraining {
  const occupation = occupationOf(t.occupation);
  return {
    id: t.id,
    skillsTaught: t.skillsTaught.map((s) => s.uri).filter((u): u is string => Boolean(u)),
    ...(occupation ? { occupations: [occupation] } : {}),
    ...(locationOf(t.location) ? { location: locationOf(t.location)! } : {}),
    delivery: t.delivery,
    ...(t.startsOn ? { startsOn: t.startsOn } : {}),
    ...(t.endsOn ? { endsOn: t.endsOn } : {}),
    ...(t.applyBy ? { enrolmentClosesOn: t.applyBy } : {}),
    ...(t.seats ? { seats: t.seats } : {}),
    stipend: Boolean(t.stipend && (t.stipend.min || t.stipend.max)),
    transportSupport: t.support.transport,
    childcareSupport: t.support.childcare,
    ...(t.languageTaught
      ? {}
      : t.instructionLanguages[0]
        ? { language: { language: t.instructionLanguages[0] } }
        : {}),
    ...(t.entryRequirements?.minIscedLevel !== null && t.entryRequirements?.minIscedLevel !== undefined
      ? { minIscedLevel: t.entryRequirements.minIscedLevel }
      : {}),
  };
}
