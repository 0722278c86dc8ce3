import { expect, test } from 'vitest';
import { soraniNames } from './sorani-names';

test('countries are named in Sorani from CLDR, deprecated codes through their replacement', () => {
  expect(soraniNames.region('IQ')).toBe('عێراق');
  expect(soraniNames.region('iq')).toBe('عێراق');
  // UK is ISO's reserved code for the United Kingdom; CLDR names GB.
  expect(soraniNames.region('UK')).toBe(soraniNames.region('GB'));
  expect(soraniNames.region('GB')).toBeTruthy();
  expect(soraniNames.region('ZZZ')).toBeUndefined();
});

test('languages are named in Sorani, Kurmanji (kmr) through its macrolanguage ku, iw through he', () => {
  expect(soraniNames.language('ckb')).toBe('کوردیی ناوەندی');
  expect(soraniNames.language('kmr')).toBe(soraniNames.language('ku'));
  expect(soraniNames.language('ku')).toBeTruthy();
  expect(soraniNames.language('iw')).toBe(soraniNames.language('he'));
  expect(soraniNames.language('not a code')).toBeUndefined();
});
