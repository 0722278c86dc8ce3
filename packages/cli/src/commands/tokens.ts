import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { errors, parseLifetime, tokenScopeSchema } from '@passerelle/core';
import { createApiTokenStore, createAuditStore, createUserStore } from '@passerelle/db';
import { createAuditSink, issueApiToken, systemActor } from '@passerelle/server';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { UsageError } from '../shared/exit';

/** `passerelle tokens create|list|revoke`: API tokens for integrations. */
export function registerTokens(program: Command): void {
  const tokens = program
    .command('tokens')
    .description('API tokens for integrations (hashed, scoped, expiring, revocable)');

  addDatabaseOptions(
    tokens
      .command('create')
      .description('create a token for a user and print it once (only its hash is kept)')
      .requiredOption('--user <email>', 'the user the token acts as')
      .requiredOption('--scopes <scopes>', 'comma-separated, e.g. person:read,vacancy:write or *:read')
      .requiredOption('--expires <lifetime>', 'lifetime such as 30d, 12h, 8w or 1y (at most 366 days)')
      .option('--name <name>', 'what the token is for', 'cli'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const scopes = String(opts.scopes)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (scopes.length === 0) throw new UsageError('--scopes needs at least one scope');
    for (const s of scopes)
      if (!tokenScopeSchema.safeParse(s).success)
        throw new UsageError(`--scopes: "${s}" must look like person:read or *:write`);
    const lifetimeMs = parseLifetime(String(opts.expires));
    if (lifetimeMs === null) throw new UsageError('--expires must look like 30d, 12h, 8w or 1y');
    if (lifetimeMs > 366 * 86_400_000) throw new UsageError('--expires may be at most 366 days');
    const issued = await withDatabase(config, async (database) => {
      const user = await createUserStore(database.db).getByEmail(opts.user);
      if (!user) throw errors.notFound('user', opts.user);
      if (user.disabledAt) throw errors.conflict('the user is disabled');
      const t = await issueApiToken(createApiTokenStore(database.db), {
        id: randomUUID(),
        userId: user.id,
        name: opts.name,
        scopes,
        lifetimeMs,
        now: new Date(),
      });
      await createAuditSink(createAuditStore(database), () => new Date(), randomUUID).record({
        actor: systemActor,
        action: 'create',
        entity: 'token',
        entityId: t.id,
      });
      return t;
    });
    process.stdout.write(`${issued.token}\n`);
    process.stderr.write(
      `Token ${issued.id} (${issued.scopes.join(', ')}) expires ${issued.expiresAt}. It is shown only now; keep it secret.\n`,
    );
  });

  addDatabaseOptions(
    tokens
      .command('list')
      .description('list tokens (never the tokens themselves)')
      .option('--user <email>', 'only this user'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const rows = await withDatabase(config, async (database) => {
      let userId: string | null = null;
      if (opts.user) {
        const u = await createUserStore(database.db).getByEmail(opts.user);
        if (!u) throw errors.notFound('user', opts.user);
        userId = u.id;
      }
      return createApiTokenStore(database.db).listForUser(userId);
    });
    printJson(rows.map(({ tokenHash: _h, ...t }) => t));
  });

  addDatabaseOptions(
    tokens.command('revoke').description('revoke a token').requiredOption('--id <id>', 'the token id'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const revoked = await withDatabase(config, async (database) => {
      const ok = await createApiTokenStore(database.db).revoke(opts.id, new Date());
      if (ok)
        await createAuditSink(createAuditStore(database), () => new Date(), randomUUID).record({
          actor: systemActor,
          action: 'revoke',
          entity: 'token',
          entityId: opts.id,
        });
      return ok;
    });
    if (!revoked) throw errors.notFound('token', opts.id);
    printJson({ id: opts.id, revoked: true });
  });
}
