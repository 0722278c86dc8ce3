import { expect, test } from 'vitest';
import { LatentSpace } from './latent-space';

/** Two topics: documents 0–2 about plastering, 3–5 about driving; "chapist" occurs only in document 0. */
const docs = [
  ['chapist', 'screed', 'floor', 'plaster'],
  ['plasterer', 'plaster', 'wall', 'screed', 'floor'],
  ['tiler', 'floor', 'wall', 'plaster'],
  ['driver', 'lorry', 'road', 'load'],
  ['courier', 'van', 'road', 'parcel', 'load'],
  ['chauffeur', 'car', 'road', 'passenger'],
];

function cosines(space: LatentSpace, terms: string[]): number[] {
  const vector = space.embed(terms);
  if (!vector) return [];
  const out = new Float32Array(docs.length);
  space.cosines(vector, Int32Array.from(docs.keys()), out);
  return [...out];
}

test('a word reaches documents that do not contain it but share its context', () => {
  const space = new LatentSpace(docs, { dims: 2, minDocumentFrequency: 1 });
  const [, plasterer = 0, tiler = 0, ...driving] = cosines(space, ['chapist']);
  // The plasterer shares no word with the query, yet lies close to it; the driving jobs do not.
  expect(plasterer).toBeGreaterThan(0.8);
  expect(tiler).toBeGreaterThan(0.8);
  for (const d of driving) expect(d).toBeLessThan(0.2);
});

test('the space is the same at every build and unknown words embed to nothing', () => {
  const a = new LatentSpace(docs, { dims: 2, minDocumentFrequency: 1 });
  const b = new LatentSpace(docs, { dims: 2, minDocumentFrequency: 1 });
  expect([...a.docVectors]).toEqual([...b.docVectors]);
  expect(a.embed(['unknown'])).toBeUndefined();
  expect(a.dims).toBe(2);
});
