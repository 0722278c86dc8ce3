import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escoAttribution } from '@passerelle/core';
import { createTaxonomyStore } from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { importEsco } from '@passerelle/taxonomy';
import { escoFixturesDir } from '@passerelle/taxonomy/testing';
import { createTestApp } from '../../testing';

// The taxonomy package's own ESCO-layout fixtures (written by the team, not ESCO data).
const fixtures = join(escoFixturesDir(), 'v1.1.0');
const taxi = 'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002';

describe.each(testDatabaseKinds())('taxonomy API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await importEsco(createTaxonomyStore(t.database), [fixtures]);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  test('searches labels in the requested language, with the ESCO attribution', async () => {
    const res = await get('/api/taxonomy/search?q=chauffeur%20taxi&lang=fr');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.attribution).toBe(escoAttribution);
    expect(body.items[0]).toMatchObject({
      uri: taxi,
      type: 'occupation',
      iscoCode: '8322',
      label: 'chauffeur de taxi/chauffeuse de taxi',
      labelLang: 'fr',
    });
    const en = await get('/api/taxonomy/search?q=taxi%20drivr', { 'accept-language': 'en-GB,en;q=0.8' });
    expect(en.json().items[0]).toMatchObject({ uri: taxi, label: 'taxi driver' });
  });

  test('filters by type and limits the results', async () => {
    const res = await get('/api/taxonomy/search?q=dri&type=skill,skill_group&limit=2');
    const items = res.json().items as { type: string }[];
    expect(items.length).toBe(2);
    expect(items.every((i) => i.type === 'skill' || i.type === 'skill_group')).toBe(true);
  });

  test('rejects a bad query with validation_failed', async () => {
    expect((await get('/api/taxonomy/search?q=taxi&type=person')).json()).toMatchObject({
      code: 'validation_failed',
    });
    expect((await get('/api/taxonomy/search')).statusCode).toBe(400);
    expect((await get('/api/taxonomy/search?q=taxi&limit=500')).statusCode).toBe(400);
  });

  test('shows a concept by its encoded or plain URI, with its skills and ISCO group', async () => {
    const res = await get(`/api/taxonomy/concepts/${encodeURIComponent(taxi)}?lang=fr`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      uri: taxi,
      label: 'chauffeur de taxi/chauffeuse de taxi',
      attribution: escoAttribution,
    });
    expect(view.essentialSkills.total).toBe(2);
    expect(view.broader.items[0].uri).toBe('http://data.europa.eu/esco/isco/C8322');
    const plain = await get(`/api/taxonomy/concepts/${taxi}`);
    expect(plain.json().label).toBe('taxi driver');
  });

  test('an unknown concept is not_found', async () => {
    const res = await get(
      `/api/taxonomy/concepts/${encodeURIComponent('http://data.europa.eu/esco/occupation/none')}`,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', details: { entity: 'concept' } });
  });

  test('serves the reference scales in the requested interface language', async () => {
    const list = (await get('/api/taxonomy/scales?lang=fr')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain('digcomp');
    const cefr = (await get('/api/taxonomy/scales/cefr', { 'accept-language': 'ar' })).json();
    expect(cefr.parts.skills[0]).toEqual({ code: 'listening', label: 'الاستماع', group: 'understanding' });
    expect((await get('/api/taxonomy/scales/planets')).statusCode).toBe(400);
  });

  test('stats count concepts and relations', async () => {
    const res = await get('/api/taxonomy/stats');
    expect(res.json()).toMatchObject({
      occupations: 3,
      skills: 5,
      iscoGroups: 8,
      relations: 6,
      languages: ['en', 'fr'],
      escoVersion: '1.1.0',
    });
  });
});

describe('taxonomy API without ESCO', () => {
  test('serves the starter catalogue, and asks anonymous callers to sign in', async () => {
    const [pglite] = testDatabaseKinds();
    const t = await createTestApp(pglite!);
    const anonymous = await createTestApp(pglite!, { actor: null });
    try {
      const stats = (await t.app.inject({ method: 'GET', url: '/api/taxonomy/stats' })).json();
      expect(stats.escoVersion).toBeNull();
      expect(stats.catalogueVersion).not.toBeNull();
      expect(stats.occupations).toBeGreaterThan(0);
      const res = await anonymous.app.inject({ method: 'GET', url: '/api/taxonomy/search?q=taxi' });
      expect(res.statusCode).toBe(401);
    } finally {
      await t.close();
      await anonymous.close();
    }
  });
});
