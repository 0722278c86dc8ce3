import { z } from 'zod';
import { DomainError, type FieldIssue } from '../errors/errors';

/** The two database variants. The embedded one is a config value, not an `if` spread through the code. */
export type DatabaseConfig =
  /** `dataDir: null` keeps the embedded database in memory (tests, benchmarks). */
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface AppConfig {
  database: DatabaseConfig;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Secret for signing session cookies and tokens; generated per process in demo mode when not given. */
  secret: string | null;
  /** Demo mode: seeds demo data and shows the demo sign-in. Never on in production. */
  demo: boolean;
  production: boolean;
}

/** The flags every CLI command accepts; each overrides its environment variable. */
export interface ConfigFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: string | number | undefined;
  logLevel?: string | undefined;
  demo?: boolean | undefined;
}

/** Where each setting comes from, so an error names both the flag and the variable. */
export const configSources = {
  dataDir: '--data-dir / PASSERELLE_DATA_DIR',
  databaseUrl: '--database-url / DATABASE_URL',
  host: '--host / HOST',
  port: '--port / PORT',
  logLevel: '--log-level / LOG_LEVEL',
  secret: 'PASSERELLE_SECRET',
} as const;

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const schema = z.object({
  dataDir: nonEmpty('the data directory'),
  databaseUrl: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (
          ((u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '') ||
          u.searchParams.has('host')
        );
      } catch {
        return false;
      }
    }, 'must be a URL like postgres://user:password@host:5432/database')
    .optional(),
  host: nonEmpty('the host').refine((v) => !/\s/.test(v), 'must be a host name or IP address'),
  port: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, 'must be a whole number between 0 and 65535'),
  logLevel: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }),
  secret: z.string().min(32, 'must be at least 32 characters long').optional(),
  production: z.boolean(),
  demo: z.boolean(),
});

/**
 * Builds the one config of a process from environment variables and CLI flags (flags win).
 * Every problem is reported at once in a single `invalid_config` error.
 */
export function parseConfig(env: Record<string, string | undefined>, flags: ConfigFlags = {}): AppConfig {
  const pick = (flag: unknown, name: string): string | undefined => {
    if (flag !== undefined && flag !== null) return String(flag);
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const production = env.NODE_ENV === 'production';
  const raw = {
    dataDir: pick(flags.dataDir, 'PASSERELLE_DATA_DIR') ?? './data',
    databaseUrl: pick(flags.databaseUrl, 'DATABASE_URL'),
    host: pick(flags.host, 'HOST') ?? '127.0.0.1',
    port: pick(flags.port, 'PORT') ?? '8080',
    logLevel: pick(flags.logLevel, 'LOG_LEVEL') ?? 'info',
    secret: pick(undefined, 'PASSERELLE_SECRET'),
    production,
    demo: flags.demo ?? env.PASSERELLE_DEMO === 'true',
  };
  const parsed = schema.safeParse(raw);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '') as keyof typeof configSources;
        return { path: [configSources[key] ?? key], code: i.code, message: i.message };
      });
  if (parsed.success && parsed.data.production && parsed.data.demo) {
    issues.push({
      path: ['--demo / PASSERELLE_DEMO'],
      code: 'custom',
      message: 'demo mode is not allowed when NODE_ENV=production',
    });
  }
  if (parsed.success && parsed.data.production && !parsed.data.secret) {
    issues.push({
      path: [configSources.secret],
      code: 'custom',
      message: 'is required when NODE_ENV=production',
    });
  }
  if (!parsed.success || issues.length > 0) throw new DomainError('invalid_config', { issues });
  const d = parsed.data;
  return {
    database: d.databaseUrl
      ? { kind: 'postgres', url: d.databaseUrl }
      : { kind: 'pglite', dataDir: d.dataDir },
    host: d.host,
    port: d.port,
    logLevel: d.logLevel,
    secret: d.secret ?? null,
    demo: d.demo,
    production: d.production,
  };
}

/** One clear, multi-line message for an `invalid_config` error (for terminals and logs). */
export function formatConfigError(error: DomainError): string {
  const issues = (error.details.issues as FieldIssue[] | undefined) ?? [];
  const lines = issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  return ['Invalid configuration:', ...lines].join('\n');
}

/** Describes a database config without its password, for logs. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === 'pglite')
    return db.dataDir === null ? 'embedded PGlite in memory' : `embedded PGlite at ${db.dataDir}`;
  try {
    const u = new URL(db.url);
    if (u.password) u.password = '***';
    return `PostgreSQL at ${u.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
