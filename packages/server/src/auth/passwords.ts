import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, type FieldIssue } from '@passerelle/core';

/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane), through
 * @node-rs/argon2, which ships prebuilt binaries in its npm packages (no compiler at install).
 */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a PHC string (salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), options);
}

/** Checks a password against a PHC string; false for a malformed hash, never throws. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Spends the time of one verification, so that an unknown e-mail answers as slowly as a wrong password. */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword('passerelle-timing-equaliser');
  await verifyPassword(await dummy, password);
}

let common: Set<string> | null = null;

/**
 * The rules of core's `checkPassword`, plus the 49 000 most common passwords of the zxcvbn-ts
 * common dictionary (ASVS 5.0 V6.2.4 asks for at least the top 3 000), compared in lower case.
 */
export function checkNewPassword(password: string, context: { email?: string | null } = {}): FieldIssue[] {
  const issues = checkPassword(password, context);
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  if (common.has(password.toLowerCase()) && !issues.some((i) => i.code === 'too_common')) {
    issues.push({ path: ['password'], code: 'too_common', message: 'is too common; choose another' });
  }
  return issues;
}
