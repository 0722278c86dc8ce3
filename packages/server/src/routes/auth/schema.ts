import { z } from 'zod';
import { userResponse } from '../users/schema';

export const signInBody = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  /** The 6-digit code of the authenticator app, when two-factor is on. */
  totp: z.string().trim().max(10).optional(),
});

export const sessionResponse = z
  .object({
    user: userResponse,
    /** Send it back in `X-CSRF-Token` on every POST, PUT, PATCH and DELETE. */
    csrfToken: z.string(),
    /** Administrators must enrol a second factor before they can do anything else. */
    mfaEnrolmentRequired: z.boolean(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

export const totpSetupResponse = z.object({ secret: z.string(), uri: z.string() });
export const totpConfirmBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const passwordChangeBody = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});
export const passwordResetBody = z.object({
  token: z.string().min(20).max(200),
  newPassword: z.string().max(1024),
});
export const demoAccounts = z.object({
  accounts: z.array(
    z.object({
      email: z.string(),
      password: z.string(),
      role: z.string(),
      label: z.string(),
      totpSecret: z.string().nullable(),
    }),
  ),
});
export const demoSignInBody = z.object({ email: z.string().trim().max(320) });
export const okResponse = z.object({ ok: z.literal(true) });
