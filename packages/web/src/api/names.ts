import { useEffect, useState } from 'react';
import { get } from './client';
import { endpoints } from './endpoints';
import { labelOf, personName, toCaseClosure, type Referral } from './resources';

// Referrals carry ids only; names and titles are looked up once per visit and shared by every screen.
const cache = new Map<string, string>();
const pending = new Map<string, Promise<void>>();
/** The day a person's case was closed, by person id (null: open), read with the person's name. */
const closedOn = new Map<string, string | null>();

/** Forgets what was looked up about a record (after changing it, e.g. closing or reopening a case). */
export function forgetRecord(kind: string, id: string): void {
  cache.delete(`${kind}:${id}`);
  pending.delete(`${kind}:${id}`);
  if (kind === 'person') closedOn.delete(id);
}

function pathOf(kind: string, id: string): string | null {
  if (kind === 'person') return endpoints.person(id);
  if (kind === 'vacancy') return endpoints.vacancy(id);
  if (kind === 'training') return `${endpoints.trainings}/${encodeURIComponent(id)}`;
  if (kind === 'organisation') return `${endpoints.organisations}/${encodeURIComponent(id)}`;
  return null;
}

async function fetchName(kind: string, id: string): Promise<void> {
  const key = `${kind}:${id}`;
  if (cache.has(key)) return;
  let p = pending.get(key);
  if (!p) {
    const path = pathOf(kind, id);
    p = (path ? get<Record<string, unknown>>(path) : Promise.reject(new Error('no path')))
      .then((r) => {
        cache.set(key, kind === 'person' ? personName(r) : labelOf(r.title ?? r.name ?? ''));
        if (kind === 'person') closedOn.set(id, toCaseClosure(r).closure?.on ?? null);
      })
      .catch(() => {
        cache.set(key, '');
      });
    pending.set(key, p);
  }
  await p;
}

/**
 * Fills in the person's name, the target's title and the organisation of each referral, and the
 * day the person's case was closed (`personCaseClosedOn`, read with the name; null while open or unknown).
 */
export function useReferralNames(
  referrals: Referral[],
): (Referral & { personCaseClosedOn: string | null })[] {
  const [, setTick] = useState(0);
  const wanted = referrals.flatMap((r) => [
    ...(r.personName ? [] : [['person', r.personId] as const]),
    ...(r.targetTitle ? [] : [[r.targetKind, r.targetId] as const]),
    ...(r.organisation || !r.organisationId ? [] : [['organisation', r.organisationId] as const]),
  ]);
  const key = wanted.map(([k, id]) => `${k}:${id}`).join(',');
  useEffect(() => {
    let live = true;
    const missing = wanted.filter(([k, id]) => id && !cache.has(`${k}:${id}`));
    if (missing.length === 0) return;
    void Promise.all(missing.map(([k, id]) => fetchName(k, id))).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
    // `key` stands for `wanted`.
  }, [key]);
  return referrals.map((r) => ({
    ...r,
    personName: r.personName || cache.get(`person:${r.personId}`) || '',
    personCaseClosedOn: closedOn.get(r.personId) ?? null,
    targetTitle: r.targetTitle || cache.get(`${r.targetKind}:${r.targetId}`) || '',
    organisation:
      r.organisation || (r.organisationId ? cache.get(`organisation:${r.organisationId}`) || null : null),
  }));
}

/** Names or titles of records by kind and id (`person`, `vacancy`, `training`, `organisation`); null until loaded. */
export function useRecordNames(
  keys: (readonly [string, string])[],
): (kind: string, id: string) => string | null {
  const [, setTick] = useState(0);
  const key = keys.map(([k, id]) => `${k}:${id}`).join(',');
  useEffect(() => {
    let live = true;
    const missing = keys.filter(([k, id]) => id && !cache.has(`${k}:${id}`));
    if (missing.length === 0) return;
    void Promise.all(missing.map(([k, id]) => fetchName(k, id))).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
    // `key` stands for `keys`.
  }, [key]);
  return (kind: string, id: string) => cache.get(`${kind}:${id}`) || null;
}
