import { Secret, TOTP } from 'otpauth';

/** TOTP (RFC 6238) with the usual authenticator settings: SHA-1, 6 digits, 30-second steps. */
function totpFor(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: 'Passerelle',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random TOTP secret (160 bits) in base32, and its otpauth:// URI for a QR code. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, label).toString() };
}

/** The time step of a valid code (one step of drift allowed either way), or null. */
export function checkTotp(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 30_000) + delta;
}

/** The current code (tests and the demo only). */
export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}
