import {
  escoAttribution,
  type ConceptType,
  type RelationRecord,
  type SkillType,
  type TaxonomyStore,
} from '@passerelle/core';
import { ConceptIndex, type SearchHit, type SearchOptions } from '../search/concept-index';
import type { ScoringOptions } from '../search/scoring';
import { loadStarterCatalogue } from '../starter/load-starter-catalogue';

/** A concept named in another concept's view. */
export interface ConceptRef {
  uri: string;
  type: ConceptType | null;
  label: string;
  labelLang: string;
  iscoCode: string | null;
}

/** A list that may be cut: the first `limit` items and the full count. */
export interface RefList {
  total: number;
  items: ConceptRef[];
}

/** What the API shows of one concept, in one language (with fallbacks). */
export interface ConceptView {
  uri: string;
  type: ConceptType;
  code: string | null;
  iscoCode: string | null;
  skillType: SkillType | null;
  reuseLevel: string | null;
  status: string | null;
  source: 'esco' | 'catalogue';
  obsolete: boolean;
  collections: string[];
  label: string;
  labelLang: string;
  altLabels: string[];
  description: string | null;
  /** Preferred labels in every language stored. */
  labels: Record<string, string>;
  broader: RefList;
  narrower: RefList;
  /** Occupation → skills. */
  essentialSkills: RefList;
  optionalSkills: RefList;
  /** Skill → occupations. */
  essentialFor: RefList;
  optionalFor: RefList;
  /** Skill → related skills. */
  relatedSkills: RefList;
  attribution: string | null;
}

export interface TaxonomyServiceOptions {
  fallbackLanguages?: string[];
  scoring?: Partial<ScoringOptions>;
  /** Load the starter catalogue when no ESCO release has been imported (the embedded default). */
  seedStarterCatalogue?: boolean;
  /** How often (ms) a search checks whether another process imported something. */
  freshnessIntervalMs?: number;
  now?: () => number;
}

/**
 * The taxonomy as the server and the CLI use it: the search index in memory (built from the
 * store, rebuilt in the background when a newer import appears) and navigation read from the
 * store, labelled from the index.
 */
export class TaxonomyService {
  private index: ConceptIndex | null = null;
  private loading: Promise<ConceptIndex> | null = null;
  private loadedImportId: number | null = null;
  private checkedAt = 0;
  private readonly now: () => number;

  constructor(
    readonly store: TaxonomyStore,
    private readonly options: TaxonomyServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The index, loading it on first use. */
  async ready(): Promise<ConceptIndex> {
    if (this.index) {
      void this.refreshIfStale();
      return this.index;
    }
    return this.reload();
  }

  /** Rebuilds the index from the store (after an import in this process). */
  reload(): Promise<ConceptIndex> {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      try {
        if (this.options.seedStarterCatalogue) await loadStarterCatalogue(this.store);
        const [latest] = await this.store.listImports(1);
        const concepts = await this.store.loadSearchableConcepts();
        const index = await ConceptIndex.buildAsync(concepts, {
          fallbackLanguages: this.options.fallbackLanguages ?? ['en'],
          ...(this.options.scoring ? { scoring: this.options.scoring } : {}),
        });
        this.index = index;
        this.loadedImportId = latest?.id ?? null;
        this.checkedAt = this.now();
        return index;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async refreshIfStale(): Promise<void> {
    const interval = this.options.freshnessIntervalMs ?? 30_000;
    if (this.loading || this.now() - this.checkedAt < interval) return;
    this.checkedAt = this.now();
    try {
      const [latest] = await this.store.listImports(1);
      if ((latest?.id ?? null) !== this.loadedImportId) await this.reload();
    } catch {
      // A failed check keeps the current index; the next search tries again.
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return (await this.ready()).search(query, options);
  }

  /** The view of one concept in `lang`, with its neighbours (each list cut at `limit`); null when unknown. */
  async concept(uri: string, lang: string, options: { limit?: number } = {}): Promise<ConceptView | null> {
    const limit = options.limit ?? 200;
    const index = await this.ready();
    const concept = await this.store.getConcept(uri);
    if (!concept) return null;
    const relations = await this.store.relationsOf(uri);
    const chain = index.chainFor(lang);
    const labelsIn = (l: string) => concept.labels.find((x) => x.lang === l);
    const shownLang =
      chain.find((l) => labelsIn(l)?.preferred) ?? concept.labels.find((l) => l.preferred)?.lang ?? lang;
    const shown = labelsIn(shownLang);
    const ref = (other: string): ConceptRef => {
      const c = index.concept(other);
      const label = index.preferredLabel(other, lang);
      return {
        uri: other,
        type: c?.type ?? null,
        label: label?.label ?? other,
        labelLang: label?.lang ?? '',
        iscoCode: c?.iscoCode ?? null,
      };
    };
    const list = (pick: (r: RelationRecord) => string | null): RefList => {
      const uris = relations.map(pick).filter((u): u is string => u !== null && index.concept(u) !== null);
      const unique = [...new Set(uris)];
      const refs = unique.map(ref).sort((a, b) => a.label.localeCompare(b.label, lang));
      return { total: refs.length, items: refs.slice(0, limit) };
    };
    const out = (kind: RelationRecord['kind'], type?: 'essential' | 'optional') => (r: RelationRecord) =>
      r.kind === kind && r.sourceUri === uri && (!type || r.relationType === type) ? r.targetUri : null;
    const inc = (kind: RelationRecord['kind'], type?: 'essential' | 'optional') => (r: RelationRecord) =>
      r.kind === kind && r.targetUri === uri && (!type || r.relationType === type) ? r.sourceUri : null;
    return {
      uri: concept.uri,
      type: concept.type,
      code: concept.code,
      iscoCode: concept.iscoCode,
      skillType: concept.skillType,
      reuseLevel: concept.reuseLevel,
      status: concept.status,
      source: concept.source,
      obsolete: concept.obsolete,
      collections: concept.collections,
      label: shown?.preferred ?? uri,
      labelLang: shown ? shownLang : '',
      altLabels: shown?.alt ?? [],
      description: chain.map((l) => labelsIn(l)?.description).find((d) => d) ?? null,
      labels: Object.fromEntries(
        concept.labels.filter((l) => l.preferred).map((l) => [l.lang, l.preferred as string]),
      ),
      broader: list(out('broader')),
      narrower: list(inc('broader')),
      essentialSkills: list(out('occupation_skill', 'essential')),
      optionalSkills: list(out('occupation_skill', 'optional')),
      essentialFor: list(inc('occupation_skill', 'essential')),
      optionalFor: list(inc('occupation_skill', 'optional')),
      relatedSkills: list((r) =>
        r.kind === 'skill_skill' ? (r.sourceUri === uri ? r.targetUri : r.sourceUri) : null,
      ),
      attribution: concept.source === 'esco' ? escoAttribution : null,
    };
  }
}
