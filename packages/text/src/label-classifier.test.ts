import { expect, test } from 'vitest';
import { LabelClassifier, type ClassifierExample } from './label-classifier';

/** Three occupations whose labels share "officer" and "assistant"; only some words tell them apart. */
const labels: [number, string][] = [
  [0, 'human resources officer'],
  [0, 'personnel officer'],
  [0, 'hr officer'],
  [1, 'human resources assistant'],
  [1, 'personnel assistant'],
  [2, 'marketing assistant'],
  [2, 'marketing officer'],
  [2, 'assistant marketer'],
];
const examples: ClassifierExample[] = labels.map(([classId, text]) => {
  const words = text.split(' ');
  return { classId, stems: words, words };
});

function ranking(clf: LabelClassifier, text: string): number[] {
  const words = text.split(' ');
  const { ids, values } = clf.predict(words, words);
  return [...ids.keys()]
    .sort((a, b) => (values[b] as number) - (values[a] as number))
    .map((i) => ids[i] as number);
}

test('words that tell classes apart outweigh words they share', () => {
  const clf = new LabelClassifier(3, examples);
  // "officer" is shared by classes 0 and 2, "personnel" points to 0 and 1: together, class 0.
  expect(ranking(clf, 'personnel officer')[0]).toBe(0);
  // "marketing" decides against the shared "assistant".
  expect(ranking(clf, 'marketing assistant')[0]).toBe(2);
  expect(ranking(clf, 'human resources assistant')[0]).toBe(1);
  expect(ranking(clf, 'hr')[0]).toBe(0);
});

test('probabilities are those of a softmax over every class, unreached classes included', () => {
  const clf = new LabelClassifier(3, examples);
  const { ids, values } = clf.predict(['marketing'], ['marketing']);
  // Only class 2 holds "marketing"; the two others keep logit 0 and share the rest of the mass.
  expect([...ids]).toEqual([2]);
  expect(values[0]).toBeGreaterThan(0.5);
  expect(values[0]).toBeLessThan(1);
  expect(clf.predict(['unknown'], ['unknown']).ids.length).toBe(0);
});

test('training is seeded: two builds give the same probabilities', () => {
  const a = new LabelClassifier(3, examples, { noiseWord: 0.5, dropWord: 0.3, charGrams: [3] });
  const b = new LabelClassifier(3, examples, { noiseWord: 0.5, dropWord: 0.3, charGrams: [3] });
  expect([...a.predict(['hr', 'assistant'], ['hr', 'assistant']).values]).toEqual([
    ...b.predict(['hr', 'assistant'], ['hr', 'assistant']).values,
  ]);
  expect(a.weightCount).toBeGreaterThan(0);
});

test('character n-grams let a misspelt word reach the class of the word it resembles', () => {
  const clf = new LabelClassifier(3, examples, { charGrams: [3], charWeight: 0.5 });
  expect(ranking(clf, 'marketting')[0]).toBe(2);
});
