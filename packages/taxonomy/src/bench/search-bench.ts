import type { SearchableConcept } from '@passerelle/core';
import type { ConceptIndex } from '../search/concept-index';

/** A small deterministic random generator (mulberry32), so benchmark queries are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchQuery {
  q: string;
  lang: string;
}

/**
 * Type-ahead queries as people type them: the start of a real label (preferred or alternative, in
 * the given languages) cut after 2 to 30 characters, one in four with a typo in a long word.
 */
export function makeTypeaheadQueries(
  concepts: SearchableConcept[],
  langs: string[],
  count: number,
  seed = 42,
): BenchQuery[] {
  const random = seededRandom(seed);
  const pool = concepts.filter(
    (c) => !c.obsolete && c.labels.some((l) => langs.includes(l.lang) && l.preferred),
  );
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: BenchQuery[] = [];
  while (out.length < count && pool.length > 0) {
    const c = pool[Math.floor(random() * pool.length)] as SearchableConcept;
    const labels = c.labels.filter((l) => langs.includes(l.lang) && l.preferred);
    const l = labels[Math.floor(random() * labels.length)];
    if (!l) continue;
    const text =
      random() < 0.7 || l.alt.length === 0
        ? (l.preferred as string)
        : (l.alt[Math.floor(random() * l.alt.length)] as string);
    const cut = Math.min(text.length, 2 + Math.floor(random() * 29));
    let q = text.slice(0, cut);
    if (random() < 0.25) {
      const words = q.split(' ');
      const i = words.findIndex((w) => w.length >= 5);
      const w = words[i];
      if (w !== undefined) {
        const at = 1 + Math.floor(random() * (w.length - 2));
        words[i] = w.slice(0, at) + letters[Math.floor(random() * letters.length)] + w.slice(at + 1);
        q = words.join(' ');
      }
    }
    out.push({ q, lang: l.lang });
  }
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Times each query once after a warm-up pass; returns milliseconds percentiles. */
export function benchmarkSearch(
  index: ConceptIndex,
  queries: BenchQuery[],
  options: { limit?: number; warmup?: number } = {},
): { queries: number; p50_ms: number; p90_ms: number; p99_ms: number; max_ms: number; mean_ms: number } {
  const warm = queries.slice(0, options.warmup ?? Math.min(500, queries.length));
  for (const q of warm) index.search(q.q, { lang: q.lang, limit: options.limit ?? 10 });
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    index.search(q.q, { lang: q.lang, limit: options.limit ?? 10 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    queries: times.length,
    p50_ms: round(percentile(times, 50)),
    p90_ms: round(percentile(times, 90)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times.at(-1) ?? 0),
    mean_ms: round(times.reduce((s, v) => s + v, 0) / Math.max(1, times.length)),
  };
}
