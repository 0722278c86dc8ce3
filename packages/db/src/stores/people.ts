import { randomUUID } from 'node:crypto';
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  eq,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  duplicateScoring,
  encodeCursor,
  errors,
  nameKeys,
  normalizeForSearch,
  personInput,
  personMatchKeys,
  profileCompleteness,
  romanize,
  scoreDuplicate,
  decodeCursor,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type ChangeMeta,
  type DuplicateCandidate,
  type DuplicateProbe,
  type Page,
  type Person,
  type PersonHistoryEntry,
  type PersonInput,
  type PersonListQuery,
  type PersonStore,
} from '@passerelle/core';
import type { Db } from '../database';
import { eventPeople, followUps, people, personHistory, referralHistory, referrals } from '../schema/records';
import { isUniqueViolation } from './organisations';
import {
  allOf,
  assertDistinctExternalIds,
  changedFields,
  checkReferences,
  chunks,
  finishPage,
  inTransaction,
  isoOf,
  jsonClean,
  pageClauses,
  type Reference,
  rowsOf,
  scopeCondition,
  type SortSpec,
} from './record-kit';

type Row = typeof people.$inferSelect;

const uniq = (xs: (string | null | undefined)[]): string[] => [
  ...new Set(xs.filter((x): x is string => Boolean(x))),
];

/** The names a person is known by, full names first. */
export function personNames(p: Pick<PersonInput, 'givenName' | 'familyName' | 'otherNames'>): string[] {
  return uniq([`${p.givenName} ${p.familyName}`.trim(), ...p.otherNames.map((n) => n.value)]);
}

/** What duplicate detection compares. */
export function duplicateProbeOf(p: PersonInput): DuplicateProbe {
  return {
    names: personNames(p),
    birthDate: p.birthDate ?? null,
    birthDateApproximate: p.birthDateApproximate,
    phones: uniq([p.contact.phone, ...p.contact.otherPhones]),
    documentNumbers: p.identityDocuments.map((d) => d.number),
  };
}

/** The columns of a person, all derived from the input (kept whole in `data`). */
export function personColumns(input: PersonInput) {
  const names = personNames(input);
  const keys = personMatchKeys(duplicateProbeOf(input));
  const sortName =
    normalizeForSearch(`${input.familyName} ${input.givenName}`) || normalizeForSearch(names[0] ?? '');
  return {
    externalId: input.externalId ?? null,
    givenName: input.givenName,
    familyName: input.familyName,
    sortName,
    searchText: uniq(names.flatMap((n) => [normalizeForSearch(n), romanize(n)])).join(' | '),
    nameKeys: keys.nameKeys,
    namePairKeys: keys.namePairKeys,
    phoneKeys: keys.phoneKeys,
    documentKeys: keys.documentKeys,
    birthDate: input.birthDate ?? null,
    owningOrganisationId: input.owningOrganisationId ?? null,
    country: input.country ?? null,
    returnCountry: input.returnInfo?.returnCountry ?? null,
    hostCountry: input.returnInfo?.hostCountry ?? null,
    programme: input.returnInfo?.programme ?? null,
    caseManagerIds: uniq(input.caseManagerIds),
    skillUris: uniq([
      ...input.skills.map((s) => s.uri),
      ...input.workExperience.flatMap((w) => w.skillsUsed.map((s) => s.uri)),
    ]),
    occupationUris: uniq(input.workExperience.map((w) => w.occupation.uri)),
    data: jsonClean(input),
  };
}

function inputOf(r: Row): PersonInput {
  return r.data as PersonInput;
}

function toPerson(r: Row): Person {
  const data = inputOf(r);
  return {
    ...data,
    id: r.id,
    externalId: r.externalId,
    mergedIntoId: r.mergedIntoId,
    completeness: profileCompleteness(data),
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

const referencesOf = (
  p: Pick<PersonInput, 'owningOrganisationId'>,
  path: (string | number)[] = [],
): Reference[] =>
  p.owningOrganisationId
    ? [{ path: [...path, 'owningOrganisationId'], entity: 'organisation', id: p.owningOrganisationId }]
    : [];

const sorts: Record<PersonListQuery['sort'], SortSpec<Row>> = {
  name: { expr: people.sortName, type: 'text', value: (r) => r.sortName },
  createdAt: { expr: people.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
  updatedAt: { expr: people.updatedAt, type: 'timestamptz', value: (r) => r.updatedAt },
};

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The survivor's data after a merge: its own values win; what it lacks comes from the duplicate;
 * names, phones, documents and case managers are united so that nothing known is lost.
 */
export function mergePersonData(survivor: PersonInput, duplicate: PersonInput): PersonInput {
  const merged: Record<string, unknown> = { ...survivor };
  for (const [key, value] of Object.entries(duplicate)) {
    if (isEmpty(merged[key]) && !isEmpty(value)) merged[key] = value;
  }
  const dupName = `${duplicate.givenName} ${duplicate.familyName}`.trim();
  const otherNames = [...survivor.otherNames];
  for (const n of [
    ...(dupName ? [{ value: dupName, kind: 'alias' as const }] : []),
    ...duplicate.otherNames,
  ]) {
    if (!personNames({ ...survivor, otherNames }).includes(n.value)) otherNames.push(n);
  }
  merged.otherNames = otherNames.slice(0, 20);
  merged.caseManagerIds = uniq([...survivor.caseManagerIds, ...duplicate.caseManagerIds]).slice(0, 20);
  // The survivor's case stays as it is: a duplicate's old closure never closes an open case (that
  // is decided by closing it, audited), and an open duplicate never reopens a closed one.
  merged.caseClosure = survivor.caseClosure ?? null;
  const docs = [...survivor.identityDocuments];
  for (const d of duplicate.identityDocuments) {
    if (!docs.some((x) => x.type === d.type && x.number === d.number)) docs.push(d);
  }
  merged.identityDocuments = docs.slice(0, 20);
  const phones = uniq([
    ...survivor.contact.otherPhones,
    duplicate.contact.phone,
    ...duplicate.contact.otherPhones,
  ]).filter((p) => p !== (merged.contact as PersonInput['contact']).phone);
  merged.contact = { ...duplicate.contact, ...dropEmpty(survivor.contact), otherPhones: phones.slice(0, 5) };
  return personInput.parse(merged);
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => !isEmpty(v))) as Partial<T>;
}

/** The people store on either database. */
export function createPersonStore(db: Db, options: { newId?: () => string } = {}): PersonStore {
  const newId = options.newId ?? randomUUID;

  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(people).where(eq(people.id, id));
    if (!row) throw errors.notFound('person', id);
    return row;
  }
  const uniqueGuard = (e: unknown): never => {
    if (isUniqueViolation(e)) throw errors.alreadyExists('person', 'externalId');
    throw e;
  };
  async function log(
    tx: Db,
    entries: {
      personId: string;
      originalPersonId?: string;
      action: PersonHistoryEntry['action'];
      version: number;
      changedFields?: string[];
      relatedPersonId?: string | null;
      actorId: string | null;
    }[],
  ) {
    if (entries.length === 0) return;
    for (const batch of chunks(entries, 1000)) {
      await tx.insert(personHistory).values(
        batch.map((e) => ({
          id: newId(),
          personId: e.personId,
          originalPersonId: e.originalPersonId ?? e.personId,
          action: e.action,
          version: e.version,
          changedFields: e.changedFields ?? [],
          relatedPersonId: e.relatedPersonId ?? null,
          actorId: e.actorId,
        })),
      );
    }
  }
  async function isReferenced(tx: Db, id: string): Promise<boolean> {
    const [r] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(eq(referrals.personId, id))
      .limit(1);
    if (r) return true;
    const [f] = await tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(eq(followUps.personId, id))
      .limit(1);
    if (f) return true;
    const [e] = await tx
      .select({ id: eventPeople.eventId })
      .from(eventPeople)
      .where(eq(eventPeople.personId, id))
      .limit(1);
    if (e) return true;
    const [m] = await tx.select({ id: people.id }).from(people).where(eq(people.mergedIntoId, id)).limit(1);
    return Boolean(m);
  }

  return {
    async create(input, id, meta?: ChangeMeta) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          await checkReferences(tx, referencesOf(input));
          const [row] = await tx
            .insert(people)
            .values({ id, ...personColumns(input) })
            .returning();
          await log(tx, [
            {
              personId: id,
              action: 'created',
              version: 1,
              changedFields: changedFields(null, row!.data as Record<string, unknown>),
              actorId: meta?.actorId ?? null,
            },
          ]);
          return toPerson(row!);
        })
        .catch(uniqueGuard);
    },

    async get(id) {
      const [row] = await db.select().from(people).where(eq(people.id, id));
      return row ? toPerson(row) : null;
    },

    async list(query, scope): Promise<Page<Person>> {
      const scoped = scopeCondition(scope, {
        organisation: (ids) => inArray(people.owningOrganisationId, ids),
        country: (cs) => inArray(people.country, cs),
        caseManager: (userId) => arrayContains(people.caseManagerIds, [userId]),
        person: (personId) => eq(people.id, personId),
      });
      if (scoped === 'none') return { items: [], nextCursor: null };
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: people.id,
        cursor: query.cursor,
      });
      let search: SQL | undefined;
      if (query.q) {
        const text = normalizeForSearch(query.q);
        const latin = romanize(query.q)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        const keys = nameKeys(query.q).filter((k) => k.length >= 2);
        const esc = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        search = or(
          text ? sql`${people.searchText} like ${esc(text)}` : undefined,
          latin ? sql`${people.searchText} like ${esc(latin)}` : undefined,
          keys.length ? arrayContains(people.nameKeys, keys) : undefined,
        );
      }
      const where = allOf([
        query.includeArchived ? undefined : isNull(people.archivedAt),
        search,
        query.country ? eq(people.country, query.country) : undefined,
        query.returnCountry ? eq(people.returnCountry, query.returnCountry) : undefined,
        query.hostCountry ? eq(people.hostCountry, query.hostCountry) : undefined,
        query.programme ? eq(people.programme, query.programme) : undefined,
        query.owningOrganisationId ? eq(people.owningOrganisationId, query.owningOrganisationId) : undefined,
        query.caseManagerId ? arrayContains(people.caseManagerIds, [query.caseManagerId]) : undefined,
        query.caseStatus === undefined
          ? undefined
          : query.caseStatus === 'open'
            ? sql`coalesce(jsonb_typeof(${people.data}->'caseClosure'), 'null') = 'null'`
            : sql`jsonb_typeof(${people.data}->'caseClosure') = 'object'`,
        query.externalId ? eq(people.externalId, query.externalId) : undefined,
        scoped,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(people)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      return finishPage(rows, query.limit, page.cursorKey, spec, toPerson);
    },

    async update(id, expectedVersion, input, meta) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          const before = await current(tx, id);
          if (before.version !== expectedVersion)
            throw errors.versionConflict('person', id, expectedVersion, before.version);
          await checkReferences(tx, referencesOf(input), referencesOf(inputOf(before)));
          const columns = personColumns(input);
          const [row] = await tx
            .update(people)
            .set({ ...columns, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(people.id, id), eq(people.version, expectedVersion)))
            .returning();
          if (!row) throw errors.versionConflict('person', id, expectedVersion, expectedVersion + 1);
          await log(tx, [
            {
              personId: id,
              action: 'updated',
              version: row.version,
              changedFields: changedFields(
                before.data as Record<string, unknown>,
                columns.data as Record<string, unknown>,
              ),
              actorId: meta?.actorId ?? null,
            },
          ]);
          return toPerson(row);
        })
        .catch(uniqueGuard);
    },

    async remove(id, expectedVersion, meta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('person', id, expectedVersion, before.version);
        if (before.archivedAt !== null || (await isReferenced(tx, id))) {
          const [row] = await tx
            .update(people)
            .set({
              archivedAt: sql`coalesce(${people.archivedAt}, now())`,
              version: sql`${people.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(people.id, id))
            .returning();
          await log(tx, [
            { personId: id, action: 'archived', version: row!.version, actorId: meta?.actorId ?? null },
          ]);
          return { outcome: 'archived' as const, record: toPerson(row!) };
        }
        await tx.delete(people).where(eq(people.id, id));
        return { outcome: 'deleted' as const, id };
      });
    },

    async findDuplicates(input, opts = {}): Promise<DuplicateCandidate[]> {
      const probe = duplicateProbeOf(input);
      const keys = personMatchKeys(probe);
      const reach = or(
        keys.namePairKeys.length ? arrayOverlaps(people.namePairKeys, keys.namePairKeys) : undefined,
        keys.phoneKeys.length ? arrayOverlaps(people.phoneKeys, keys.phoneKeys) : undefined,
        keys.documentKeys.length ? arrayOverlaps(people.documentKeys, keys.documentKeys) : undefined,
        keys.nameKeys.length && probe.birthDate
          ? and(
              arrayOverlaps(people.nameKeys, keys.nameKeys),
              sql`extract(year from ${people.birthDate}) = ${Number(probe.birthDate.slice(0, 4))}`,
            )
          : undefined,
      );
      if (!reach) return [];
      const rows = await db
        .select({ id: people.id, data: people.data })
        .from(people)
        .where(
          allOf([
            isNull(people.archivedAt),
            opts.excludeId ? ne(people.id, opts.excludeId) : undefined,
            reach,
          ]),
        )
        .limit(1000);
      const minScore = opts.minScore ?? duplicateScoring.threshold;
      return rows
        .map((r) => ({ personId: r.id, ...scoreDuplicate(probe, duplicateProbeOf(r.data as PersonInput)) }))
        .filter((c) => c.score >= minScore)
        .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
        .slice(0, opts.limit ?? 10);
    },

    async merge(survivorId, expectedVersion, duplicateId, meta) {
      if (survivorId === duplicateId) throw errors.conflict('a person cannot be merged into itself');
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const survivor = await current(tx, survivorId);
        const duplicate = await current(tx, duplicateId);
        if (survivor.version !== expectedVersion) {
          throw errors.versionConflict('person', survivorId, expectedVersion, survivor.version);
        }
        if (survivor.archivedAt !== null)
          throw errors.conflict('the surviving record is archived', { personId: survivorId });
        if (duplicate.archivedAt !== null)
          throw errors.conflict('the duplicate is already archived or merged', { personId: duplicateId });
        const actorId = meta?.actorId ?? null;
        const mergedData = mergePersonData(inputOf(survivor), { ...inputOf(duplicate), externalId: null });
        const columns = personColumns({ ...mergedData, externalId: survivor.externalId });
        const [row] = await tx
          .update(people)
          .set({ ...columns, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
          .where(eq(people.id, survivorId))
          .returning();
        // Both histories stay: referrals, attendance and history rows now belong to the survivor.
        const moved = await tx
          .update(referrals)
          .set({ personId: survivorId, version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
          .where(eq(referrals.personId, duplicateId))
          .returning({ id: referrals.id });
        if (moved.length) {
          await tx.insert(referralHistory).values(
            moved.map((m) => ({
              id: newId(),
              referralId: m.id,
              action: 'person_merged',
              changedFields: ['personId'],
              actorId,
            })),
          );
        }
        await tx
          .update(followUps)
          .set({ personId: survivorId, version: sql`${followUps.version} + 1`, updatedAt: sql`now()` })
          .where(eq(followUps.personId, duplicateId));
        const survivorEvents = await tx
          .select({ eventId: eventPeople.eventId })
          .from(eventPeople)
          .where(eq(eventPeople.personId, survivorId));
        const both = survivorEvents.map((e) => e.eventId);
        if (both.length) {
          await tx
            .delete(eventPeople)
            .where(and(eq(eventPeople.personId, duplicateId), inArray(eventPeople.eventId, both)));
        }
        await tx
          .update(eventPeople)
          .set({ personId: survivorId })
          .where(eq(eventPeople.personId, duplicateId));
        await tx
          .update(personHistory)
          .set({ personId: survivorId })
          .where(eq(personHistory.personId, duplicateId));
        await tx.update(people).set({ mergedIntoId: survivorId }).where(eq(people.mergedIntoId, duplicateId));
        const [archived] = await tx
          .update(people)
          .set({
            archivedAt: sql`now()`,
            mergedIntoId: survivorId,
            // The external id moves with nothing: the duplicate keeps it, archived, so an import finds the same record.
            version: sql`${people.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(people.id, duplicateId))
          .returning();
        await log(tx, [
          {
            personId: survivorId,
            action: 'merged_from',
            version: row!.version,
            changedFields: changedFields(
              survivor.data as Record<string, unknown>,
              columns.data as Record<string, unknown>,
            ),
            relatedPersonId: duplicateId,
            actorId,
          },
          {
            personId: duplicateId,
            action: 'merged_into',
            version: archived!.version,
            relatedPersonId: survivorId,
            actorId,
          },
        ]);
        return toPerson(row!);
      });
    },

    async history(id, query): Promise<Page<PersonHistoryEntry>> {
      const [exists] = await db.select({ id: people.id }).from(people).where(eq(people.id, id));
      if (!exists) throw errors.notFound('person', id);
      const conditions: (SQL | undefined)[] = [eq(personHistory.personId, id)];
      if (query.cursor) {
        const pos = decodeCursor(query.cursor, 'at');
        if (
          typeof pos.value !== 'number' ||
          !Number.isSafeInteger(pos.value) ||
          !/^[0-9a-f-]{36}$/i.test(pos.id)
        ) {
          throw errors.validation(
            [{ path: ['cursor'], code: 'invalid_cursor', message: 'not a valid cursor' }],
            'query',
          );
        }
        conditions.push(
          sql`((extract(epoch from ${personHistory.at}) * 1000000)::bigint, ${personHistory.id}) > (${pos.value}::bigint, ${pos.id}::uuid)`,
        );
      }
      const rows = await db
        .select({
          row: personHistory,
          micros: sql<number>`(extract(epoch from ${personHistory.at}) * 1000000)::bigint`,
        })
        .from(personHistory)
        .where(allOf(conditions))
        .orderBy(asc(personHistory.at), asc(personHistory.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(({ row: h }) => ({
        id: h.id,
        personId: h.personId,
        originalPersonId: h.originalPersonId,
        action: h.action as PersonHistoryEntry['action'],
        version: h.version,
        changedFields: h.changedFields,
        relatedPersonId: h.relatedPersonId,
        actorId: h.actorId,
        at: isoOf(h.at)!,
      }));
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return {
        items,
        nextCursor: last ? encodeCursor({ sort: 'at', value: Number(last.micros), id: last.row.id }) : null,
      };
    },

    async erase(id) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        // The records merged into this one are the same person.
        const ids = [id];
        for (let i = 0; i < ids.length; i++) {
          const merged = await tx
            .select({ id: people.id })
            .from(people)
            .where(eq(people.mergedIntoId, ids[i]!));
          for (const m of merged) if (!ids.includes(m.id)) ids.push(m.id);
        }
        let removed = 0;
        // Follow-ups first: they refer to the person and to their referrals.
        removed += (
          await tx.delete(followUps).where(inArray(followUps.personId, ids)).returning({ id: followUps.id })
        ).length;
        removed += (
          await tx.delete(referrals).where(inArray(referrals.personId, ids)).returning({ id: referrals.id })
        ).length;
        removed += (
          await tx
            .delete(eventPeople)
            .where(inArray(eventPeople.personId, ids))
            .returning({ id: eventPeople.eventId })
        ).length;
        removed += (
          await tx
            .delete(personHistory)
            .where(inArray(personHistory.personId, ids))
            .returning({ id: personHistory.id })
        ).length;
        removed += (await tx.delete(people).where(inArray(people.id, ids)).returning({ id: people.id }))
          .length;
        return removed;
      });
    },

    async retentionCandidates() {
      const rows = rowsOf<{ id: string; programme: string | null; closed: string | null; last: string }>(
        await db.execute(sql`
          select p.id, p.programme, p.data->'caseClosure'->>'on' as closed,
            greatest(p.updated_at, coalesce(max(r.updated_at), p.updated_at)) as last
          from ${people} p left join ${referrals} r on r.person_id = p.id
          where p.merged_into_id is null
          group by p.id, p.programme, p.updated_at`),
      );
      return rows.map((r) => ({
        personId: r.id,
        programme: r.programme,
        // The closure's date, as the start of that day in UTC.
        closedAt: r.closed ? `${r.closed}T00:00:00.000Z` : null,
        lastActivityAt: isoOf(r.last),
      }));
    },

    async upsertByExternalId(rows, options: BulkUpsertOptions): Promise<BulkUpsertResult> {
      assertDistinctExternalIds(rows);
      const actorId = options.meta?.actorId ?? null;
      return inTransaction(db, options.dryRun ?? false, async (tx) => {
        const outcomes: BulkUpsertResult['outcomes'] = [];
        for (const [batchIndex, batch] of chunks(rows, 500).entries()) {
          const offset = batchIndex * 500;
          const existing = await tx
            .select({
              id: people.id,
              externalId: people.externalId,
              data: people.data,
              version: people.version,
            })
            .from(people)
            .where(
              inArray(
                people.externalId,
                batch.map((r) => r.externalId),
              ),
            );
          const byExternal = new Map(existing.map((e) => [e.externalId!, e]));
          await checkReferences(
            tx,
            batch.flatMap((r, i) => referencesOf(r, [offset + i])),
            // An existing person may keep an archived owning organisation (per row of the batch).
            existing.flatMap((e) =>
              referencesOf(e.data as PersonInput, [
                offset + batch.findIndex((r) => r.externalId === e.externalId),
              ]),
            ),
          );
          const toInsert: (ReturnType<typeof personColumns> & { id: string })[] = [];
          const history: Parameters<typeof log>[1] = [];
          for (const r of batch) {
            const columns = personColumns(r);
            const found = byExternal.get(r.externalId);
            if (!found) {
              const id = options.newId();
              toInsert.push({ id, ...columns });
              history.push({
                personId: id,
                action: 'created',
                version: 1,
                changedFields: changedFields(null, columns.data as Record<string, unknown>),
                actorId,
              });
              outcomes.push({ externalId: r.externalId, id, outcome: 'created' });
              continue;
            }
            const changed = changedFields(
              found.data as Record<string, unknown>,
              columns.data as Record<string, unknown>,
            );
            if (changed.length === 0) {
              outcomes.push({ externalId: r.externalId, id: found.id, outcome: 'unchanged' });
              continue;
            }
            await tx
              .update(people)
              .set({ ...columns, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
              .where(eq(people.id, found.id));
            history.push({
              personId: found.id,
              action: 'updated',
              version: found.version + 1,
              changedFields: changed,
              actorId,
            });
            outcomes.push({ externalId: r.externalId, id: found.id, outcome: 'updated' });
          }
          if (toInsert.length) await tx.insert(people).values(toInsert);
          await log(tx, history);
        }
        return {
          outcomes,
          created: outcomes.filter((o) => o.outcome === 'created').length,
          updated: outcomes.filter((o) => o.outcome === 'updated').length,
          unchanged: outcomes.filter((o) => o.outcome === 'unchanged').length,
          dryRun: options.dryRun ?? false,
        };
      });
    },
  };
}
