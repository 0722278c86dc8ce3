import { useEffect, useState } from 'react';
import { get, query } from './client';
import { endpoints } from './endpoints';
import { isConceptUri } from './resources';

// Explanations name skills by URI; labels are looked up once per language and visit.
const cache = new Map<string, string>();
const pending = new Map<string, Promise<void>>();
/** Lookups that failed (their cached label is the URI's last segment). */
const failed = new Set<string>();

async function fetchLabel(uri: string, lang: string): Promise<void> {
  const key = `${lang} ${uri}`;
  if (cache.has(key)) return;
  let p = pending.get(key);
  if (!p) {
    p = get<{ label?: string }>(`${endpoints.taxonomyConcept(uri)}${query({ lang, limit: 1 })}`)
      .then((c) => {
        cache.set(key, c.label ?? uri);
      })
      .catch(() => {
        failed.add(key);
        cache.set(key, uri.split('/').pop() ?? uri);
      });
    pending.set(key, p);
  }
  await p;
}

/** Labels of taxonomy concepts in the reader's language; `label(uri)` is null until it has loaded. */
export function useConceptLabels(uris: string[], lang: string): (uri: string) => string | null {
  const [, setTick] = useState(0);
  const key = uris.join(' ');
  useEffect(() => {
    let live = true;
    const missing = uris.filter((u) => isConceptUri(u) && !cache.has(`${lang} ${u}`));
    if (missing.length === 0) return;
    void Promise.all(missing.map((u) => fetchLabel(u, lang))).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
    // `key` stands for `uris`.
  }, [key, lang]);
  return (uri: string) => cache.get(`${lang} ${uri}`) ?? null;
}

/**
 * Like `useConceptLabels`, but null for a concept whose lookup failed, so that the caller keeps
 * the label it already has (a record's stored label) rather than the URI's last segment.
 */
export function useFoundConceptLabels(uris: string[], lang: string): (uri: string) => string | null {
  const label = useConceptLabels(uris, lang);
  return (uri: string) => (failed.has(`${lang} ${uri}`) ? null : label(uri));
}
