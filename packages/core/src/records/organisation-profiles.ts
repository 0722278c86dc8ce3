import { z } from 'zod';
import { codedSector, contactPerson, isoDate, longText, place, shortText } from './common';

/**
 * The typed profile (`data`) of each kind of organisation (C2). Unknown keys are kept, so that a
 * profile written by a newer version or an import with extra columns is not lost.
 */

const common = {
  location: place.nullish(),
  contacts: z.array(contactPerson).max(50).optional(),
  website: z.url().max(500).nullish(),
  phone: z.string().trim().max(50).nullish(),
  email: z.email().max(300).nullish(),
  notes: longText.nullish(),
};

export const partnershipStatuses = ['none', 'informal', 'agreement', 'mou'] as const;
export const vettingStatuses = ['not_vetted', 'in_progress', 'vetted', 'failed', 'suspended'] as const;
export const employerSizes = ['micro', 'small', 'medium', 'large'] as const;

/** A partnership with the programme: none, informal, a written agreement or a memorandum of understanding. */
export const partnership = z.object({
  status: z.enum(partnershipStatuses),
  since: isoDate.nullish(),
  until: isoDate.nullish(),
  documentReference: shortText.nullish(),
});

export const employerProfile = z.looseObject({
  ...common,
  /** ISIC Rev.4 section letter, or a free-text sector (kept as given for older records). */
  sector: z.union([z.string().trim().max(300), codedSector]).nullish(),
  size: z.enum(employerSizes).nullish(),
  employees: z.int().min(0).max(10_000_000).nullish(),
  formal: z.boolean().nullish(),
  partnership: partnership.nullish(),
  /** Vetting for fair recruitment (e.g. against the ILO general principles or IRIS). */
  vetting: z
    .object({
      status: z.enum(vettingStatuses),
      checkedOn: isoDate.nullish(),
      checkedBy: shortText.nullish(),
      framework: shortText.nullish(),
      notes: longText.nullish(),
    })
    .nullish(),
});

export const financialInstitutionProfile = z.looseObject({
  ...common,
  institutionType: z.enum(['microfinance', 'bank', 'cooperative', 'mobile_money', 'other']).nullish(),
  interestRates: z
    .array(
      z.object({
        product: shortText.min(1),
        /** Annual rate in percent. */
        ratePercent: z.number().min(0).max(1000),
        basis: z.enum(['flat', 'declining_balance']).nullish(),
      }),
    )
    .max(50)
    .optional(),
  defaultPolicy: longText.nullish(),
  backgroundCheckOn: isoDate.nullish(),
  licensed: z.boolean().nullish(),
  partnership: partnership.nullish(),
});

export const trainingProviderProfile = z.looseObject({
  ...common,
  accredited: z.boolean().nullish(),
  accreditationBody: shortText.nullish(),
  sectors: z.array(codedSector).max(50).optional(),
  partnership: partnership.nullish(),
});

export const missionProfile = z.looseObject({
  ...common,
  /** Countries of return or of work the mission covers. */
  countriesCovered: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(100)
    .optional(),
});

export const partnerProfile = z.looseObject({
  ...common,
  partnerType: z
    .enum(['ngo', 'government', 'chamber_of_commerce', 'community_organisation', 'un_agency', 'other'])
    .nullish(),
  services: z.array(shortText.min(1)).max(50).optional(),
  partnership: partnership.nullish(),
});

export const publicEmploymentServiceProfile = z.looseObject({
  ...common,
  /** The format of the vacancy exports, for import mappings. */
  exportFormat: shortText.nullish(),
  partnership: partnership.nullish(),
});

/** The profile schema of each organisation kind. */
export const organisationProfileSchemas = {
  mission: missionProfile,
  partner: partnerProfile,
  employer: employerProfile,
  training_provider: trainingProviderProfile,
  financial_institution: financialInstitutionProfile,
  public_employment_service: publicEmploymentServiceProfile,
} as const;
