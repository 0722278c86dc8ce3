import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { countryCode, errors, grants, roles } from '@passerelle/core';
import {
  createAuditStore,
  createOrganisationStore,
  createPasswordResetStore,
  createUserStore,
  type Database,
} from '@passerelle/db';
import {
  checkNewPassword,
  createAuditSink,
  hashPassword,
  issueResetLink,
  systemActor,
} from '@passerelle/server';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { UsageError } from '../shared/exit';

/** Reads the password from standard input (the first line), so that it never appears in the shell history or `ps`. */
export async function readSecretFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk as Buffer));
    if (process.stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** An organisation given by id or by exact name. */
async function resolveOrganisation(database: Database, org: string | undefined): Promise<string | null> {
  if (!org) return null;
  const store = createOrganisationStore(database.db);
  if (/^[0-9a-f-]{36}$/i.test(org)) {
    if (!(await store.get(org))) throw errors.notFound('organisation', org);
    return org;
  }
  const rows = await database.query<{ id: string }>(
    'select id from organisations where name = $1 and archived_at is null',
    [org],
  );
  if (rows.length === 0) throw errors.notFound('organisation', org);
  if (rows.length > 1) throw new UsageError(`several organisations are called "${org}"; give its id`);
  return rows[0]!.id;
}

function auditOf(database: Database) {
  return createAuditSink(createAuditStore(database), () => new Date(), randomUUID);
}

/** `passerelle users create|list|reset-link|disable`. */
export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description('people who sign in: create them, list them, give them a reset link');

  addDatabaseOptions(
    users
      .command('create')
      .description(
        'create a user; the password is read from standard input (e.g. `echo "$PW" | passerelle users create ...`)',
      )
      .requiredOption('--email <email>', 'their e-mail address (their sign-in name)')
      .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
      .option('--org <organisation>', 'their organisation, by id or exact name')
      .option('--country <code>', 'their country (ISO 3166-1 alpha-2)')
      .option('--person <id>', 'for the person role: their person record')
      .option('--name <name>', 'display name')
      .option('--grant <grant...>', `extra rights: ${grants.join(', ')}`)
      .option('--no-password', 'create without a password (then print a reset link)'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    if (!(roles as readonly string[]).includes(opts.role))
      throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    if (opts.country && !countryCode.safeParse(opts.country).success)
      throw new UsageError('--country must be an ISO code such as GE or BE');
    for (const g of (opts.grant as string[] | undefined) ?? []) {
      if (!(grants as readonly string[]).includes(g))
        throw new UsageError(`--grant must be one of ${grants.join(', ')}`);
    }
    let passwordHash: string | null = null;
    if (opts.password !== false) {
      const password = await readSecretFromStdin();
      if (password === '')
        throw new UsageError('no password on standard input (or use --no-password and a reset link)');
      const issues = checkNewPassword(password, { email: opts.email });
      if (issues.length > 0) throw new UsageError(`the password ${issues.map((i) => i.message).join('; ')}`);
      passwordHash = await hashPassword(password);
    }
    const user = await withDatabase(config, async (database) => {
      const organisationId = await resolveOrganisation(database, opts.org);
      const created = await createUserStore(database.db).create({
        id: randomUUID(),
        email: opts.email,
        role: opts.role,
        organisationId,
        country: opts.country ?? null,
        personId: opts.person ?? null,
        displayName: opts.name ?? null,
        grants: opts.grant ?? [],
        passwordHash,
      });
      await auditOf(database).record({
        actor: systemActor,
        action: 'create',
        entity: 'user',
        entityId: created.id,
        changes: { role: true, organisationId: true },
      });
      return created;
    });
    printJson({
      id: user.id,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      country: user.country,
      password: passwordHash ? 'set' : 'not set',
    });
    if (user.role === 'administrator')
      process.stderr.write('Administrators enrol two-factor (TOTP) at their first sign-in.\n');
  });

  addDatabaseOptions(users.command('list').description('list users as JSON (no secrets)')).action(
    async (opts) => {
      const config = configFromOptions(opts);
      const rows = await withDatabase(config, (database) =>
        createUserStore(database.db).list({ limit: 10_000 }),
      );
      printJson(
        rows.items.map((u) => ({
          id: u.id,
          email: u.email,
          role: u.role,
          organisationId: u.organisationId,
          country: u.country,
          totp: u.totpEnabledAt !== null,
          disabled: u.disabledAt !== null,
        })),
      );
    },
  );

  addDatabaseOptions(
    users
      .command('reset-link')
      .description('print a one-time password reset link (valid one hour); no mail server needed')
      .requiredOption('--email <email>', 'the user')
      .option('--base-url <url>', 'where users open Passerelle (default http://HOST:PORT)'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const link = await withDatabase(config, async (database) => {
      const user = await createUserStore(database.db).getByEmail(opts.email);
      if (!user) throw errors.notFound('user', opts.email);
      const issued = await issueResetLink(createPasswordResetStore(database.db), {
        id: randomUUID(),
        userId: user.id,
        now: new Date(),
      });
      await auditOf(database).record({
        actor: systemActor,
        action: 'reset_link_created',
        entity: 'user',
        entityId: user.id,
      });
      return issued;
    });
    const base = (opts.baseUrl as string | undefined) ?? `http://${config.host}:${config.port}`;
    process.stdout.write(`${base.replace(/\/$/, '')}${link.path}\n`);
    process.stderr.write(`This link works once, until ${link.expiresAt}. Hand it to the user privately.\n`);
  });

  addDatabaseOptions(
    users
      .command('disable')
      .description('disable a user: their sessions and tokens stop working')
      .requiredOption('--email <email>', 'the user'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    await withDatabase(config, async (database) => {
      const store = createUserStore(database.db);
      const user = await store.getByEmail(opts.email);
      if (!user) throw errors.notFound('user', opts.email);
      await store.update(user.id, { disabledAt: new Date().toISOString() });
      await database.query(
        'update sessions set revoked_at = now() where user_id = $1 and revoked_at is null',
        [user.id],
      );
      await database.query(
        'update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null',
        [user.id],
      );
      await auditOf(database).record({
        actor: systemActor,
        action: 'disable',
        entity: 'user',
        entityId: user.id,
      });
    });
    printJson({ email: opts.email, disabled: true });
  });
}
