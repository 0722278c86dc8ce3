import { expect, test } from 'vitest';
import { evaluateOccupationLinking } from './eval-occupation-linking';
import { evaluateSkillExtraction } from './eval-skill-extraction';
import { evaluateTitleNormalization } from './eval-title-normalization';
import { textFixture } from './testing/text-fixtures';

const fixture = textFixture;

test('link-occupations evaluation ranks corpus elements through concepts and reports the metrics', () => {
  const report = evaluateOccupationLinking(fixture('melo-tiny_q_en_c_en'));
  expect(report.dataset).toBe('melo-tiny_q_en_c_en');
  expect(report.queries).toBe(3);
  expect(report.uses_taxonomy).toBe(false);
  // Q1 and Q2 are found first; Q3's gold (baker) is ranked low on purpose.
  expect(report.acc_at_1).toBeCloseTo(2 / 3, 4);
  expect(report.mrr).toBeLessThan(1);
  expect(report.mrr).toBeGreaterThan(2 / 3);
  expect(report.recall_at_5).toBe(1);
  expect(report.recall_at_10).toBe(1);
});

test('link-occupations evaluation says when taxonomy knowledge was used', () => {
  const report = evaluateOccupationLinking(fixture('melo-tiny_q_en_c_en'), { escoDir: fixture('esco') });
  expect(report.uses_taxonomy).toBe(true);
  expect(report.queries).toBe(3);
});

test('normalize-titles evaluation skips pairs whose label is not an occupation', () => {
  const report = evaluateTitleNormalization(fixture('pairs_tiny.csv'), fixture('esco/occupations_en.csv'));
  expect(report.pairs).toBe(4);
  expect(report.acc_at_1).toBeGreaterThanOrEqual(0.5);
  expect(report.recall_at_5).toBe(1);
  expect(Object.keys(report)).toEqual(['pairs', 'mrr', 'acc_at_1', 'recall_at_5']);
});

test('extract-skills evaluation counts only sentences with a present label', () => {
  const report = evaluateSkillExtraction(fixture('skills/annotations.csv'), fixture('skills/labels.txt'));
  expect(report.sentences).toBe(3);
  expect(report.rp_at_5).toBe(1);
  expect(report.mrr).toBe(1);
});
