import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { DomainError, errors } from '@passerelle/core';
import { createTaxonomyStore } from '@passerelle/db';
import { loadStarterCatalogue } from '@passerelle/taxonomy';
import {
  createOccupationCoder,
  exportRecords,
  importTable,
  readTableFromBuffer,
  type ImportKind,
  type OccupationCoder,
  type ImportMapping,
  type TableFormat,
} from '@passerelle/io';
import { peopleExportGuard } from '../../auth/export-guard';
import { importRowGuard } from '../../auth/import-guard';
import type { AppContext } from '../../context';
import { today } from '../record-kit';
import { auditImport, importResourceTypes } from './import-audit';
import { errorResponses } from '../../http/openapi';
import { exportQuery, importEnvelope, importQuery, importReport, kindParams } from './schema';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const contentTypes: Record<TableFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: xlsxType };

/** Uploads up to 100 MB (a 100,000-row vacancy file is about as large). */
const uploadLimit = 100 * 1024 * 1024;

type Envelope = z.infer<typeof importEnvelope>;
type Query = z.infer<typeof importQuery>;

/** The table of an upload: a raw CSV/XLSX body, or the JSON envelope with a mapping. */
async function tableOf(request: FastifyRequest, query: Query) {
  const body = request.body as Buffer | Envelope | undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (Buffer.isBuffer(body)) {
    const format: TableFormat | undefined =
      query.format ?? (type === xlsxType ? 'xlsx' : type === 'text/csv' ? 'csv' : undefined);
    if (!format) throw errors.invalidFile('upload', 'give ?format=csv or ?format=xlsx');
    const table = await readTableFromBuffer(body, format, {
      name: 'upload',
      ...(query.sheet ? { sheet: query.sheet } : {}),
      ...(query.delimiter ? { delimiter: query.delimiter } : {}),
    });
    return { table, mapping: null as ImportMapping | null };
  }
  const parsed = importEnvelope.safeParse(body);
  if (!parsed.success) {
    throw errors.validation(
      parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        code: i.code,
        message: i.message,
      })),
    );
  }
  const envelope = parsed.data;
  const sheet = envelope.sheet ?? envelope.mapping?.sheet;
  const delimiter = envelope.delimiter ?? envelope.mapping?.delimiter;
  const table = await readTableFromBuffer(Buffer.from(envelope.content, 'base64'), envelope.format, {
    name: 'upload',
    ...(sheet ? { sheet } : {}),
    ...(delimiter ? { delimiter } : {}),
  });
  return { table, mapping: envelope.mapping ?? null };
}

/**
 * Import and export of people, employers, vacancies and trainings for the web screens: a dry run
 * that reports every row, a commit that writes all rows or none, and exports in the same columns.
 */
export async function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  for (const type of ['text/csv', xlsxType, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) =>
      done(null, body),
    );
  }

  // The occupation coder is built once per taxonomy import (a few seconds for all of ESCO).
  const taxonomy = createTaxonomyStore(ctx.database);
  let coder: { importId: string | null; code: Promise<OccupationCoder | null> } | null = null;
  const occupationCoder = async () => {
    const [latest] = await taxonomy.listImports(1);
    const importId = latest ? String(latest.id) : null;
    if (!coder || coder.importId !== importId) {
      // With no taxonomy yet, the starter catalogue (as for text suggestions).
      const code = loadStarterCatalogue(taxonomy).then(() => createOccupationCoder(ctx.database));
      coder = { importId, code };
      code.catch(() => {
        coder = null;
      });
    }
    return coder.code;
  };

  const run = async (request: FastifyRequest, kind: ImportKind, query: Query, dryRun: boolean) => {
    await ctx.policy.authorize(request.actor, 'import', { type: importResourceTypes[kind] });
    const { table, mapping } = await tableOf(request, query);
    const codes = query.codeOccupations && (kind === 'vacancies' || kind === 'trainings');
    return importTable(ctx.database, {
      kind,
      table,
      mapping,
      dryRun,
      codeOccupation: codes ? await occupationCoder() : null,
      newId: ctx.newId,
      actorId: request.actor.userId,
      name: 'upload',
      today: today(ctx),
      // Each row as a create or update of its own (trust: no writes for other organisations).
      authorizeRow: importRowGuard(ctx.policy, request.actor, importResourceTypes[kind]),
    });
  };

  const description =
    'Send the file as the body (Content-Type text/csv or the XLSX type, or application/octet-stream with ?format=), ' +
    'or as JSON {format, content (base64), mapping} to use a column mapping. Columns: docs/import-format.md.';

  r.post(
    '/api/imports/:kind/dry-run',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: 'Check an import file and report every row, without writing',
        description,
        params: kindParams,
        querystring: importQuery,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) => run(request, request.params.kind, request.query, true),
  );

  r.post(
    '/api/imports/:kind',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary:
          'Import a file: every row or none, created or updated by external id (422 import_failed with the report when a row is invalid)',
        description,
        params: kindParams,
        querystring: importQuery,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) => {
      const report = await run(request, request.params.kind, request.query, false);
      if (!report.committed) {
        throw new DomainError('import_failed', {
          invalidRows: report.invalidRows,
          issues: report.issues.slice(0, 1000),
          truncated: report.issues.length > 1000,
        });
      }
      // The import's entry and one per case it closed or reopened, in one batch after the commit.
      await auditImport(ctx.audit, report, request.actor, request.id);
      return report;
    },
  );

  r.get(
    '/api/exports/:kind',
    {
      schema: {
        tags,
        summary: 'Export records in the import layout (CSV or XLSX; re-importing the file changes nothing)',
        params: kindParams,
        querystring: exportQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const kind = request.params.kind;
      await ctx.policy.authorize(request.actor, 'export', { type: importResourceTypes[kind] });
      const result = await exportRecords(ctx.database, {
        kind,
        format: request.query.format,
        includeArchived: request.query.includeArchived ?? false,
        // People: only those the caller may export, with only the fields the caller may see (C8).
        peopleGuard: peopleExportGuard(ctx.policy, request.actor),
      });
      await ctx.audit.record({
        actor: request.actor,
        action: 'export',
        entity: importResourceTypes[kind],
        entityId: null,
        changes: { rows: result.rows },
        requestId: request.id,
      });
      reply.header('content-type', contentTypes[request.query.format]);
      reply.header('content-disposition', `attachment; filename="${kind}.${request.query.format}"`);
      return reply.send(result.buffer as never);
    },
  );
}
