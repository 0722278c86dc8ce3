import { errors } from '@passerelle/core';
import type { RecordView } from '../features/arena';
import type { Dictionaries } from '../features/dictionaries';
import { Interner } from '../features/interner';
import type { Knowledge } from '../knowledge/knowledge';
import type { MatchOptions } from '../options';
import type { Collection } from './collection';
import { MatchIndex } from './match-index';

/** Snapshot format name and version. A reader refuses any other version. */
export const SNAPSHOT_FORMAT = 'passerelle-match-index';
export const SNAPSHOT_VERSION = 3;
const MAGIC = 0x58494d50; // "PMIX" little-endian

interface SnapshotHeader {
  format: string;
  version: number;
  knowledge: string;
  options: MatchOptions;
  dictionaries: Record<DictionaryName, string[]>;
  ids: { people: string[]; vacancies: string[]; trainings: string[] };
}

/** The string tables of the dictionaries (not their counter). */
type DictionaryName = Exclude<keyof Dictionaries, 'skillsNotIndexed'>;
const dictionaryNames: DictionaryName[] = [
  'skills',
  'occupations',
  'countries',
  'regions',
  'districts',
  'sectors',
  'languages',
  'licences',
];

function liveRecords<V extends RecordView>(c: Collection<V>): { ids: string[]; records: Int32Array[] } {
  const ids: string[] = [];
  const records: Int32Array[] = [];
  const view = c.newView();
  for (let slot = 0; slot < c.slots; slot++) {
    if (c.alive[slot] !== 1) continue;
    ids.push(c.ids[slot]!);
    records.push(c.at(view, slot).copyRecord());
  }
  return { ids, records };
}

/**
 * Serialises the index's live documents (encoded records, ids, dictionaries, options). Posting
 * lists are not stored: restoring rebuilds them from the records, which needs no re-encoding.
 */
export function serialiseIndex(index: MatchIndex): Uint8Array {
  const people = liveRecords(index.people);
  const vacancies = liveRecords(index.vacancies);
  const trainings = liveRecords(index.trainings);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    knowledge: index.knowledge.fingerprint,
    options: index.options,
    dictionaries: Object.fromEntries(
      dictionaryNames.map((n) => [n, index.dictionaries[n].values]),
    ) as SnapshotHeader['dictionaries'],
    ids: { people: people.ids, vacancies: vacancies.ids, trainings: trainings.ids },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerInts = Math.ceil(json.length / 4);
  let total = 3 + headerInts;
  for (const set of [people, vacancies, trainings]) for (const r of set.records) total += 1 + r.length;
  const out = new Int32Array(total);
  out[0] = MAGIC;
  out[1] = SNAPSHOT_VERSION;
  out[2] = json.length;
  new Uint8Array(out.buffer, 12, json.length).set(json);
  let at = 3 + headerInts;
  for (const set of [people, vacancies, trainings]) {
    for (const r of set.records) {
      out[at++] = r.length;
      out.set(r, at);
      at += r.length;
    }
  }
  return new Uint8Array(out.buffer);
}

/** Restores an index from `serialiseIndex` output. The knowledge must be the one it was built with. */
export function restoreIndex(bytes: Uint8Array, knowledge: Knowledge): MatchIndex {
  const fail = (reason: string) => errors.invalidFile('match index snapshot', reason);
  if (bytes.byteLength < 12 || bytes.byteLength % 4 !== 0) throw fail('truncated');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const ints = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  if (ints[0] !== MAGIC) throw fail('not_a_snapshot');
  if (ints[1] !== SNAPSHOT_VERSION) throw fail(`unsupported_version_${ints[1]}`);
  const jsonLength = ints[2]!;
  let header: SnapshotHeader;
  try {
    header = JSON.parse(
      new TextDecoder().decode(new Uint8Array(aligned.buffer, aligned.byteOffset + 12, jsonLength)),
    ) as SnapshotHeader;
  } catch {
    throw fail('bad_header');
  }
  if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION) throw fail('bad_header');
  const skills = header.dictionaries.skills;
  const sameKnowledge =
    header.knowledge === knowledge.fingerprint &&
    knowledge.skills.values.every((uri, i) => skills[i] === uri);
  if (!sameKnowledge) throw fail('knowledge_mismatch');
  // The records were stored as encoded: the skills left out of them then are not counted again.
  const dictionaries = {
    ...Object.fromEntries(dictionaryNames.map((n) => [n, new Interner(header.dictionaries[n])])),
    skillsNotIndexed: 0,
  } as unknown as Dictionaries;
  const index = new MatchIndex({ knowledge, options: header.options }, dictionaries);
  let at = 3 + Math.ceil(jsonLength / 4);
  const ctx = index.context(index.options);
  const read = (collection: Collection<RecordView>, ids: string[]) => {
    for (const id of ids) {
      const n = ints[at++]!;
      if (n <= 0 || at + n > ints.length) throw fail('truncated');
      collection.put(id, ints.slice(at, at + n), ctx);
      at += n;
    }
  };
  // Slots in the snapshot's order (already clustered when it was): equal scores keep their order.
  index.beginBulk({ keepOrder: true });
  read(index.people as unknown as Collection<RecordView>, header.ids.people);
  read(index.vacancies as unknown as Collection<RecordView>, header.ids.vacancies);
  read(index.trainings as unknown as Collection<RecordView>, header.ids.trainings);
  index.endBulk();
  return index;
}
