import { expect, test } from 'vitest';
import { createKnowledge, factsOf, type ConceptKnowledge, type LabelKind } from './esco-files';
import { createOccupationLinker } from './occupation-linker';

const occ = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;
const isco = (code: string) => `http://data.europa.eu/esco/isco/C${code}`;

/** A hand-written taxonomy: four occupations, two ISCO groups, labels in four languages. */
function tinyTaxonomy(): ConceptKnowledge {
  const k = createKnowledge();
  const label = (uri: string, lang: string, text: string, kind: LabelKind = 'alternative') =>
    k.labels.push({ uri, lang, text, kind });
  label(occ('nurse'), 'en', 'nurse responsible for general care', 'preferred');
  label(occ('nurse'), 'en', 'registered nurse');
  label(occ('nurse'), 'fr', 'infirmier de soins généraux/infirmière de soins généraux', 'preferred');
  label(occ('nurse'), 'nl', 'verpleegkundige', 'preferred');
  label(occ('nurse'), 'ar', 'ممرض', 'preferred');
  label(occ('driver'), 'en', 'lorry driver', 'preferred');
  label(occ('driver'), 'fr', 'conducteur de poids lourd/conductrice de poids lourd', 'preferred');
  label(occ('driver'), 'nl', 'vrachtwagenchauffeur', 'preferred');
  label(occ('driver'), 'ar', 'سائق شاحنة', 'preferred');
  label(occ('mechanic'), 'en', 'motor vehicle mechanic', 'preferred');
  label(occ('mechanic'), 'en', 'car mechanic');
  label(occ('mechanic'), 'fr', 'mécanicien automobile/mécanicienne automobile', 'preferred');
  label(occ('mechanic'), 'ar', 'ميكانيكي سيارات', 'preferred');
  label(occ('tyre'), 'en', 'tyre fitter', 'preferred');
  label(isco('2221'), 'en', 'Nursing professionals', 'preferred');
  label(isco('7231'), 'en', 'Motor vehicle mechanics and repairers', 'preferred');
  factsOf(k, occ('nurse')).broader.push(isco('2221'));
  factsOf(k, occ('nurse')).iscoCode = '2221';
  factsOf(k, occ('mechanic')).broader.push(isco('7231'));
  factsOf(k, occ('mechanic')).iscoCode = '7231';
  factsOf(k, occ('mechanic')).descriptions.set(
    'en',
    'Motor vehicle mechanics repair cars, vans and lorries.',
  );
  factsOf(k, occ('tyre')).broader.push(isco('7231'));
  return k;
}

test('a French feminine title with a gender marker finds the nurse, with its ISCO group', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  const [first] = linker.link('Infirmière (h/f/x)', { lang: 'fr' });
  expect(first?.uri).toBe(occ('nurse'));
  expect(first?.iscoCode).toBe('2221');
  expect(first?.kind).toBe('occupation');
});

test('English, Dutch and Arabic titles reach the same concepts', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  expect(linker.link('Registered Nurses', { lang: 'en' })[0]?.uri).toBe(occ('nurse'));
  expect(linker.link('Verpleegkundigen', { lang: 'nl' })[0]?.uri).toBe(occ('nurse'));
  expect(linker.link('سائق شاحنات', { lang: 'ar' })[0]?.uri).toBe(occ('driver'));
  expect(linker.link('mécanicienne automobile', { lang: 'fr' })[0]?.uri).toBe(occ('mechanic'));
});

test('a title naming one person ranks the occupation above the ISCO group, a plural title may rank the group', () => {
  const k = createKnowledge();
  k.labels.push(
    { uri: occ('tyre'), lang: 'en', text: 'tyre fitter', kind: 'preferred' },
    { uri: occ('mechanic'), lang: 'en', text: 'vehicle mechanic', kind: 'preferred' },
    { uri: isco('7231'), lang: 'en', text: 'Motor vehicle mechanics', kind: 'preferred' },
  );
  const linker = createOccupationLinker(k);
  expect(linker.link('Motor vehicle mechanic', { lang: 'en' })[0]?.uri).toBe(occ('mechanic'));
  expect(linker.link('Motor Vehicle Mechanics', { lang: 'en' })[0]?.uri).toBe(isco('7231'));
  // Without any group prior the group's fuller label wins for the singular title too.
  const flat = createOccupationLinker(k, { weights: { singularGroupPrior: 1 } });
  expect(flat.link('Motor vehicle mechanic', { lang: 'en' })[0]?.uri).toBe(isco('7231'));
});

test('with a management prior, a title that names no rank prefers the occupation that names none', () => {
  const k = createKnowledge();
  k.labels.push(
    { uri: occ('mm'), lang: 'en', text: 'marketing manager', kind: 'preferred' },
    { uri: occ('ma'), lang: 'en', text: 'marketing assistant', kind: 'preferred' },
    { uri: occ('dc'), lang: 'fr', text: 'directrice commerciale', kind: 'preferred' },
    { uri: occ('vc'), lang: 'fr', text: 'vendeur commercial', kind: 'preferred' },
  );
  const plain = createOccupationLinker(k);
  const ranked = createOccupationLinker(k, { weights: { managementPrior: 0.8 } });
  expect(plain.link('Marketing officer', { lang: 'en' })[0]?.uri).toBe(occ('mm'));
  expect(ranked.link('Marketing officer', { lang: 'en' })[0]?.uri).toBe(occ('ma'));
  expect(ranked.link('Marketing Mgr', { lang: 'en' })[0]?.uri).toBe(occ('mm'));
  expect(ranked.link('Commerciale (h/f)', { lang: 'fr' })[0]?.uri).toBe(occ('vc'));
  expect(ranked.link('Directeur commercial', { lang: 'fr' })[0]?.uri).toBe(occ('dc'));
});

test("the label classifier adds a learnt score for the concept whose labels the title's telling words point to", () => {
  const k = createKnowledge();
  const add = (id: string, preferred: string, ...alternatives: string[]) => {
    k.labels.push({ uri: occ(id), lang: 'en', text: preferred, kind: 'preferred' });
    for (const text of alternatives) k.labels.push({ uri: occ(id), lang: 'en', text, kind: 'alternative' });
  };
  add('hro', 'human resources officer', 'personnel officer', 'recruitment officer', 'staffing officer');
  add('hra', 'human resources assistant', 'personnel assistant');
  add('dc', 'data entry clerk', 'data entry officer', 'data entry executive');
  const plain = createOccupationLinker(k);
  const learnt = createOccupationLinker(k, { weights: { classifier: 0.3 } });
  expect(plain.computeSignals('Staffing executive', 'en').classifier.ids.length).toBe(0);
  const { ids, values } = learnt.computeSignals('Staffing executive', 'en').classifier;
  const best = [...ids.keys()].sort((a, b) => (values[b] as number) - (values[a] as number))[0] as number;
  expect(learnt.conceptUris[ids[best] as number]).toBe(occ('hro'));
  const margin = (linker: typeof plain) => {
    const [first, second] = linker.link('Staffing executive', { lang: 'en' });
    return { top: first?.uri, gap: (first?.score ?? 0) - (second?.score ?? 0) };
  };
  expect(margin(plain).top).toBe(occ('hro'));
  expect(margin(learnt).top).toBe(occ('hro'));
  expect(margin(learnt).gap).toBeGreaterThan(margin(plain).gap);
});

test('the language is guessed when not given', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  expect(linker.link('conductrice de poids lourd')[0]?.uri).toBe(occ('driver'));
  expect(linker.link('ممرضة')[0]?.uri).toBe(occ('nurse'));
});

test('a misspelt title still matches through character n-grams', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  expect(linker.link('lory drivr', { lang: 'en' })[0]?.uri).toBe(occ('driver'));
});

test('candidates restrict what is ranked, and the limit is honoured', () => {
  const linker = createOccupationLinker(tinyTaxonomy(), { candidates: [occ('tyre'), occ('mechanic')] });
  const results = linker.link('car mechanic', { lang: 'en', limit: 1 });
  expect(results).toHaveLength(1);
  expect(results[0]?.uri).toBe(occ('mechanic'));
  expect(linker.link('nurse', { lang: 'en' }).every((r) => r.uri !== occ('nurse'))).toBe(true);
});

test('an ISCO group is returned only when no occupation fits better', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  const results = linker.link('nursing professionals', { lang: 'en' });
  expect(results[0]?.uri).toBe(isco('2221'));
  expect(results[0]?.kind).toBe('isco-group');
  expect(linker.link('registered nurse', { lang: 'en' })[0]?.uri).toBe(occ('nurse'));
});

test('a text that matches nothing returns nothing', () => {
  const linker = createOccupationLinker(tinyTaxonomy());
  expect(linker.link('zzzz qqqq', { lang: 'en' })).toEqual([]);
});

test('an occupation whose preferred label extends another one is treated as a specialisation', () => {
  const k = createKnowledge();
  k.labels.push({ uri: occ('site'), lang: 'en', text: 'site supervisor', kind: 'preferred' });
  k.labels.push({ uri: occ('aqua'), lang: 'en', text: 'aquaculture site supervisor', kind: 'preferred' });
  const score = (prior: number) =>
    createOccupationLinker(k, { weights: { labelSpecialisationPrior: prior } })
      .link('supervisor of an aquaculture site', { lang: 'en' })
      .map((m) => [m.uri, m.score] as const);
  const plain = new Map(score(1));
  const halved = new Map(score(0.5));
  expect(halved.get(occ('aqua'))).toBeCloseTo((plain.get(occ('aqua')) ?? 0) * 0.5, 3);
  expect(halved.get(occ('site'))).toBe(plain.get(occ('site')));
});

test('an entry-level title reaches the assistant occupation', () => {
  const k = createKnowledge();
  k.labels.push({ uri: occ('ma'), lang: 'en', text: 'marketing assistant', kind: 'preferred' });
  k.labels.push({ uri: occ('mm'), lang: 'en', text: 'marketing manager', kind: 'preferred' });
  const linker = createOccupationLinker(k);
  expect(linker.link('Marketing Intern', { lang: 'en' })[0]?.uri).toBe(occ('ma'));
  expect(linker.link('Senior Marketing Manager', { lang: 'en' })[0]?.uri).toBe(occ('mm'));
});

/** French and English labels where "camion" and "truck" name the same thing in two concepts. */
function bilingualTrucks(): ConceptKnowledge {
  const k = createKnowledge();
  const label = (id: string, lang: string, text: string) =>
    k.labels.push({ uri: occ(id), lang, text, kind: 'preferred' });
  label('removals', 'fr', 'chauffeur de camion de déménagement');
  label('removals', 'en', 'removal truck driver');
  label('truck-sales', 'fr', 'vendeur de camions');
  label('truck-sales', 'en', 'truck salesperson');
  label('heavy', 'fr', 'conducteur de poids lourd');
  label('heavy', 'en', 'heavy truck driver');
  label('bus', 'fr', 'conducteur de bus');
  label('bus', 'en', 'bus driver');
  return k;
}

test('a French word reaches a concept through its English labels, by the words that share concepts', () => {
  const k = bilingualTrucks();
  const withTranslation = createOccupationLinker(k);
  const without = createOccupationLinker(k, { weights: { translated: 0 } });
  const heavy = withTranslation.conceptNumber(occ('heavy')) as number;
  const bus = withTranslation.conceptNumber(occ('bus')) as number;
  const signals = withTranslation.computeSignals('conducteur de camion', 'fr');
  // "camion" translates to "truck" (and "conducteur" to "driver"): the English label of the heavy
  // goods driver holds both, the bus driver's only one.
  const translated = (c: number): number =>
    signals.translated.values[[...signals.translated.ids].indexOf(c)] ?? 0;
  expect(translated(heavy)).toBeGreaterThan(translated(bus));
  const a = withTranslation.scoreConcepts('conducteur de camion', 'fr').scores;
  const gainHeavy =
    (a[heavy] as number) - (without.scoreConcepts('conducteur de camion', 'fr').scores[heavy] as number);
  expect(gainHeavy).toBeGreaterThan(0);
});

test('nothing is translated when the index holds a single language', () => {
  const k = bilingualTrucks();
  const english = createOccupationLinker(k, { languages: ['en'] });
  expect(english.computeSignals('truck driver', 'en').translated.ids.length).toBe(0);
});
