import type { FieldIssue } from '../errors/errors';

/**
 * Password rules (OWASP ASVS 5.0, V6.2): at least 12 characters (8 is the ASVS minimum; we ask
 * for more because staff see sensitive data), at most 256, any character allowed, no composition
 * rules, and not one of the most common passwords or the user's own e-mail.
 */
export const passwordLimits = { min: 12, max: 256 } as const;

// A short list of the most used passwords of at least 12 characters (from public breach corpora).
const common = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwerty123456',
  'password1234',
  'password12345',
  'passwordpassword',
  'iloveyou1234',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123456789',
  'letmein12345',
  'welcome12345',
  'administrator',
  'administrator1',
  'changeme1234',
  'qwertyuiop123',
  '1q2w3e4r5t6y',
  'passerelle123',
  'passerelle2024',
  'passerelle2025',
  'passerelle2026',
]);

/** The problems with a new password (empty when it is acceptable). */
export function checkPassword(password: string, context: { email?: string | null } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const length = [...password].length;
  if (length < passwordLimits.min)
    issues.push({
      path: ['password'],
      code: 'too_short',
      message: `must have at least ${passwordLimits.min} characters`,
    });
  if (length > passwordLimits.max)
    issues.push({
      path: ['password'],
      code: 'too_long',
      message: `must have at most ${passwordLimits.max} characters`,
    });
  const lower = password.toLowerCase();
  if (common.has(lower) || /^(.)\1+$/.test(password))
    issues.push({ path: ['password'], code: 'too_common', message: 'is too common; choose another' });
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) {
    issues.push({ path: ['password'], code: 'same_as_email', message: 'must not be your e-mail address' });
  }
  return issues;
}
