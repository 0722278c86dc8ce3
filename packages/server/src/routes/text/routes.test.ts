import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';

const [pglite] = testDatabaseKinds();

describe('text suggestions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(pglite!);
  });
  afterAll(async () => t.close());

  const suggest = (payload: object) => t.app.inject({ method: 'POST', url: '/api/text/suggest', payload });

  test('a job title in French suggests an occupation of the starter catalogue', async () => {
    const res = await suggest({ text: 'coiffeuse', lang: 'fr' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.occupations.length).toBeGreaterThan(0);
    expect(body.occupations[0].label.toLowerCase()).toMatch(/coiff/);
    expect(body.attribution).toContain('ESCO');
  });

  test('a free-text line gives skills with their span in the text', async () => {
    const text = 'I repaired cars and drove a truck for 3 years';
    const res = await suggest({ text, lang: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    for (const s of res.json().skills) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test('empty text is 400', async () => {
    expect((await suggest({ text: '' })).statusCode).toBe(400);
    expect((await suggest({ text: 'x', lang: 'not a language' })).statusCode).toBe(400);
  });
});
