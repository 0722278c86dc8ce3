import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { handleError, handleNotFound } from '../../http/errors';
import { webRoutes } from './routes';

let dir: string;
let app: FastifyInstance;
let bare: FastifyInstance;
const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Passerelle</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  app = Fastify();
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  await app.register(async (scope) => webRoutes(scope, { root: dir }));
  app.get('/api/known', async () => ({ ok: true }));
  await app.ready();
  bare = Fastify();
  bare.setErrorHandler(handleError);
  await bare.register(async (scope) => webRoutes(scope, { root: join(dir, 'missing') }));
  await bare.ready();
});

afterAll(async () => {
  await app.close();
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the root serves index.html, revalidated on every visit', async () => {
  const res = await app.inject({ url: '/' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.body).toContain('<div id="root">');
});

test('a deep link of the app answers index.html so the browser router can show it', async () => {
  const res = await app.inject({ url: '/workspace/people/123?tab=matches' });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('<div id="root">');
});

test('hashed assets are cached for a year and sent precompressed when the browser accepts it', async () => {
  const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(Number(res.headers['content-length'])).toBeLessThan(script.length);
});

test('an unknown API path keeps the API error shape instead of the app page', async () => {
  const res = await app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'fr' } });
  expect(res.statusCode).toBe(404);
  const body = res.json() as { code: string; details: { entity: string } };
  expect(body.code).toBe('not_found');
  expect(body.details.entity).toBe('route');
  expect((await app.inject({ url: '/api/known' })).json()).toEqual({ ok: true });
});

test('a missing asset is a 404, not the app page', async () => {
  const res = await app.inject({ url: '/assets/gone-123.js' });
  expect(res.statusCode).toBe(404);
});

test('without a build the server says how to build the app', async () => {
  const res = await bare.inject({ url: '/workspace' });
  expect(res.statusCode).toBe(503);
  expect(res.body).toContain('npm run build -w @passerelle/web');
});
