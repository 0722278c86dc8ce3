import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DomainError } from '@passerelle/core';

/** Where `npm run build -w @passerelle/web` writes the app. */
export const defaultWebRoot = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

export interface WebRoutesOptions {
  /** The built app's folder (index.html and assets/); defaults to packages/web/dist. */
  root?: string;
}

const notBuiltPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Passerelle</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Passerelle</h1><p>The web app has not been built yet. Run <code>npm run build -w @passerelle/web</code>
(or <code>npm install</code>, which builds it) and restart the server. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the single-page app: hashed assets with a year-long immutable cache, everything else
 * revalidated; brotli or gzip files written at build time sent as they are; any other GET that is
 * not under /api/ answers index.html so that deep links work.
 */
export async function webRoutes(app: FastifyInstance, options: WebRoutesOptions = {}) {
  const root = options.root ?? defaultWebRoot;
  const built = existsSync(`${root}/index.html`);

  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) {
      throw new DomainError('not_found', { entity: 'route', id: `${request.method} ${path}` });
    }
    if (!built)
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(notBuiltPage);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
