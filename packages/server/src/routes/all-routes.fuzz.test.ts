import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';

/**
 * Property: no route answers 5xx, whatever the body, query string, path parameters and headers.
 * The routes come from the OpenAPI document of the running app (so a new route is fuzzed without
 * editing this file); bodies and query strings are generated from each route's own schema, with
 * wrong types, odd strings (NUL, lone surrogates, Arabic script) and junk mixed in, so that
 * requests reach the handlers and the database, not only the validator.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  additionalProperties?: Schema | boolean;
};
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

// A fixed seed keeps CI reproducible; FUZZ_RUNS and FUZZ_SEED explore further by hand.
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 25);
const seed = Number(process.env.FUZZ_SEED ?? 42);

const oddChar = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udfff', '%', '_', '\\', "'", '"', '\n', 'é', 'محمد', 'ە', '😀'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
);
const oddString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: oddChar, maxLength: 12 }),
  fc.constantFrom('', ' ', 'Mohamed', 'محمد الحسن', 'null', '0', '-1', '9'.repeat(30), 'a'.repeat(400)),
);
const countries = fc.constantFrom('IQ', 'BE', 'TN', 'GN', 'SN', 'GE', 'NG', 'SV', 'MN', 'DE', 'ZZ');
const isoDay = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function arbitraryFor(
  schema: Schema | undefined,
  doc: OpenApi,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return arbitraryFor(doc.components?.schemas?.[name], doc, ids, depth);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, doc, ids, depth)));
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], doc, ids, depth);
  const wrong = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    oddString,
    fc.constant({}),
    fc.constant([]),
  );
  const right = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
        if (schema.format === 'date') return isoDay;
        if (schema.format === 'date-time') return isoDay.map((d) => `${d}T10:00:00Z`);
        if (schema.format === 'email') return fc.constantFrom('a@example.org', 'x@y', 'not-an-email');
        if (schema.pattern === '^[A-Z]{2}$') return countries;
        if (schema.pattern?.startsWith('^[a-z]{2,3}'))
          return fc.constantFrom('ar', 'ckb', 'fr', 'en', 'xx', 'EN');
        if (schema.pattern?.startsWith('^[A-Z]{3}')) return fc.constantFrom('EUR', 'IQD', 'XOF', 'eur');
        if (schema.pattern?.includes('https?'))
          return fc.constantFrom('http://data.europa.eu/esco/skill/abc', 'urn:x:1', 'nope');
        return oddString;
      case 'integer':
        return fc.integer({
          min: (schema.minimum ?? -5) - 2,
          max: Math.min(schema.maximum ?? 1000, 1e6) + 2,
        });
      case 'number':
        return fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
          fc.integer({ min: -10, max: 200 }),
        );
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        if (depth > 4) return fc.constant([]);
        return fc.array(arbitraryFor(schema.items, doc, ids, depth + 1), {
          maxLength: Math.min(3, (schema.maxItems ?? 3) + 1),
        });
      case 'object': {
        if (depth > 4) return fc.constant({});
        const props = schema.properties ?? {};
        const keys = Object.keys(props);
        if (keys.length === 0)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
        const required = (schema.required ?? []).filter((k) => k in props);
        // The required keys always, the others half the time.
        return fc.record(
          Object.fromEntries(keys.map((k) => [k, arbitraryFor(props[k], doc, ids, depth + 1)])),
          {
            requiredKeys: required,
          },
        );
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ arbitrary: right, weight: 30 }, { arbitrary: wrong, weight: 1 });
}

function queryArbitrary(op: Operation, doc: OpenApi, ids: string[]): fc.Arbitrary<Record<string, string>> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const entries = params.map((p) =>
    fc
      .option(
        fc.oneof(
          arbitraryFor(p.schema, doc, ids).map((v) =>
            typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
          ),
          oddString,
        ),
        { nil: undefined },
      )
      .map((v) => [p.name, v] as const),
  );
  return fc
    .tuple(fc.tuple(...entries), fc.option(fc.tuple(oddString, oddString), { nil: undefined }))
    .map(([pairs, junk]) => {
      const out: Record<string, string> = {};
      for (const [k, v] of pairs) if (v !== undefined) out[k] = v;
      if (junk) out[junk[0] || 'x'] = junk[1];
      return out;
    });
}

/** Percent-encodes a path segment; lone surrogates become U+FFFD (they cannot be encoded). */
const encodeSegment = (s: string) =>
  encodeURIComponent(
    s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

function pathArbitrary(path: string, ids: string[]): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const value = fc.oneof(
    fc.constantFrom(...ids).map(encodeSegment),
    fc.uuid().map(encodeSegment),
    oddString.filter((s) => s.length > 0).map(encodeSegment),
    // Raw segments, malformed percent escapes included.
    fc.constantFrom('ESCO', '*', '..', '%ZZ', '%E0%A4%A', '%00', 'a%2Fb'),
  );
  return fc.tuple(...names.map(() => value)).map((values) => {
    let i = 0;
    return path.replace(/\{([^}]+)\}/g, () => values[i++]!);
  });
}

const headersArbitrary = fc.record(
  {
    'if-match': fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"1"', '"999999999"', '*', ''), oddString),
    'idempotency-key': fc.oneof(fc.constantFrom('key-000000001', 'key-000000002'), oddString),
    'accept-language': fc.constantFrom('ar', 'ckb', 'fr;q=0.5', 'xx', ''),
    'x-access-reason': fc.constantFrom('checking the case', 'x'),
  },
  { requiredKeys: [] },
);

describe.each(testDatabaseKinds())('every route on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let doc: OpenApi;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    // Real records, so that generated ids sometimes hit existing rows and reach deeper code.
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBe(201);
      return res.json().id as string;
    };
    const org = await post('/api/organisations', { kind: 'employer', name: 'Fuzz employer', country: 'IQ' });
    const person = await post('/api/people', {
      givenName: 'Fuzz',
      familyName: 'Person',
      birthDate: '1990-01-01',
    });
    await post('/api/people', { givenName: 'فز', familyName: 'شخص', birthDate: '1990-01-01' });
    const vacancy = await post('/api/vacancies', { employerId: org, title: 'Fuzz vacancy' });
    const training = await post('/api/trainings', {
      providerId: org,
      title: 'Fuzz training',
      type: 'digital',
    });
    const service = await post('/api/services', {
      providerId: org,
      title: 'Fuzz service',
      category: 'other',
    });
    const event = await post('/api/events', {
      type: 'job_fair',
      title: 'Fuzz fair',
      startsAt: '2025-01-01T10:00:00Z',
      people: [{ personId: person }],
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/people/${person}/consents`,
      payload: { purpose: 'referral', recipientOrganisationId: org, method: 'signed_form' },
    });
    const referral = await post('/api/referrals', {
      personId: person,
      targetKind: 'vacancy',
      targetId: vacancy,
    });
    ids.push(org, person, vacancy, training, service, event, referral);
  });
  afterAll(async () => t.close());

  test('every registered API route is in the OpenAPI document', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map(
          (m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1').replace(':*', '*')}`,
        ),
      ),
    );
    const registered = (t.app.passerelle?.routes ?? [])
      .filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThan(30);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  test(
    'no route answers 5xx to random bodies, query strings, path parameters and headers',
    async () => {
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
      );
      expect(operations.length).toBeGreaterThan(40);
      const failures: string[] = [];
      for (const { path, method, op } of operations) {
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const body = bodySchema
          ? fc.oneof(
              { arbitrary: arbitraryFor(bodySchema, doc, ids), weight: 8 },
              { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
              { arbitrary: fc.constantFrom('{"a":', '[]', 'null', '"\\u0000"'), weight: 1 },
            )
          : fc.constant(undefined);
        await fc
          .assert(
            fc.asyncProperty(
              pathArbitrary(path, ids),
              queryArbitrary(op, doc, ids),
              body,
              headersArbitrary,
              async (url, query, payload, headers) => {
                const qs = new URLSearchParams(query).toString();
                const res = await t.app.inject({
                  method: method as 'GET',
                  url: qs ? `${url}?${qs}` : url,
                  headers:
                    payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
                  payload:
                    payload === undefined
                      ? undefined
                      : typeof payload === 'string'
                        ? payload
                        : JSON.stringify(payload),
                });
                if (res.statusCode >= 500) {
                  failures.push(
                    `${method} ${url}?${qs} ${JSON.stringify(payload)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                  );
                }
                return res.statusCode < 500;
              },
            ),
            { numRuns: runsPerRoute, seed, endOnFailure: true },
          )
          .catch((e: Error) => {
            failures.push(`${method} ${path}: ${e.message.split('\n').slice(0, 3).join(' ')}`);
          });
      }
      expect(failures).toEqual([]);
    },
    60_000 + runsPerRoute * 8_000,
  );
});
