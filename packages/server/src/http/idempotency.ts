import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errors } from '@passerelle/core';
import type { Database } from '@passerelle/db';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

const keyPattern = /^[A-Za-z0-9_\-:.]{8,200}$/;
/** Replayed headers: the ones that describe the created resource. */
const replayedHeaders = ['etag', 'location', 'content-type'];

/** How long keys live: answers are replayed for a day; a claim whose request never finished (a crash) is abandoned after five minutes. */
export const idempotencyLimits = { keepSeconds: 24 * 3600, abandonedSeconds: 5 * 60 } as const;

/**
 * `Idempotency-Key` on POST: the first request's answer is stored and a replay returns it again
 * without creating anything. The same key with a different request is idempotency_conflict;
 * a replay while the first is still running is a conflict. A key whose first request never
 * finished (the process died) can be used again once abandoned, and every key expires after a
 * day (the claim takes the row over atomically, and old rows are purged at most once an hour).
 */
export function registerIdempotency(
  app: FastifyInstance,
  database: Database,
  actorKey: (r: FastifyRequest) => string,
  limits: { keepSeconds: number; abandonedSeconds: number } = idempotencyLimits,
): void {
  let lastPurge = 0;
  async function purgeExpired() {
    const now = Date.now();
    if (now - lastPurge < 3600_000) return;
    lastPurge = now;
    await database.query(
      `delete from idempotency_keys where created_at < now() - make_interval(secs => $1::int)`,
      [limits.keepSeconds],
    );
  }

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = String(raw);
    if (!keyPattern.test(key)) {
      throw new DomainError('validation_failed', {
        where: 'headers',
        issues: [
          {
            path: ['idempotency-key'],
            code: 'invalid_key',
            message: 'must be 8 to 200 letters, digits or -_:.',
          },
        ],
      });
    }
    const scoped = `${actorKey(request)}|${key}`;
    const hash = createHash('sha256')
      .update(
        `${request.method} ${request.routeOptions.url ?? request.url}\n${request.url}\n${JSON.stringify(request.body ?? null)}`,
      )
      .digest('hex');
    await purgeExpired();
    // Claims the key, or takes over an expired answer or an abandoned claim, in one statement.
    const inserted = await database.query<{ key: string }>(
      `insert into idempotency_keys (key, request_hash, status_code, body) values ($1, $2, 0, '{}'::jsonb)
       on conflict (key) do update set request_hash = excluded.request_hash, status_code = 0,
         body = '{}'::jsonb, created_at = now()
       where idempotency_keys.created_at < now() - make_interval(secs => case
         when idempotency_keys.status_code = 0 then $3::int else $4::int end)
       returning key`,
      [scoped, hash, limits.abandonedSeconds, limits.keepSeconds],
    );
    if (inserted.length === 1) {
      request.idempotencyKey = scoped;
      return;
    }
    const [row] = await database.query<{
      request_hash: string;
      status_code: number;
      body: { payload: string; headers: Record<string, string> };
    }>('select request_hash, status_code, body from idempotency_keys where key = $1', [scoped]);
    if (!row) throw errors.conflict('idempotency key vanished; retry');
    if (row.request_hash !== hash) throw errors.idempotencyConflict(key);
    if (row.status_code === 0)
      throw errors.conflict('a request with this Idempotency-Key is still being processed');
    for (const [h, v] of Object.entries(row.body.headers ?? {})) reply.header(h, v);
    reply.header('idempotent-replayed', 'true');
    return reply.status(row.status_code).send(row.body.payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const scoped = request.idempotencyKey;
    if (!scoped) return payload;
    request.idempotencyKey = undefined;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Our fault or a stream: let the client retry with the same key.
      await database.query('delete from idempotency_keys where key = $1', [scoped]);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of replayedHeaders) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await database.query('update idempotency_keys set status_code = $2, body = $3::jsonb where key = $1', [
      scoped,
      reply.statusCode,
      JSON.stringify({ payload, headers }),
    ]);
    return payload;
  });
}
