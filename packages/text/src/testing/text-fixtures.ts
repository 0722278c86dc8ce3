import { join } from 'node:path';
import { writeFixtureTree } from '@passerelle/taxonomy/testing';

/**
 * Tiny evaluation fixtures for the text tests, written by the team in the layouts of the
 * development sets (a MELO-style occupation-linking folder, title pairs, skill annotations) and of
 * an ESCO occupations file, with a few invented concepts. The real sets are read from
 * `../shared/data` by the evaluation commands. Written to a temporary folder when a test asks,
 * because the evaluation commands read files and folders by their layout names.
 */
const files: Record<string, readonly string[]> = {
  'esco/occupations_en.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description',
    'Occupation,http://data.europa.eu/esco/occupation/nurse,2221,nurse responsible for general care,"registered nurse',
    'general nurse",,released,,,,,,"Nurses care for the sick."',
    'Occupation,http://data.europa.eu/esco/occupation/lorry,8332,lorry driver,"truck driver',
    'HGV driver",,released,,,,,,"Lorry drivers drive heavy goods vehicles."',
    'Occupation,http://data.europa.eu/esco/occupation/welder,7212,welder,"metal welder",,released,,,,,,"Welders join metal parts."',
    'Occupation,http://data.europa.eu/esco/occupation/baker,7512,baker,"bread baker",,released,,,,,,"Bakers make bread."',
  ],
  'melo-tiny_q_en_c_en/annotations.tsv': [
    'Q1\t0\tC1_en_000\t1',
    'Q1\t0\tC1_en_001\t1',
    'Q2\t0\tC2_en_000\t1',
    'Q2\t0\tC2_en_001\t1',
    'Q3\t0\tC5_en_000\t1',
  ],
  'melo-tiny_q_en_c_en/concept_mapping.tsv': [
    'C1_en_000\thttp://data.europa.eu/esco/occupation/nurse',
    'C1_en_001\thttp://data.europa.eu/esco/occupation/nurse',
    'C2_en_000\thttp://data.europa.eu/esco/occupation/lorry',
    'C2_en_001\thttp://data.europa.eu/esco/occupation/lorry',
    'C3_en_000\thttp://data.europa.eu/esco/occupation/welder',
    'C3_en_001\thttp://data.europa.eu/esco/occupation/welder',
    'C4_en_000\thttp://data.europa.eu/esco/isco/C32',
    'C5_en_000\thttp://data.europa.eu/esco/occupation/baker',
  ],
  'melo-tiny_q_en_c_en/corpus_elements.tsv': [
    'C1_en_000\tnurse responsible for general care',
    'C1_en_001\tregistered nurse',
    'C2_en_000\tlorry driver',
    'C2_en_001\theavy truck driver',
    'C3_en_000\twelder',
    'C3_en_001\tmetal cutter',
    'C4_en_000\tHealth associate professionals',
    'C5_en_000\tbaker',
  ],
  'melo-tiny_q_en_c_en/queries.tsv': [
    'Q1\tRegistered Nurses',
    'Q2\tTruck Drivers, Heavy',
    'Q3\tWelders and Cutters',
  ],
  'pairs_tiny.csv': [
    'text,label',
    'RN - night shift,nurse responsible for general care',
    'Truck Driver (Class C),lorry driver',
    'MIG welder wanted,welder',
    'Pastry chef,baker',
    'Senior Java developer,not an occupation in the file',
  ],
  'skills/annotations.csv': [
    'sentence,span,sub_span,label',
    'We need a Java developer who knows SQL,Java,,Java (computer programming)',
    'We need a Java developer who knows SQL,SQL,,SQL',
    'Team player wanted,Team player,,work in teams',
    'Great salary and a nice office,salary,,LABEL NOT PRESENT',
    'You will weld metal frames,weld metal,,weld metal',
    'You will weld metal frames,frames,,UNDERSPECIFIED',
  ],
  'skills/labels.txt': [
    'Java (computer programming)',
    'SQL',
    'work in teams',
    'weld metal',
    'drive trucks',
    'bake bread',
  ],
};

let written: string | null = null;

/** The path of a fixture file or folder (`melo-tiny_q_en_c_en`, `pairs_tiny.csv`, `esco/occupations_en.csv`, `skills/...`). */
export function textFixture(path: string): string {
  written ??= writeFixtureTree('passerelle-text-fixtures-', files);
  return join(written, path);
}
