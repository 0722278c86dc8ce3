import { hash, verify } from '@node-rs/argon2';

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
