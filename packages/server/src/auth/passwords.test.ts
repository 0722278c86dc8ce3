import { expect, test } from 'vitest';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords';

test('a new password from the common-password dictionary is refused, whatever its case', () => {
  const listed = (dictionary['passwords-common'] as string[]).find(
    (p) => [...p].length >= 12 && /[a-z]/.test(p),
  )!;
  expect(checkNewPassword(listed.toUpperCase()).map((i) => i.code)).toEqual(['too_common']);
  expect(checkNewPassword('footbridge over the Drina')).toEqual([]);
});

test('argon2id hashes verify only the same password, and a malformed hash is a plain no', async () => {
  const phc = await hashPassword('footbridge over the Drina');
  expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(phc, 'footbridge over the Drina')).toBe(true);
  expect(await verifyPassword(phc, 'footbridge over the drina')).toBe(false);
  expect(await verifyPassword('not a hash', 'x')).toBe(false);
});
