import type { Database } from '@passerelle/db';
import { createTaxonomyStore } from '@passerelle/db';
import { createOccupationLinker, knowledgeFromConcepts } from '@passerelle/text';

/** Codes a free-text occupation: the ESCO URI, ISCO-08 code and label of the best match, or null. */
export type OccupationCoder = (
  label: string,
) => { uri: string; iscoCode: string | null; label: string; score: number } | null;

export interface OccupationCoderOptions {
  /** Matches scoring below this are not used (the linker's exact label matches score about 1.2). */
  minScore?: number;
}

/**
 * Builds an occupation coder from the taxonomy in the database (ESCO, or the starter catalogue):
 * imports use it to fill `occupation_uri` and `occupation_isco` from `occupation_label` when a row
 * gives the text only. Returns null when the database holds no occupations.
 */
export async function createOccupationCoder(
  database: Database,
  options: OccupationCoderOptions = {},
): Promise<OccupationCoder | null> {
  const store = createTaxonomyStore(database);
  const concepts = await store.loadSearchableConcepts();
  if (!concepts.some((c) => c.type === 'occupation')) return null;
  const knowledge = knowledgeFromConcepts(concepts, await store.loadRelations(['broader']), ['occupation']);
  const linker = createOccupationLinker(knowledge);
  const minScore = options.minScore ?? 0.8;
  const cache = new Map<string, ReturnType<OccupationCoder>>();
  return (label) => {
    const key = label.trim().toLowerCase();
    if (cache.has(key)) return cache.get(key)!;
    const [best] = linker.link(label, { limit: 1 });
    const coded =
      best && best.kind === 'occupation' && best.score >= minScore
        ? { uri: best.uri, iscoCode: best.iscoCode ?? null, label: best.label, score: best.score }
        : null;
    cache.set(key, coded);
    return coded;
  };
}
