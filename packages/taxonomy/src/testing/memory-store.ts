import {
  newestVersionOf,
  relationKinds,
  type ConceptLabels,
  type ConceptRecord,
  type ConceptSource,
  type ImportCounts,
  type ImportPlan,
  type ImportRecord,
  type LabelPolicy,
  type RelationKind,
  type RelationRecord,
  type StagedCollectionMember,
  type StagedConcept,
  type StagedLabels,
  type StagedRelation,
  type TaxonomyStore,
} from '@passerelle/core';

interface StoredRelation extends RelationRecord {
  origin: string;
}

const relKey = (r: { kind: string; sourceUri: string; targetUri: string }) =>
  `${r.kind}\u0000${r.sourceUri}\u0000${r.targetUri}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The taxonomy store port in memory: the third adapter beside PGlite and PostgreSQL, for tests of
 * the importer and of packages that need a small taxonomy. It follows the same contract
 * (core's taxonomy store contract suite runs against it).
 */
export function createMemoryTaxonomyStore(): TaxonomyStore & { failNextCommit(error: Error): void } {
  let concepts = new Map<string, Omit<ConceptRecord, 'collections'>>();
  let labels = new Map<string, ConceptLabels>();
  let relations = new Map<string, StoredRelation>();
  let members = new Map<string, Set<string>>();
  let imports: ImportRecord[] = [];
  let failure: Error | null = null;

  const store: TaxonomyStore & { failNextCommit(error: Error): void } = {
    failNextCommit(error) {
      failure = error;
    },
    async runImport(fn) {
      // Work on copies: the store keeps its old state unless the whole import succeeds.
      const snapshot = {
        concepts: new Map(concepts),
        labels: new Map(labels),
        relations: new Map(relations),
        members: new Map([...members].map(([k, v]) => [k, new Set(v)])),
        imports: [...imports],
      };
      const staged = {
        concepts: [] as StagedConcept[],
        labels: [] as (StagedLabels & { policy: LabelPolicy })[],
        relations: [] as StagedRelation[],
        members: [] as StagedCollectionMember[],
      };
      const startedAt = new Date().toISOString();
      const result = await fn({
        async stageConcepts(rows) {
          staged.concepts.push(...rows);
        },
        async stageLabels(rows, policy) {
          staged.labels.push(...rows.map((r) => ({ ...r, policy })));
        },
        async stageRelations(rows) {
          staged.relations.push(...rows);
        },
        async stageCollectionMembers(rows) {
          staged.members.push(...rows);
        },
        async commit(plan: ImportPlan): Promise<ImportCounts> {
          const s = snapshot;
          const counts: ImportCounts = {
            conceptsInserted: 0,
            conceptsUpdated: 0,
            conceptsUnchanged: 0,
            conceptsObsoleted: 0,
            labelsInserted: 0,
            labelsUpdated: 0,
            labelsUnchanged: 0,
            labelsSkipped: 0,
            relationsInserted: 0,
            relationsUpdated: 0,
            relationsUnchanged: 0,
            relationsDeleted: 0,
            relationsDangling: 0,
            collectionMembersInserted: 0,
            collectionMembersDeleted: 0,
          };
          const lastConcept = new Map<string, StagedConcept>();
          for (const c of staged.concepts) lastConcept.set(c.uri, c);
          for (const c of lastConcept.values()) {
            const next = { ...c, source: plan.source, version: plan.version, obsolete: false };
            const old = s.concepts.get(c.uri);
            if (!old) {
              s.concepts.set(c.uri, next);
              counts.conceptsInserted++;
            } else if ((old.source === plan.source || plan.source === 'esco') && !same(old, next)) {
              s.concepts.set(c.uri, next);
              counts.conceptsUpdated++;
            } else counts.conceptsUnchanged++;
          }
          for (const [uri, c] of s.concepts) {
            if (
              c.source === plan.source &&
              plan.completeTypes.includes(c.type) &&
              !c.obsolete &&
              !lastConcept.has(uri)
            ) {
              s.concepts.set(uri, { ...c, obsolete: true });
              counts.conceptsObsoleted++;
            }
          }
          const byPair = new Map<string, StagedLabels & { policy: LabelPolicy }>();
          for (const l of staged.labels) {
            const key = `${l.uri}\u0000${l.lang}`;
            const prev = byPair.get(key);
            if (!prev || l.policy === 'replace' || prev.policy === 'fill') byPair.set(key, l);
          }
          for (const [key, l] of byPair) {
            if (!s.concepts.has(l.uri)) {
              counts.labelsSkipped++;
              continue;
            }
            const value: ConceptLabels = {
              lang: l.lang,
              preferred: l.preferred,
              alt: l.alt,
              hidden: l.hidden,
              description: l.description,
            };
            const old = s.labels.get(key);
            if (!old) {
              s.labels.set(key, value);
              counts.labelsInserted++;
            } else if (l.policy === 'replace' && !same(old, value)) {
              s.labels.set(key, value);
              counts.labelsUpdated++;
            } else counts.labelsUnchanged++;
          }
          const stagedRel = new Map<string, StagedRelation>();
          for (const r of [...staged.relations].sort((a, b) => (a.origin < b.origin ? 1 : -1)))
            stagedRel.set(relKey(r), r);
          for (const r of staged.relations)
            if (!s.concepts.has(r.sourceUri) || !s.concepts.has(r.targetUri)) counts.relationsDangling++;
          for (const [key, r] of stagedRel) {
            const next: StoredRelation = {
              kind: r.kind,
              sourceUri: r.sourceUri,
              targetUri: r.targetUri,
              relationType: r.relationType,
              origin: r.origin,
            };
            const old = s.relations.get(key);
            if (!old) {
              s.relations.set(key, next);
              counts.relationsInserted++;
            } else if (!same(old, next)) {
              s.relations.set(key, next);
              counts.relationsUpdated++;
            } else counts.relationsUnchanged++;
          }
          for (const [key, r] of s.relations) {
            if (plan.completeOrigins.includes(r.origin as never) && !stagedRel.has(key)) {
              s.relations.delete(key);
              counts.relationsDeleted++;
            }
          }
          if (plan.source === 'esco') {
            for (const [key, r] of s.relations) {
              const c = s.concepts.get(r.sourceUri);
              if (r.origin !== 'catalogue' || c?.source !== 'esco') continue;
              const takeOver =
                (r.kind === 'occupation_skill' &&
                  c.type === 'occupation' &&
                  plan.completeOrigins.includes('occupation_skill')) ||
                (r.kind === 'broader' && c.type === 'skill' && plan.completeOrigins.includes('skill_pillar'));
              if (takeOver) {
                s.relations.delete(key);
                counts.relationsDeleted++;
              }
            }
          }
          const stagedMembers = new Map<string, Set<string>>();
          for (const m of staged.members) {
            if (!s.concepts.has(m.uri)) continue;
            if (!stagedMembers.has(m.collection)) stagedMembers.set(m.collection, new Set());
            stagedMembers.get(m.collection)?.add(m.uri);
          }
          for (const [collection, uris] of stagedMembers) {
            const set = s.members.get(collection) ?? new Set<string>();
            for (const u of uris) {
              if (set.has(u)) continue;
              set.add(u);
              counts.collectionMembersInserted++;
            }
            s.members.set(collection, set);
          }
          for (const collection of plan.completeCollections) {
            const set = s.members.get(collection);
            if (!set) continue;
            for (const u of [...set]) {
              if (stagedMembers.get(collection)?.has(u)) continue;
              set.delete(u);
              counts.collectionMembersDeleted++;
            }
          }
          if (failure) {
            const e = failure;
            failure = null;
            throw e;
          }
          s.imports.unshift({
            id: (s.imports[0]?.id ?? 0) + 1,
            source: plan.source,
            version: plan.version,
            languages: plan.languages,
            files: plan.files,
            counts,
            startedAt,
            finishedAt: new Date().toISOString(),
          });
          return counts;
        },
      });
      concepts = snapshot.concepts;
      labels = snapshot.labels;
      relations = snapshot.relations;
      members = snapshot.members;
      imports = snapshot.imports;
      return result;
    },
    async newestVersion(source: ConceptSource) {
      return newestVersionOf(imports.filter((i) => i.source === source).map((i) => i.version));
    },
    async stats() {
      const live = [...concepts.values()].filter((c) => !c.obsolete);
      const count = (t: string) => live.filter((c) => c.type === t).length;
      const byKind = Object.fromEntries(
        relationKinds.map((k) => [k, [...relations.values()].filter((r) => r.kind === k).length]),
      ) as Record<RelationKind, number>;
      return {
        occupations: count('occupation'),
        skills: count('skill'),
        iscoGroups: count('isco_group'),
        skillGroups: count('skill_group'),
        relations: byKind.occupation_skill,
        relationsByKind: byKind,
        obsolete: concepts.size - live.length,
        languages: [...new Set([...labels.values()].map((l) => l.lang))].sort(),
        collections: Object.fromEntries(
          [...members]
            .filter(([, v]) => v.size > 0)
            .sort()
            .map(([k, v]) => [k, v.size]),
        ),
        escoVersion: await store.newestVersion('esco'),
        catalogueVersion: await store.newestVersion('catalogue'),
      };
    },
    async getConcept(uri) {
      const [c] = await store.getConcepts([uri]);
      if (!c) return null;
      const own = [...labels].filter(([key]) => key.startsWith(`${uri}\u0000`)).map(([, l]) => l);
      return { ...c, labels: own.sort((a, b) => a.lang.localeCompare(b.lang)) };
    },
    async getConcepts(uris) {
      return uris.flatMap((u) => {
        const c = concepts.get(u);
        if (!c) return [];
        const collections = [...members]
          .filter(([, v]) => v.has(u))
          .map(([k]) => k)
          .sort();
        return [{ ...c, collections }];
      });
    },
    async relationsOf(uri, kinds = [...relationKinds]) {
      return [...relations.values()]
        .filter((r) => kinds.includes(r.kind) && (r.sourceUri === uri || r.targetUri === uri))
        .map(({ kind, sourceUri, targetUri, relationType }) => ({
          kind,
          sourceUri,
          targetUri,
          relationType,
        }));
    },
    async loadSearchableConcepts() {
      const byUri = new Map<string, ConceptLabels[]>();
      for (const [key, l] of labels) {
        const uri = key.split('\u0000')[0] as string;
        if (!byUri.has(uri)) byUri.set(uri, []);
        byUri.get(uri)?.push({ ...l, description: null });
      }
      return [...concepts.values()]
        .sort((a, b) => (a.uri < b.uri ? -1 : 1))
        .map((c) => ({
          uri: c.uri,
          type: c.type,
          iscoCode: c.iscoCode,
          code: c.code,
          obsolete: c.obsolete,
          labels: (byUri.get(c.uri) ?? []).sort((a, b) => a.lang.localeCompare(b.lang)),
        }));
    },
    async loadRelations(kinds) {
      return [...relations.values()]
        .filter((r) => kinds.includes(r.kind))
        .map(({ kind, sourceUri, targetUri, relationType }) => ({
          kind,
          sourceUri,
          targetUri,
          relationType,
        }));
    },
    async listImports(limit = 20) {
      return imports.slice(0, limit);
    },
  };
  return store;
}
