import { personInput, type PersonInput } from '@passerelle/core';
import { boolean, codedList, date, json, list, number, splitList, text, type Codec } from './codecs';
import type { Layout } from './layout';

/**
 * A list that is written in its short form when every entry fits it (`simple`), and as JSON
 * otherwise: readable for the common case, exact always. A cell starting with `[` is JSON.
 */
function shortOrJson(simple: Codec, fits: (entry: Record<string, unknown>) => boolean): Codec {
  return {
    syntax: `${simple.syntax}, or a JSON list`,
    parse: (t) => (t.trimStart().startsWith('[') ? json.parse(t) : simple.parse(t)),
    format(v) {
      if (!Array.isArray(v) || v.length === 0) return '';
      return v.every((e) => e && typeof e === 'object' && fits(e as Record<string, unknown>))
        ? simple.format(v)
        : json.format(v);
    },
  };
}

const onlyKeys = (e: Record<string, unknown>, keys: string[]) =>
  Object.entries(e).every(([k, v]) => keys.includes(k) || v == null);
const selfDeclared = (e: Record<string, unknown>) => {
  const ev = e.evidence as Record<string, unknown> | undefined;
  return ev == null || (ev.kind === 'self_declared' && ev.reference == null && ev.verifiedOn == null);
};

/** Skills: `label <uri>; ...` when they carry no proficiency or evidence, JSON otherwise. */
const skillsCodec = shortOrJson(
  codedList,
  (e) => onlyKeys(e, ['uri', 'label', 'evidence']) && selfDeclared(e) && !/[<>]/.test(String(e.label ?? '')),
);
/** Driving licences: `B; C1E` when only the category is known. */
const licencesCodec = shortOrJson(
  {
    syntax: 'list of categories (B; C1E)',
    parse: (t) => ({ ok: true, value: splitList(t).map((category) => ({ category })) }),
    format: (v) => list.format((v as { category: string }[]).map((l) => l.category)),
  },
  (e) => onlyKeys(e, ['category', 'evidence']) && selfDeclared(e),
);
/** Other names: `name; name` when they are plain aliases with no script or kind. */
const otherNamesCodec = shortOrJson(
  {
    syntax: 'list of names',
    parse: (t) => ({ ok: true, value: splitList(t).map((value) => ({ value })) }),
    format: (v) => list.format((v as { value: string }[]).map((n) => n.value)),
  },
  (e) => onlyKeys(e, ['value']),
);

/** Our column layout for people (docs/import-format.md). Nested sections are JSON cells. */
export const personLayout: Layout<PersonInput> = {
  kind: 'people',
  schema: personInput,
  references: [
    {
      name: 'owning_organisation_external_id',
      idColumn: 'owning_organisation_id',
      path: ['owningOrganisationId'],
      organisationKind: null,
      required: false,
      doc: 'the organisation that owns the record, by its external id',
    },
  ],
  columns: [
    { name: 'external_id', path: ['externalId'], codec: text, doc: 'the key of the person (required)' },
    { name: 'given_name', path: ['givenName'], codec: text, doc: 'given name(s)' },
    { name: 'family_name', path: ['familyName'], codec: text, doc: 'family name(s)' },
    {
      name: 'other_names',
      path: ['otherNames'],
      codec: otherNamesCodec,
      doc: 'other spellings and scripts: names separated by ;, or JSON [{value, script, kind}]',
    },
    { name: 'sex', path: ['sex'], codec: text, doc: 'female, male, other or unknown (reporting only)' },
    { name: 'gender', path: ['gender'], codec: text, doc: 'free text (reporting only)' },
    { name: 'birth_date', path: ['birthDate'], codec: date, doc: 'YYYY-MM-DD' },
    {
      name: 'birth_date_approximate',
      path: ['birthDateApproximate'],
      codec: boolean,
      doc: 'only the year is reliable',
    },
    { name: 'nationalities', path: ['nationalities'], codec: list, doc: 'ISO 3166 codes (IQ; TR)' },
    { name: 'preferred_language', path: ['preferredLanguage'], codec: text, doc: 'ISO 639 code' },
    { name: 'phone', path: ['contact', 'phone'], codec: text, doc: 'main phone' },
    { name: 'other_phones', path: ['contact', 'otherPhones'], codec: list, doc: 'other phones' },
    { name: 'email', path: ['contact', 'email'], codec: text, doc: 'e-mail' },
    {
      name: 'address_country',
      path: ['contact', 'address', 'country'],
      codec: text,
      doc: 'where the person lives: country',
    },
    { name: 'address_region', path: ['contact', 'address', 'region'], codec: text, doc: 'region' },
    { name: 'address_city', path: ['contact', 'address', 'city'], codec: text, doc: 'city' },
    { name: 'address_street', path: ['contact', 'address', 'address'], codec: text, doc: 'street address' },
    {
      name: 'address_latitude',
      path: ['contact', 'address', 'coordinates', 'lat'],
      codec: number,
      doc: 'WGS 84',
    },
    {
      name: 'address_longitude',
      path: ['contact', 'address', 'coordinates', 'lon'],
      codec: number,
      doc: 'WGS 84',
    },
    {
      name: 'preferred_channel',
      path: ['contact', 'preferredChannel'],
      codec: text,
      doc: 'phone, sms, whatsapp, email or in_person',
    },
    { name: 'country', path: ['country'], codec: text, doc: 'country where the person is followed' },
    { name: 'host_country', path: ['returnInfo', 'hostCountry'], codec: text, doc: 'host country' },
    { name: 'return_country', path: ['returnInfo', 'returnCountry'], codec: text, doc: 'country of return' },
    { name: 'return_region', path: ['returnInfo', 'returnRegion'], codec: text, doc: 'region of return' },
    { name: 'return_city', path: ['returnInfo', 'returnCity'], codec: text, doc: 'city of return' },
    { name: 'return_date', path: ['returnInfo', 'returnDate'], codec: date, doc: 'YYYY-MM-DD' },
    { name: 'programme', path: ['returnInfo', 'programme'], codec: text, doc: 'programme code' },
    { name: 'case_manager_ids', path: ['caseManagerIds'], codec: list, doc: 'user ids of the case managers' },
    {
      name: 'case_closure',
      path: ['caseClosure'],
      codec: json,
      doc: 'JSON {on, reason, note} while the case is closed (on: no later than today; reasons: support_ended, moved_away, ...)',
    },
    {
      name: 'skills',
      path: ['skills'],
      codec: skillsCodec,
      doc: 'skills: "label <uri>; ..." or JSON with proficiency and evidence',
    },
    {
      name: 'languages',
      path: ['languages'],
      codec: json,
      doc: 'JSON [{language, motherTongue, listening, reading, spokenInteraction, spokenProduction, writing}]',
    },
    {
      name: 'education',
      path: ['education'],
      codec: json,
      doc: 'JSON [{iscedLevel, levelLabel, field, institution, country, completed, ...}]',
    },
    {
      name: 'work_experience',
      path: ['workExperience'],
      codec: json,
      doc: 'JSON [{occupation: {uri, iscoCode, label}, employer, country, startDate, endDate, skillsUsed, ...}]',
    },
    { name: 'digital_skills', path: ['digitalSkills'], codec: json, doc: 'JSON [{area, competence, level}]' },
    {
      name: 'driving_licences',
      path: ['drivingLicences'],
      codec: licencesCodec,
      doc: 'categories (B; C1E) or JSON',
    },
    {
      name: 'declared_none',
      path: ['declaredNone'],
      codec: list,
      doc: 'sections declared empty on purpose (drivingLicences; workExperience)',
    },
    {
      name: 'aspirations',
      path: ['aspirations'],
      codec: json,
      doc: 'JSON {occupations, sectors, workTypes, places, ...}',
    },
    {
      name: 'limitations',
      path: ['limitations'],
      codec: json,
      doc: 'JSON {childcare, familyDuties, workNearHomeOnly, maxTravelKm, ...}',
    },
    { name: 'health_notes', path: ['healthNotes'], codec: text, doc: 'sensitive' },
    { name: 'psychosocial_notes', path: ['psychosocialNotes'], codec: text, doc: 'sensitive' },
    { name: 'legal_status', path: ['legalStatus'], codec: json, doc: 'sensitive, JSON' },
    {
      name: 'identity_documents',
      path: ['identityDocuments'],
      codec: json,
      doc: 'sensitive, JSON [{type, number, issuingCountry, ...}]',
    },
  ],
};
