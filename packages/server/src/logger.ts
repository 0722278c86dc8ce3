import pino, { type Logger } from 'pino';
import type { LogLevel } from '@passerelle/core';

/** Structured JSON logs on stdout; secrets and personal data in requests are redacted. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
