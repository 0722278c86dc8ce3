import { organisationInput, type OrganisationInput } from '@passerelle/core';
import { boolean, contactList, date, integer, number, text } from './codecs';
import type { Layout, LayoutColumn } from './layout';

const d = (name: string, key: string[], codec: LayoutColumn['codec'], doc: string): LayoutColumn => ({
  name,
  path: ['data', ...key],
  codec,
  doc,
});

const columns: LayoutColumn[] = [
  { name: 'external_id', path: ['externalId'], codec: text, doc: 'the key of the employer (required)' },
  { name: 'name', path: ['name'], codec: text, doc: 'name (required)' },
  { name: 'country', path: ['country'], codec: text, doc: 'ISO 3166 alpha-2' },
  d('sector_isic', ['sector', 'isicCode'], text, 'ISIC Rev.4 section letter or 2-4 digit code'),
  d('sector_label', ['sector', 'label'], text, 'sector as written'),
  d('size', ['size'], text, 'micro, small, medium or large'),
  d('employees', ['employees'], integer, 'number of employees'),
  d('formal', ['formal'], boolean, 'registered business'),
  d('location_country', ['location', 'country'], text, 'country of the address'),
  d('region', ['location', 'region'], text, 'region'),
  d('city', ['location', 'city'], text, 'city'),
  d('address', ['location', 'address'], text, 'street address'),
  d('latitude', ['location', 'coordinates', 'lat'], number, 'WGS 84'),
  d('longitude', ['location', 'coordinates', 'lon'], number, 'WGS 84'),
  d('phone', ['phone'], text, 'phone'),
  d('email', ['email'], text, 'e-mail'),
  d('website', ['website'], text, 'URL'),
  d('contacts', ['contacts'], contactList, 'contact people: name | role | phone | email; ...'),
  d('partnership_status', ['partnership', 'status'], text, 'none, informal, agreement or mou'),
  d('partnership_since', ['partnership', 'since'], date, 'YYYY-MM-DD'),
  d('partnership_until', ['partnership', 'until'], date, 'YYYY-MM-DD'),
  d('partnership_document', ['partnership', 'documentReference'], text, 'reference of the agreement'),
  d(
    'vetting_status',
    ['vetting', 'status'],
    text,
    'fair recruitment vetting: not_vetted, in_progress, vetted, failed, suspended',
  ),
  d('vetting_checked_on', ['vetting', 'checkedOn'], date, 'YYYY-MM-DD'),
  d('vetting_checked_by', ['vetting', 'checkedBy'], text, 'who vetted'),
  d('vetting_framework', ['vetting', 'framework'], text, 'e.g. ILO general principles, IRIS'),
  d('vetting_notes', ['vetting', 'notes'], text, 'notes'),
  d('notes', ['notes'], text, 'notes'),
];

/** Our column layout for employers (organisations of kind employer). */
export const employerLayout: Layout<OrganisationInput> = {
  kind: 'employers',
  schema: organisationInput,
  references: [],
  columns,
  fixed: { kind: 'employer' },
  rest: {
    name: 'extra',
    path: ['data'],
    knownKeys: [
      'sector',
      'size',
      'employees',
      'formal',
      'location',
      'phone',
      'email',
      'website',
      'contacts',
      'partnership',
      'vetting',
      'notes',
    ],
    doc: 'other profile fields as a JSON object (kept on re-import)',
  },
};
