import { expect, test } from 'vitest';
import {
  type DuplicateProbe,
  documentKey,
  duplicateScoring,
  nameSimilarity,
  personMatchKeys,
  phoneKey,
  scoreDuplicate,
} from './duplicates';

const probe = (p: Partial<DuplicateProbe>): DuplicateProbe => ({
  names: [],
  birthDate: null,
  birthDateApproximate: false,
  phones: [],
  documentNumbers: [],
  ...p,
});

test('the same person written in Arabic and in Latin letters, born the same day, is a strong duplicate', () => {
  const a = probe({ names: ['محمد الحسن'], birthDate: '1994-03-02' });
  const b = probe({ names: ['Mohammed Al-Hassan'], birthDate: '1994-03-02' });
  const s = scoreDuplicate(a, b);
  expect(s.score).toBeGreaterThanOrEqual(0.75);
  expect(s.reasons).toContain('same_birth_date');
  expect(s.reasons.some((r) => r === 'same_name' || r === 'similar_name')).toBe(true);
});

test('a name alone is not enough to be reported, a name and a phone are', () => {
  const a = probe({ names: ['Mamadou Diallo'] });
  const b = probe({ names: ['Mamadou Diallo'] });
  expect(scoreDuplicate(a, b).score).toBeLessThan(duplicateScoring.threshold);
  const withPhone = scoreDuplicate(
    { ...a, phones: ['+224 621 00 11 22'] },
    { ...b, phones: ['00224621001122'] },
  );
  expect(withPhone.score).toBeGreaterThanOrEqual(duplicateScoring.threshold);
  expect(withPhone.reasons).toContain('same_phone');
});

test('a different exact birth date lowers the score; an approximate one with the same year raises it', () => {
  const a = probe({ names: ['Youssef Ben Ali'], birthDate: '1990-01-01' });
  const differs = scoreDuplicate(a, probe({ names: ['Youssef Ben Ali'], birthDate: '1985-06-01' }));
  expect(differs.reasons).toContain('different_birth_date');
  expect(differs.score).toBeLessThan(scoreDuplicate(a, probe({ names: ['Youssef Ben Ali'] })).score);
  const approx = scoreDuplicate(
    a,
    probe({ names: ['Yusuf Ben Ali'], birthDate: '1990-07-01', birthDateApproximate: true }),
  );
  expect(approx.reasons).toContain('same_birth_year');
});

test('a shared document number is a duplicate even with a misspelt name', () => {
  const s = scoreDuplicate(
    probe({ names: ['Giorgi Beridze'], documentNumbers: ['12 AB 34567'] }),
    probe({ names: ['Giorgy Beridse'], documentNumbers: ['12ab34567'] }),
  );
  expect(s.reasons).toContain('same_document_number');
  expect(s.score).toBeGreaterThanOrEqual(0.9);
});

test('different people score low', () => {
  const s = scoreDuplicate(
    probe({ names: ['Fatima Zahra Benali'], birthDate: '1999-05-05' }),
    probe({ names: ['Oumar Sow'], birthDate: '1980-02-02' }),
  );
  expect(s.score).toBe(0);
});

test('name similarity ignores word order and uses the best of several names', () => {
  expect(nameSimilarity(['Diallo Mamadou'], ['Mamadou Diallo'])).toBeGreaterThan(0.98);
  expect(nameSimilarity(['X Y', 'Ahmed Karim'], ['أحمد كريم'])).toBeGreaterThan(0.85);
});

test('keys: phone numbers keep their last 9 digits, document numbers only letters and digits, names give pairs', () => {
  expect(phoneKey('+964 750 123 4567')).toBe('501234567');
  expect(phoneKey('123')).toBeNull();
  expect(documentKey('a-12 345')).toBe('A12345');
  const keys = personMatchKeys(probe({ names: ['Mohamed Al-Hassan'] }));
  expect(keys.nameKeys).toEqual(['mhmd', 'hsn']);
  expect(keys.namePairKeys).toEqual(['hsn|mhmd']);
});
