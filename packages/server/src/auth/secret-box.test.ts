import { expect, test } from 'vitest';
import { createSecretBox } from './secret-box';

test('a sealed TOTP seed is not readable in the database and opens only with the same secret', () => {
  const box = createSecretBox('x'.repeat(40));
  const sealed = box.seal('JBSWY3DPEHPK3PXP');
  expect(sealed).toMatch(/^v1:/);
  expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
  expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  expect(() => createSecretBox('y'.repeat(40)).open(sealed)).toThrow();
  const tampered = sealed.replace(/:([A-Za-z0-9_-])/, (_m, c: string) => `:${c === 'A' ? 'B' : 'A'}`);
  expect(() => box.open(tampered)).toThrow();
  expect(createSecretBox(null).open(createSecretBox(null).seal('abc'))).toBe('abc');
});
