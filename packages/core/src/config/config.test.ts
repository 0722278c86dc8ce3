import { expect, test } from 'vitest';
import { isDomainError } from '../errors/errors';
import { formatConfigError, parseConfig, describeDatabase } from './config';

test('defaults to the embedded database in ./data on 127.0.0.1:8080', () => {
  const c = parseConfig({});
  expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
  expect(c.host).toBe('127.0.0.1');
  expect(c.port).toBe(8080);
  expect(c.logLevel).toBe('info');
});

test('a database URL selects PostgreSQL, and flags override the environment', () => {
  const c = parseConfig({ DATABASE_URL: 'postgres://a:b@db:5432/x', PORT: '9000' }, { port: '9100' });
  expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://a:b@db:5432/x' });
  expect(c.port).toBe(9100);
});

test('every bad value is reported at once', () => {
  let caught: unknown;
  try {
    parseConfig({ DATABASE_URL: 'mysql://nope', PORT: '99999', LOG_LEVEL: 'loud', HOST: ' ' });
  } catch (e) {
    caught = e;
  }
  expect(isDomainError(caught)).toBe(true);
  if (!isDomainError(caught)) return;
  expect(caught.code).toBe('invalid_config');
  const text = formatConfigError(caught);
  expect(text).toContain('--database-url / DATABASE_URL');
  expect(text).toContain('--port / PORT');
  expect(text).toContain('--log-level / LOG_LEVEL');
  expect(text).toContain('--host / HOST');
});

test('production requires a secret and refuses demo mode', () => {
  expect(() => parseConfig({ NODE_ENV: 'production', PASSERELLE_DEMO: 'true' })).toThrow();
  const c = parseConfig({ NODE_ENV: 'production', PASSERELLE_SECRET: 'x'.repeat(32) });
  expect(c.production).toBe(true);
});

test('database descriptions never show the password', () => {
  expect(describeDatabase({ kind: 'postgres', url: 'postgres://u:secret@h/db' })).not.toContain('secret');
});
