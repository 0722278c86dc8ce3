import { expect, test } from 'vitest';
import { organisationInput } from './organisations';

test('an employer profile is typed: sector, size, partnership and vetting are checked', () => {
  const ok = organisationInput.safeParse({
    kind: 'employer',
    name: 'Garage Tbilisi',
    data: {
      sector: { isicCode: 'G', label: 'Repair of motor vehicles' },
      size: 'small',
      partnership: { status: 'mou', since: '2024-01-01' },
      vetting: { status: 'vetted', checkedOn: '2024-02-01' },
      contacts: [{ name: 'Nino', email: 'nino@example.ge' }],
    },
  });
  expect(ok.success).toBe(true);
  const bad = organisationInput.safeParse({
    kind: 'employer',
    name: 'X',
    data: { vetting: { status: 'maybe' }, size: 'huge' },
  });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['data.size', 'data.vetting.status']);
});

test('a microfinance institution keeps its interest rates, default policy and background check date', () => {
  const r = organisationInput.safeParse({
    kind: 'financial_institution',
    name: 'Crédit Rural',
    data: {
      institutionType: 'microfinance',
      interestRates: [{ product: 'start-up loan', ratePercent: 18, basis: 'declining_balance' }],
      defaultPolicy: 'rescheduling after 30 days',
      backgroundCheckOn: '2025-01-15',
    },
  });
  expect(r.success).toBe(true);
  const bad = organisationInput.safeParse({
    kind: 'financial_institution',
    name: 'Y',
    data: { backgroundCheckOn: 'yesterday' },
  });
  expect(bad.error?.issues[0]?.path).toEqual(['data', 'backgroundCheckOn']);
});

test('unknown profile keys are kept for forward compatibility', () => {
  const r = organisationInput.parse({ kind: 'partner', name: 'P', data: { somethingNew: 1 } });
  expect(r.data).toEqual({ somethingNew: 1 });
});
