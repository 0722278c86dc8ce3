import { iscoMinorOf, parseIscoUnit, type Knowledge } from '../knowledge/knowledge';
import type { MatchOptions } from '../options';
import type { MatchTraining } from '../types';
import { RecordView, RecordWriter } from './arena';
import { cefrRank, cellOf, daySlot } from './common';
import { internLanguage, internLocation, type Dictionaries } from './dictionaries';

const HEADER = 15;
/** Lists of a training record. */
export const TL = { skills: 0, occ: 1, isco4: 2, isco3: 3 } as const;
const LIST_COUNT = 4;

export const DELIVERY_IN_PERSON = 0;
export const DELIVERY_ONLINE = 1;
export const DELIVERY_BLENDED = 2;
export const TRAINING_STIPEND = 1;
export const TRAINING_TRANSPORT = 2;
export const TRAINING_CHILDCARE = 4;

/** Reads a training record. */
export class TrainingView extends RecordView {
  constructor(record?: Int32Array) {
    super(HEADER, LIST_COUNT, record);
  }
  get country(): number {
    return this.i32[this.base]!;
  }
  get region(): number {
    return this.i32[this.base + 1]!;
  }
  get district(): number {
    return this.i32[this.base + 2]!;
  }
  get lat(): number {
    return this.f32[this.base + 3]!;
  }
  get lon(): number {
    return this.f32[this.base + 4]!;
  }
  get cell(): number {
    return this.i32[this.base + 5]!;
  }
  get delivery(): number {
    return this.i32[this.base + 6]!;
  }
  get startsDay(): number {
    return this.i32[this.base + 7]!;
  }
  get endsDay(): number {
    return this.i32[this.base + 8]!;
  }
  get enrolmentClosesDay(): number {
    return this.i32[this.base + 9]!;
  }
  get seats(): number {
    return this.i32[this.base + 10]!;
  }
  get flags(): number {
    return this.i32[this.base + 11]!;
  }
  get language(): number {
    return this.i32[this.base + 12]!;
  }
  get languageLevel(): number {
    return this.i32[this.base + 13]!;
  }
  get minIsced(): number {
    return this.i32[this.base + 14]!;
  }
}

/** Encodes a training for the engine. Pure apart from interning new strings into `d`. */
export function encodeTraining(
  training: MatchTraining,
  knowledge: Knowledge,
  d: Dictionaries,
  options: MatchOptions,
): Int32Array {
  const loc = internLocation(d, training.location);
  const lat = training.location?.lat;
  const lon = training.location?.lon;
  const hasCoords =
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
  const occ: number[] = [];
  const isco4: number[] = [];
  const isco3: number[] = [];
  for (const o of training.occupations ?? []) {
    const id = o.uri ? d.occupations.intern(o.uri) : -1;
    let unit = parseIscoUnit(o.isco);
    if (unit < 0 && id >= 0 && id < knowledge.occupationIsco.length) unit = knowledge.occupationIsco[id]!;
    if (id >= 0 && !occ.includes(id)) occ.push(id);
    if (unit >= 0 && !isco4.includes(unit)) isco4.push(unit);
    const minor = iscoMinorOf(knowledge, unit);
    if (minor >= 0 && !isco3.includes(minor)) isco3.push(minor);
  }
  const delivery =
    training.delivery === 'online'
      ? DELIVERY_ONLINE
      : training.delivery === 'blended'
        ? DELIVERY_BLENDED
        : DELIVERY_IN_PERSON;
  const flags =
    (training.stipend ? TRAINING_STIPEND : 0) |
    (training.transportSupport ? TRAINING_TRANSPORT : 0) |
    (training.childcareSupport ? TRAINING_CHILDCARE : 0);
  return new RecordWriter(HEADER, LIST_COUNT)
    .int(0, loc.country)
    .int(1, loc.region)
    .int(2, loc.district)
    .float(3, hasCoords ? (lat as number) : Number.NaN)
    .float(4, hasCoords ? (lon as number) : Number.NaN)
    .int(5, hasCoords ? cellOf(lat as number, lon as number, options.place.cellDegrees) : -1)
    .int(6, delivery)
    .int(7, daySlot(training.startsOn))
    .int(8, daySlot(training.endsOn))
    .int(9, daySlot(training.enrolmentClosesOn))
    .int(10, typeof training.seats === 'number' ? training.seats : -1)
    .int(11, flags)
    .int(12, training.language ? internLanguage(d, training.language.language) : -1)
    .int(13, cefrRank(training.language?.minLevel))
    .int(14, typeof training.minIscedLevel === 'number' ? training.minIscedLevel : -1)
    .list([...new Set((training.skillsTaught ?? []).map((s) => d.skills.intern(s)))])
    .list(occ)
    .list(isco4)
    .list(isco3)
    .finish();
}
