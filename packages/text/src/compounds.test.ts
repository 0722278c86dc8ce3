import { expect, test } from 'vitest';
import { analyzeText } from './analyze';
import { CompoundSplitter } from './compounds';
import { createKnowledge } from './esco-files';
import { createOccupationLinker } from './occupation-linker';

const splitterOf = (lang: string, texts: string[]) => {
  const splitter = new CompoundSplitter(lang);
  for (const t of texts) splitter.addWords(analyzeText(t, lang).words);
  return splitter;
};

test('a Dutch compound splits into words known on their own, through a linking element', () => {
  const nl = splitterOf('nl', ['chauffeur', 'vrachtwagen', 'verzorger van paarden', 'knecht']);
  expect(nl.split('vrachtwagenchauffeur')).toEqual(['vrachtwagen', 'chauffeur']);
  expect(nl.split('paardenverzorger')).toEqual(['paarden', 'verzorger']);
  expect(nl.split('chauffeur')).toEqual([]);
  expect(nl.split('boekhouder')).toEqual([]);
});

test('a German compound of three words splits into all three', () => {
  const de = splitterOf('de', ['Wasser', 'Abwasser', 'Entsorgung', 'Fachmann']);
  // "entsorgungs" keeps its linking s: its stem is the one of "Entsorgung".
  expect(de.split('abwasserentsorgungsfachmann')).toEqual(['abwasser', 'entsorgungs', 'fachmann']);
  expect(de.split('werkzeugmacher')).toEqual([]);
});

test('a Dutch compound title reaches the label that spells its parts apart', () => {
  const k = createKnowledge();
  const occ = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;
  k.labels.push({ uri: occ('tyre'), lang: 'nl', text: 'reparateur van banden', kind: 'preferred' });
  k.labels.push({ uri: occ('shoe'), lang: 'nl', text: 'reparateur van schoenen', kind: 'preferred' });
  k.labels.push({ uri: occ('pc'), lang: 'nl', text: 'reparateur van computers', kind: 'preferred' });
  const linker = createOccupationLinker(k);
  expect(linker.link('bandenreparateur', { lang: 'nl' })[0]?.uri).toBe(occ('tyre'));
  expect(linker.link('computerreparateur', { lang: 'nl' })[0]?.uri).toBe(occ('pc'));
});
