import { Arena, type RecordView } from '../features/arena';
import type { Criterion, CriterionContext, PostingSink, SummarySink } from '../criteria/criterion';
import { encodeScale, PARTITIONS, PostingFamily, SCALE_DECODE, type PostingList } from './postings';
import { SlotTable } from './slot-table';

// What the posting sink does with an `add`.
const MODE_ADD = 0;
const MODE_COUNT = 1;
const MODE_FILL = 2;
const MODE_RETIRE = 3;

/** The fill pass of a bulk load writes its postings when this many are collected. */
const FILL_CHUNK = 1 << 19;
/** ... in about this many bands of list ids (see `BulkCounts.scatter`). */
const FILL_BANDS = 256;

/** Per-list counters of a bulk load, by list id, and the buffer being filled. */
class BulkCounts {
  counts = new Int32Array(0);
  cursor = new Int32Array(0);
  docs = new Int32Array(0);
  impacts = new Uint16Array(0);

  grow(lists: number): void {
    if (lists <= this.counts.length) return;
    const cap = Math.max(lists, this.counts.length * 2, 1024);
    const counts = new Int32Array(cap);
    counts.set(this.counts);
    this.counts = counts;
    this.cursor = new Int32Array(cap);
  }

  /**
   * The postings of the fill pass not written yet, in slot order: list id, slot, scale code.
   * Written a chunk at a time (`scatter`): first grouped by bands of list ids, so that the writes
   * go to a few hundred lists at a time, whose ends stay in cache, instead of one posting to each
   * of tens of thousands of lists in turn, each write a cache miss.
   */
  ids = new Int32Array(0);
  slots = new Int32Array(0);
  codes = new Uint16Array(0);
  collected = 0;
  private bandIds = new Int32Array(0);
  private bandSlots = new Int32Array(0);
  private bandCodes = new Uint16Array(0);

  growCollected(): void {
    const cap = Math.max(1024, this.ids.length * 2);
    const ids = new Int32Array(cap);
    ids.set(this.ids);
    this.ids = ids;
    const slots = new Int32Array(cap);
    slots.set(this.slots);
    this.slots = slots;
    const codes = new Uint16Array(cap);
    codes.set(this.codes);
    this.codes = codes;
  }

  /** Writes the collected postings into the buffer, in slot order per list (`lists`: list count). */
  scatter(lists: number): void {
    const n = this.collected;
    if (n === 0) return;
    if (this.bandIds.length < n) {
      this.bandIds = new Int32Array(this.ids.length);
      this.bandSlots = new Int32Array(this.ids.length);
      this.bandCodes = new Uint16Array(this.ids.length);
    }
    // Bands of a power of two of consecutive list ids (FILL_BANDS bands or fewer); a stable counting sort by band keeps slot order.
    const shift = Math.max(0, 32 - Math.clz32(Math.ceil(lists / FILL_BANDS)));
    const bands = (lists >>> shift) + 1;
    const starts = new Int32Array(bands + 1);
    const ids = this.ids;
    const slots = this.slots;
    const codes = this.codes;
    for (let i = 0; i < n; i++) starts[(ids[i]! >>> shift) + 1]!++;
    for (let b = 0; b < bands; b++) starts[b + 1]! += starts[b]!;
    const bandIds = this.bandIds;
    const bandSlots = this.bandSlots;
    const bandCodes = this.bandCodes;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const at = starts[id >>> shift]!++;
      bandIds[at] = id;
      bandSlots[at] = slots[i]!;
      bandCodes[at] = codes[i]!;
    }
    const cursor = this.cursor;
    const docs = this.docs;
    const impacts = this.impacts;
    if (impacts.length > 0) {
      for (let i = 0; i < n; i++) {
        const at = cursor[bandIds[i]!]!++;
        docs[at] = bandSlots[i]!;
        impacts[at] = bandCodes[i]!;
      }
    } else {
      for (let i = 0; i < n; i++) docs[cursor[bandIds[i]!]!++] = bandSlots[i]!;
    }
    this.collected = 0;
  }

  reset(): void {
    this.ids = new Int32Array(0);
    this.slots = new Int32Array(0);
    this.codes = new Uint16Array(0);
    this.bandIds = new Int32Array(0);
    this.bandSlots = new Int32Array(0);
    this.bandCodes = new Uint16Array(0);
    this.counts.fill(0);
    this.docs = new Int32Array(0);
    this.impacts = new Uint16Array(0);
  }
}

/** How a collection posts its documents: the criteria sets that read this side. */
export type Poster<V> = (view: V, sink: PostingSink, ctx: CriterionContext) => void;

/** A criterion's index-time classification of this side's documents (see `Criterion.classifyPerson`). */
export interface Classifier<V> {
  id: string;
  classify: (view: V, ctx: CriterionContext) => number;
}

/**
 * The classifiers of criteria sets, for the side `side` of each pair: every criterion's with
 * `all` (the index option `classBounds`), else only those of filters (`Criterion.filterClasses`).
 */
export function classifiersOf<V>(
  sets: { criteria: readonly Criterion<never, never>[]; side: 'person' | 'target' }[],
  all: boolean,
): Classifier<V>[] {
  const out: Classifier<V>[] = [];
  for (const { criteria, side } of sets) {
    for (const c of criteria) {
      if (!all && c.filterClasses !== true) continue;
      const fn = side === 'person' ? c.classifyPerson : c.classifyTarget;
      if (fn) out.push({ id: c.id, classify: fn.bind(c) as unknown as Classifier<V>['classify'] });
    }
  }
  return out;
}

/**
 * The classes of one criterion over a collection: one byte per slot, and the key each class
 * stands for. Class 0 is "unclassified" (more than 255 keys, or a slot never classified): the
 * ranker bounds it by the criterion's ceiling.
 */
export class DocumentClasses {
  bySlot = new Uint8Array(1024);
  /** The key of each class (index 0: unclassified). */
  readonly keys: number[] = [Number.NaN];
  /** Whether some document fell into class 0 because the classes ran out. */
  overflowed = false;
  private readonly ids = new Map<number, number>();

  classOf(key: number): number {
    let c = this.ids.get(key);
    if (c === undefined) {
      if (this.keys.length > 255) {
        this.overflowed = true;
        return 0;
      }
      c = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, c);
    }
    return c;
  }

  grow(capacity: number): void {
    if (capacity <= this.bySlot.length) return;
    const next = new Uint8Array(capacity);
    next.set(this.bySlot);
    this.bySlot = next;
  }
}

/** A criterion's index-time summary of the targets (see `Criterion.summarizeTarget`). */
export interface Summarizer<V> {
  id: string;
  summarize: (view: V, sink: SummarySink, ctx: CriterionContext) => number;
}

/** The summarizers of a set of criteria, for their targets. */
export function summarizersOf<V>(criteria: readonly Criterion<never, never>[]): Summarizer<V>[] {
  const out: Summarizer<V>[] = [];
  for (const c of criteria) {
    const fn = c.summarizeTarget;
    if (fn) out.push({ id: c.id, summarize: fn.bind(c) as unknown as Summarizer<V>['summarize'] });
  }
  return out;
}

const float32 = new Float32Array(1);
const float32Bits = new Int32Array(float32.buffer);
/** The smallest float32 at or above a non-negative `v` (a bound stays a bound when stored). */
export function float32AtLeast(v: number): number {
  float32[0] = v;
  if (float32[0] < v) float32Bits[0]!++;
  return float32[0]!;
}

/** A summary sink that keeps nothing (a bulk load asks only for the group at first). */
const ignoreItems: SummarySink = () => {};

/** A well-spread hash of an item id (its low bits alone index a table). */
function mixItem(item: number): number {
  let h = Math.imul(item ^ (item >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** The summaries of all groups, flat: group g's items and values at `start[g]..start[g + 1]`. */
export interface FlatGroups {
  start: Int32Array;
  items: Int32Array;
  values: Float32Array;
}

/**
 * The same summaries by item: item i's groups (ascending) and the largest value each gives it at
 * `start[i]..start[i + 1]`, so that a query whose bound is linear in the items bounds every
 * group by reading only its own items' entries.
 */
export interface InvertedGroups {
  start: Int32Array;
  groups: Int32Array;
  values: Float32Array;
}

/**
 * Writes into `by[1..]` each group's `factor` × the sum, over the group's items among `items`, of
 * the item's largest value × its weight in `weights` (`by` zeroed, one entry per group index).
 */
export function linearGroupBounds(
  inv: InvertedGroups,
  items: Int32Array,
  weights: Float64Array,
  factor: number,
  by: Float64Array,
): void {
  const { start, groups, values } = inv;
  const top = start.length - 1;
  for (let j = 0; j < items.length; j++) {
    const item = items[j]!;
    if (item < 0 || item >= top) continue;
    const w = weights[j]!;
    for (let i = start[item]!, e = start[item + 1]!; i < e; i++) by[groups[i]!]! += values[i]! * w;
  }
  for (let g = 1; g < by.length; g++) by[g] = factor * by[g]!;
}

/** `DocumentGroups.partitionOf` of a group with documents in several partitions. */
export const MIXED_PARTITIONS = 255;

/**
 * The groups of one criterion over a collection (see `Criterion.summarizeTarget`): the group of
 * each slot, and per group its items (in order of first appearance) with the largest value each has in any
 * of the group's documents. Groups only grow: a document that changes or leaves keeps its old
 * items in its group's summary, which then still bounds every document of the group (more
 * loosely); a rebuild from the records (a snapshot restore) tightens them again.
 */
export class DocumentGroups {
  /** The group of each slot, as its index + 1 (0: in no group). */
  bySlot = new Int32Array(1024);
  /** Per group index + 1 (index 0 unused): its items, their values, and how many. */
  readonly items: Int32Array[] = [new Int32Array(0)];
  /** Per group: an open-addressing table of item → position + 1 (0: empty), twice the items' capacity. */
  private readonly tables: Int32Array[] = [new Int32Array(0)];
  readonly values: Float32Array[] = [new Float32Array(0)];
  readonly sizes: number[] = [0];
  private readonly ids = new Map<number, number>();
  /** Bumped by every change to a summary; the flat copy is rebuilt when it is stale. */
  private version = 0;
  private flatCopy: FlatGroups | null = null;
  private flatVersion = -1;
  private invertedCopy: InvertedGroups | null = null;
  private invertedVersion = -1;
  /** The document being summarised. */
  private itemBuf = new Int32Array(64);
  private valueBuf = new Float64Array(64);
  private pending = 0;
  readonly sink: SummarySink = (item, value) => {
    if (this.pending === this.itemBuf.length) {
      const items = new Int32Array(this.pending * 2);
      items.set(this.itemBuf);
      this.itemBuf = items;
      const values = new Float64Array(this.pending * 2);
      values.set(this.valueBuf);
      this.valueBuf = values;
    }
    this.itemBuf[this.pending] = item;
    this.valueBuf[this.pending++] = value;
  };

  /** Starts the summary of a document (its items then go to `sink`). */
  begin(): void {
    this.pending = 0;
  }

  /** Puts `slot` in the group `key` (-1: none) with the items passed to `sink` since `begin`. */
  commit(slot: number, key: number): void {
    const g = this.assign(slot, key);
    if (g === 0) return;
    for (let i = 0; i < this.pending; i++) this.merge(g, this.itemBuf[i]!, this.valueBuf[i]!);
    this.version++;
  }

  /**
   * Puts `slot` in the group `key` (-1: none) without its items yet: a bulk load merges them
   * later for all its documents at once (`mergeSlots`). Returns the group index (0: none).
   */
  assign(slot: number, key: number): number {
    if (key < 0) {
      this.bySlot[slot] = 0;
      return 0;
    }
    let g = this.ids.get(key);
    if (g === undefined) {
      g = this.items.length;
      this.ids.set(key, g);
      const capacity = 1 << (32 - Math.clz32(Math.max(8, this.pending) - 1));
      this.items.push(new Int32Array(capacity));
      this.values.push(new Float32Array(capacity));
      this.tables.push(new Int32Array(2 * capacity));
      this.sizes.push(0);
    }
    this.bySlot[slot] = g;
    return g;
  }

  /**
   * Merges the items of the live slots `from..to` (assigned during a bulk load) into their
   * groups, a group at a time: its documents' items meet in one dense array that stays in cache,
   * instead of a probe into a cold per-group table for every item of every document.
   */
  mergeSlots(
    from: number,
    to: number,
    alive: Uint8Array,
    summarize: (slot: number, sink: SummarySink) => void,
  ): void {
    const count = this.items.length;
    const starts = new Int32Array(count + 1);
    for (let slot = from; slot < to; slot++) if (alive[slot] === 1) starts[this.bySlot[slot]!]!++;
    if (starts.reduce((a, b) => a + b, 0) === starts[0]) return;
    for (let g = 0, at = 0; g <= count; g++) {
      const n = starts[g]!;
      starts[g] = at;
      at += n;
    }
    const order = new Int32Array(starts[count]!);
    const fill = starts.slice(0, count);
    for (let slot = from; slot < to; slot++) if (alive[slot] === 1) order[fill[this.bySlot[slot]!]!++] = slot;
    let dense = new Float64Array(1024);
    let seen = new Int32Array(1024);
    const touched: number[] = [];
    const add = (item: number, value: number, g: number) => {
      if (item >= dense.length) {
        const size = Math.max(item + 1, dense.length * 2);
        const grownDense = new Float64Array(size);
        grownDense.set(dense);
        dense = grownDense;
        const grownSeen = new Int32Array(size);
        grownSeen.set(seen);
        seen = grownSeen;
      }
      if (seen[item] !== g) {
        seen[item] = g;
        dense[item] = value;
        touched.push(item);
      } else if (value > dense[item]!) dense[item] = value;
    };
    for (let g = 1; g < count; g++) {
      if (starts[g] === starts[g + 1]) continue;
      touched.length = 0;
      const items = this.items[g]!;
      const values = this.values[g]!;
      for (let i = 0; i < this.sizes[g]!; i++) add(items[i]!, values[i]!, g);
      for (let x = starts[g]!; x < starts[g + 1]!; x++) {
        this.pending = 0;
        summarize(order[x]!, this.sink);
        for (let i = 0; i < this.pending; i++) add(this.itemBuf[i]!, this.valueBuf[i]!, g);
      }
      this.rebuild(g, touched, dense);
    }
    this.pending = 0;
    this.version++;
  }

  /** Replaces group `g`'s items by `items` with their values in `dense`. */
  private rebuild(g: number, items: readonly number[], dense: Float64Array): void {
    const capacity = 1 << (32 - Math.clz32(Math.max(8, items.length) - 1));
    const own = new Int32Array(capacity);
    const values = new Float32Array(capacity);
    const table = new Int32Array(2 * capacity);
    const mask = table.length - 1;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      own[i] = item;
      values[i] = float32AtLeast(dense[item]!);
      let h = mixItem(item) & mask;
      while (table[h] !== 0) h = (h + 1) & mask;
      table[h] = i + 1;
    }
    this.items[g] = own;
    this.values[g] = values;
    this.tables[g] = table;
    this.sizes[g] = items.length;
  }

  /**
   * Every group's summary in one pair of arrays (group g at `start[g]..start[g + 1]`), so that a
   * query bounds all groups in one sequential sweep. Rebuilt after changes, on the next query.
   */
  flat(): FlatGroups {
    if (this.flatCopy && this.flatVersion === this.version) return this.flatCopy;
    const count = this.items.length;
    const start = new Int32Array(count + 1);
    for (let g = 0; g < count; g++) start[g + 1] = start[g]! + this.sizes[g]!;
    const items = new Int32Array(start[count]!);
    const values = new Float32Array(start[count]!);
    for (let g = 0; g < count; g++) {
      items.set(this.items[g]!.subarray(0, this.sizes[g]!), start[g]!);
      values.set(this.values[g]!.subarray(0, this.sizes[g]!), start[g]!);
    }
    this.flatCopy = { start, items, values };
    this.flatVersion = this.version;
    return this.flatCopy;
  }

  /**
   * Every group's summary by item (see `InvertedGroups`). Rebuilt after changes, on the next
   * query.
   */
  inverted(): InvertedGroups {
    if (this.invertedCopy && this.invertedVersion === this.version) return this.invertedCopy;
    const count = this.items.length;
    let top = -1;
    let total = 0;
    for (let g = 1; g < count; g++) {
      const items = this.items[g]!;
      const size = this.sizes[g]!;
      total += size;
      for (let i = 0; i < size; i++) if (items[i]! > top) top = items[i]!;
    }
    const start = new Int32Array(top + 2);
    for (let g = 1; g < count; g++) {
      const items = this.items[g]!;
      for (let i = 0, size = this.sizes[g]!; i < size; i++) start[items[i]! + 1]!++;
    }
    for (let i = 0; i <= top; i++) start[i + 1]! += start[i]!;
    const at = start.slice(0, top + 1);
    const groups = new Int32Array(total);
    const values = new Float32Array(total);
    for (let g = 1; g < count; g++) {
      const items = this.items[g]!;
      const vals = this.values[g]!;
      for (let i = 0, size = this.sizes[g]!; i < size; i++) {
        const k = at[items[i]!]!++;
        groups[k] = g;
        values[k] = vals[i]!;
      }
    }
    this.invertedCopy = { start, groups, values };
    this.invertedVersion = this.version;
    return this.invertedCopy;
  }

  /** Number of group indexes (including the unused 0). */
  get count(): number {
    return this.items.length;
  }

  private merge(g: number, item: number, value: number): void {
    let table = this.tables[g]!;
    let mask = table.length - 1;
    let h = mixItem(item) & mask;
    for (;;) {
      const at = table[h]!;
      if (at === 0) break;
      if (this.items[g]![at - 1] === item) {
        const values = this.values[g]!;
        if (value > values[at - 1]!) values[at - 1] = float32AtLeast(value);
        return;
      }
      h = (h + 1) & mask;
    }
    let items = this.items[g]!;
    let values = this.values[g]!;
    const n = this.sizes[g]!;
    if (n === items.length) {
      // Capacities are powers of two; the table stays twice the capacity, so at most half full.
      const grownItems = new Int32Array(n * 2);
      grownItems.set(items);
      this.items[g] = items = grownItems;
      const grownValues = new Float32Array(n * 2);
      grownValues.set(values);
      this.values[g] = values = grownValues;
      this.tables[g] = table = new Int32Array(n * 4);
      mask = table.length - 1;
      for (let i = 0; i < n; i++) {
        let k = mixItem(items[i]!) & mask;
        while (table[k] !== 0) k = (k + 1) & mask;
        table[k] = i + 1;
      }
      h = mixItem(item) & mask;
      while (table[h] !== 0) h = (h + 1) & mask;
    }
    items[n] = item;
    values[n] = float32AtLeast(value);
    table[h] = n + 1;
    this.sizes[g] = n + 1;
  }

  grow(capacity: number): void {
    if (capacity <= this.bySlot.length) return;
    const next = new Int32Array(capacity);
    next.set(this.bySlot);
    this.bySlot = next;
  }

  /**
   * Per group index: the partition of its documents + 1 (0: none yet; `MIXED_PARTITIONS`: more
   * than one), when the collection is partitioned (see `Collection.partition`).
   */
  partitionOf = new Uint8Array(16);

  /** Notes that group `g` has a document in partition `p`. */
  notePartition(g: number, p: number): void {
    if (g >= this.partitionOf.length) {
      const next = new Uint8Array(Math.max(g + 1, 2 * this.partitionOf.length));
      next.set(this.partitionOf);
      this.partitionOf = next;
    }
    const was = this.partitionOf[g]!;
    if (was === 0) this.partitionOf[g] = p + 1;
    else if (was !== p + 1) this.partitionOf[g] = MIXED_PARTITIONS;
  }

  bytes(): number {
    let n = this.bySlot.byteLength + this.partitionOf.byteLength;
    for (let g = 0; g < this.items.length; g++)
      n += this.items[g]!.byteLength + this.values[g]!.byteLength + this.tables[g]!.byteLength;
    if (this.flatCopy) n += this.flatCopy.start.byteLength + 8 * this.flatCopy.items.length;
    if (this.invertedCopy) n += this.invertedCopy.start.byteLength + 8 * this.invertedCopy.groups.length;
    return n;
  }
}

/** Builds a poster from criteria sets, for the side `side` of each pair. */
export function posterOf<V>(
  sets: { criteria: readonly Criterion<never, never>[]; side: 'person' | 'target' }[],
): Poster<V> {
  const fns: Poster<V>[] = [];
  for (const { criteria, side } of sets) {
    for (const c of criteria) {
      const fn = side === 'person' ? c.postPerson : c.postTarget;
      if (fn) fns.push(fn.bind(c) as unknown as Poster<V>);
    }
  }
  return (view, sink, ctx) => {
    for (const fn of fns) fn(view, sink, ctx);
  };
}

/** The records of a bulk load being moved to their new slot order (see `Collection.cluster`). */
interface MovingRecords {
  firstPage: number;
  firstOffset: number;
  totalInts: number;
  i32: Int32Array[];
  f32: Float32Array[];
  u16: Uint16Array[];
}

/** The number of 16-bit fields of a cluster key (see `Clusterer`). */
export const CLUSTER_FIELDS = 4;

/**
 * Writes a document's cluster key into `key[at..at + CLUSTER_FIELDS)`, most significant field
 * first. A bulk load gives its documents slots in the order of their keys (stable), so that
 * documents a query tends to reach together (the same occupation, the same place) sit on
 * neighbouring slots: the ranker's per-slot arrays are then read a few cache lines at a time
 * instead of one line per document (see docs/matching.md, "Slot order").
 */
export type Clusterer<V> = (view: V, key: Uint16Array, at: number) => void;

/** How a collection indexes its documents beyond their postings (all optional). */
export interface CollectionConfig<V> {
  classifiers?: readonly Classifier<V>[];
  /** The partition of a document (e.g. by region), in 0..PARTITIONS-1; none: not partitioned. */
  partitionOf?: (view: V) => number;
  /** Lists shorter than this are not grouped by partition (default 1024). */
  partitionedListMin?: number;
  summarizers?: readonly Summarizer<V>[];
  /** What evaluating one document costs, in posting reads (default 150). */
  evaluationCost?: number;
  /** Orders the documents of a bulk load by this key; none: insertion order. */
  clusterOf?: Clusterer<V>;
  /** With `clusterOf`: the records move to the new order in the arena too (default true). */
  clusterRecords?: boolean;
}

/**
 * The documents of one kind: records in an arena, slots, ids, liveness, and posting lists.
 * A change appends a new record under a new slot and retires the old slot, so posting lists
 * stay sorted by slot without moving anything.
 */
export class Collection<V extends RecordView> {
  readonly arena = new Arena();
  readonly families = new Map<string, PostingFamily>();
  /** Per classifying criterion id: the class of each slot. */
  readonly classes = new Map<string, DocumentClasses>();
  /** Per summarizing criterion id: the groups of the documents. */
  readonly groups = new Map<string, DocumentGroups>();
  readonly slotOf = new SlotTable(() => this.ids);
  ids: string[] = [];
  page = new Int32Array(1024);
  offset = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /**
   * The partition of each slot (0..PARTITIONS-1) when the collection is partitioned: long
   * posting lists group their postings by it, so that a pass over the lists for a few
   * candidates skips the partitions holding none.
   */
  partition: Uint8Array | null = null;
  /** Slots ever used. */
  slots = 0;
  /** Live documents. */
  size = 0;
  /** Every posting list, by id. */
  private readonly registry: PostingList[] = [];
  private bulk = false;
  /** First slot whose postings were counted but not written yet (bulk loads). */
  private pendingFrom = 0;
  /** The context of the documents counted in the bulk load (index-time options only). */
  private pendingCtx: CriterionContext | null = null;
  private readonly bulkState = new BulkCounts();
  private readonly sink: PostingSink & { slot: number; mode: number };
  private readonly cursor: V;

  private readonly classifiers: readonly Classifier<V>[];
  /** The partition of a document (e.g. by region), in 0..PARTITIONS-1; none: not partitioned. */
  private readonly partitionOf?: (view: V) => number;
  /** Lists shorter than this are not grouped by partition (a pass reads them whole). */
  private readonly partitionedListMin: number;
  private readonly summarizers: readonly Summarizer<V>[];
  /**
   * What evaluating one document costs, in posting reads: the ranker reads the rest of the
   * lists for its candidates rather than evaluate them when that costs less (measured per kind
   * of document; see docs/matching.md).
   */
  readonly evaluationCost: number;
  private readonly clusterOf?: Clusterer<V>;
  private readonly clusterRecords: boolean;
  /** The cluster keys of the documents counted in a bulk load, `CLUSTER_FIELDS` per slot from `pendingFrom`. */
  private clusterKeys = new Uint16Array(0);
  /** Whether the current bulk load clusters (see `beginBulk`). */
  private clusterLoad = false;

  constructor(
    readonly newView: () => V,
    private readonly poster: Poster<V>,
    config: CollectionConfig<V> = {},
  ) {
    const classifiers = (this.classifiers = config.classifiers ?? []);
    const summarizers = (this.summarizers = config.summarizers ?? []);
    this.partitionOf = config.partitionOf;
    this.partitionedListMin = config.partitionedListMin ?? 1024;
    this.evaluationCost = config.evaluationCost ?? 150;
    this.clusterOf = config.clusterOf;
    this.clusterRecords = config.clusterRecords ?? true;
    const partitionOf = this.partitionOf;
    for (const c of classifiers) this.classes.set(c.id, new DocumentClasses());
    for (const c of summarizers) this.groups.set(c.id, new DocumentGroups());
    if (partitionOf) this.partition = new Uint8Array(1024);
    const alive = () => this.alive;
    const partitions = () => this.partition ?? undefined;
    const segmentMin = () => this.partitionedListMin;
    const familyOf = (name: string) => this.family(name);
    const scaleCapacity = () => this.alive.length;
    // The families met by the sink, by name: the names are the criteria's constants, so a short
    // scan comparing them (by reference first) beats a map lookup at each change of family.
    const names: string[] = [];
    const found: PostingFamily[] = [];
    let lastName = '';
    let lastFamily: PostingFamily | undefined;
    const sinkFamily = (name: string): PostingFamily => {
      for (let i = 0; i < names.length; i++) if (names[i] === name) return found[i]!;
      const f = familyOf(name);
      names.push(name);
      found.push(f);
      return f;
    };
    this.cursor = newView();
    const registry = this.registry;
    const bulk = this.bulkState;
    this.sink = {
      slot: 0,
      mode: MODE_ADD,
      add(family, key) {
        // Consecutive adds usually go to the same family: skip the lookup then.
        let f = lastFamily;
        if (family !== lastName || !f) {
          f = lastFamily = sinkFamily(family);
          lastName = family;
        }
        // By tier and code, not by scale: no float crosses a call on the bulk load's paths.
        const id = f.idForTier(key, f.tierAt(this.slot));
        switch (this.mode) {
          case MODE_COUNT: {
            // The lists' largest scales are taken from the filled postings (`flush`).
            if (id >= bulk.counts.length) bulk.grow(registry.length);
            bulk.counts[id]!++;
            break;
          }
          case MODE_FILL: {
            // Kept for `scatter`, which writes a chunk of documents' postings list by list.
            const n = bulk.collected;
            if (n === bulk.ids.length) bulk.growCollected();
            bulk.ids[n] = id;
            bulk.slots[n] = this.slot;
            bulk.codes[n] = f.codeAt(this.slot);
            bulk.collected = n + 1;
            break;
          }
          case MODE_ADD: {
            const scale = f.scale ? f.scale[this.slot]! : 0;
            const list = registry[id]!;
            list.push(this.slot, scale);
            // The bound of a list follows its postings' (rounded-up) scales.
            const up = f.scale ? SCALE_DECODE[encodeScale(scale)]! : 0;
            if (up > list.maxScale) list.maxScale = up;
            break;
          }
          default: {
            const list = registry[id]!;
            list.dead++;
            if (list.dead > 32 && list.dead * 2 > list.length)
              list.compact(alive(), partitions(), segmentMin());
          }
        }
      },
      scale(family, value) {
        if (this.mode === MODE_RETIRE || this.mode === MODE_FILL) return;
        familyOf(family).ensureScale(scaleCapacity())[this.slot] = value;
      },
    };
  }

  family(name: string): PostingFamily {
    let f = this.families.get(name);
    if (!f) {
      f = new PostingFamily(name, this.registry);
      this.families.set(name, f);
    }
    return f;
  }

  /** Points `view` at the record of `slot`. */
  at(view: V, slot: number): V {
    const p = this.page[slot]!;
    return view.at(
      this.arena.pages[p]!,
      this.arena.floatPages[p]!,
      this.arena.u16Pages[p]!,
      this.offset[slot]!,
    );
  }

  /** Adds or replaces the document `id` with an encoded record; returns its slot. */
  put(id: string, record: Int32Array, ctx: CriterionContext): number {
    const old = this.slotOf.get(id);
    if (old !== undefined) this.retire(id, old, ctx);
    const slot = this.slots++;
    this.grow(this.slots);
    this.offset[slot] = this.arena.append(record);
    this.page[slot] = this.arena.lastPage;
    this.alive[slot] = 1;
    this.ids[slot] = id;
    this.slotOf.insert(id, slot);
    this.size++;
    this.sink.slot = slot;
    this.sink.mode = this.bulk ? MODE_COUNT : MODE_ADD;
    this.poster(this.at(this.cursor, slot), this.sink, ctx);
    if (this.partition && this.partitionOf) {
      const p = this.partitionOf(this.cursor);
      this.partition[slot] = p >= 0 && p < PARTITIONS ? p : 0;
    }
    for (const c of this.classifiers) {
      const classes = this.classes.get(c.id)!;
      classes.bySlot[slot] = classes.classOf(c.classify(this.cursor, ctx));
    }
    for (const c of this.summarizers) {
      const groups = this.groups.get(c.id)!;
      if (this.bulk) {
        // Only the group now; the items are merged a group at a time when the load ends.
        groups.assign(slot, c.summarize(this.cursor, ignoreItems, ctx));
        continue;
      }
      groups.begin();
      groups.commit(slot, c.summarize(this.cursor, groups.sink, ctx));
    }
    if (this.partition && this.summarizers.length > 0) this.notePartitions(slot);
    if (this.bulk && this.clusterLoad) {
      const at = (slot - this.pendingFrom) * CLUSTER_FIELDS;
      if (at + CLUSTER_FIELDS > this.clusterKeys.length) {
        const keys = new Uint16Array(Math.max(1024, 2 * this.clusterKeys.length, at + CLUSTER_FIELDS));
        keys.set(this.clusterKeys);
        this.clusterKeys = keys;
      }
      this.clusterOf!(this.cursor, this.clusterKeys, at);
    }
    if (this.bulk) this.pendingCtx = ctx;
    else this.pendingFrom = this.slots;
    return slot;
  }

  /**
   * A partitioned collection with groups keeps the documents in no group in partition 0, so that
   * the group bounds bound every other partition (the ranker's partition bounds), and notes the
   * partition of each group.
   */
  private notePartitions(slot: number): void {
    const partition = this.partition!;
    for (const groups of this.groups.values()) if (groups.bySlot[slot] === 0) partition[slot] = 0;
    for (const groups of this.groups.values()) groups.notePartition(groups.bySlot[slot]!, partition[slot]!);
  }

  /** Removes the document `id`; false when it was not there. */
  remove(id: string, ctx: CriterionContext): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.retire(id, slot, ctx);
    return true;
  }

  /** Removes the document `id`, which is at `slot`. */
  private retire(id: string, slot: number, ctx: CriterionContext): void {
    this.flush();
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.size--;
    this.sink.slot = slot;
    this.sink.mode = MODE_RETIRE;
    this.poster(this.at(this.cursor, slot), this.sink, ctx);
  }

  /**
   * Starts a bulk load: each document's postings are only counted; at the end (or before the
   * first query or removal) every list is allocated once at its exact size — fresh lists carved
   * from one buffer — and a second pass over the new records writes the postings in slot order.
   * No posting is buffered or copied, and no list grows one posting at a time. With a
   * `clusterOf` (and no `keepOrder`), the documents' slots are first put in the order of their
   * cluster keys (`cluster`).
   */
  beginBulk(o: { keepOrder?: boolean } = {}): void {
    this.flush();
    this.bulk = true;
    this.clusterLoad = this.clusterOf !== undefined && !o.keepOrder;
    this.pendingFrom = this.slots;
  }

  /** Ends a bulk load: writes the counted postings. */
  endBulk(): void {
    this.flush();
    this.bulk = false;
  }

  /** Writes the postings counted in a bulk load into their lists (queries and removals call this first). */
  flush(): void {
    if (this.pendingFrom >= this.slots) return;
    const ctx = this.pendingCtx;
    if (!ctx) return;
    const moving = this.clusterLoad ? this.cluster() : null;
    const bulk = this.bulkState;
    const registry = this.registry;
    bulk.grow(registry.length);
    // One buffer for every list that grows: old postings first, then the counted ones.
    let total = 0;
    let scaled = false;
    for (let id = 0; id < registry.length; id++) {
      const n = bulk.counts[id]!;
      if (n === 0) continue;
      const list = registry[id]!;
      bulk.cursor[id] = total;
      total += list.length + n;
      if (list.impacts) scaled = true;
    }
    bulk.docs = new Int32Array(total);
    bulk.impacts = scaled ? new Uint16Array(total) : new Uint16Array(0);
    for (let id = 0; id < registry.length; id++) {
      if (bulk.counts[id] === 0) continue;
      const list = registry[id]!;
      const at = bulk.cursor[id]!;
      bulk.docs.set(list.docs.subarray(0, list.length), at);
      if (list.impacts) bulk.impacts.set(list.impacts.subarray(0, list.length), at);
      bulk.cursor[id] = at + list.length;
    }
    const sink = this.sink;
    sink.mode = MODE_FILL;
    for (let slot = this.pendingFrom; slot < this.slots; slot++) {
      let view: V;
      if (moving) {
        // The record is read where it was and appended again in slot order (see `cluster`).
        const p = this.page[slot]! - moving.firstPage;
        const at = p === 0 ? this.offset[slot]! - moving.firstOffset : this.offset[slot]!;
        const src = moving.i32[p]!;
        view = this.cursor.at(src, moving.f32[p]!, moving.u16[p]!, at);
        this.offset[slot] = this.arena.appendFrom(src, at, view.recordLength);
        this.page[slot] = this.arena.lastPage;
      } else view = this.at(this.cursor, slot);
      if (this.alive[slot] !== 1) continue;
      sink.slot = slot;
      this.poster(view, sink, ctx);
      if (bulk.collected >= FILL_CHUNK) bulk.scatter(registry.length);
    }
    if (moving) this.arena.totalInts = moving.totalInts;
    bulk.scatter(registry.length);
    sink.mode = MODE_ADD;
    for (let id = 0; id < registry.length; id++) {
      const n = bulk.counts[id]!;
      if (n === 0) continue;
      const list = registry[id]!;
      const end = bulk.cursor[id]!;
      const start = end - list.length - n;
      list.docs = bulk.docs.subarray(start, end);
      if (list.impacts) {
        const impacts = bulk.impacts.subarray(start, end);
        list.impacts = impacts;
        // The bound of a list follows its postings' (rounded-up) scales; codes order as scales.
        let top = 0;
        for (let i = list.length; i < impacts.length; i++) if (impacts[i]! > top) top = impacts[i]!;
        if (SCALE_DECODE[top]! > list.maxScale) list.maxScale = SCALE_DECODE[top]!;
      }
      list.length = end - start;
      // Lists with scales (the skills requirements) keep slot order: they are mostly read whole,
      // and read grouped by partition their accumulator writes make one sweep per partition
      // instead of one (measured slower at a million vacancies; their documents' partitions are
      // bounded by the group bounds anyway, see the ranker's partition bounds).
      if (this.partition && !list.impacts) list.segment(this.partition, this.partitionedListMin);
    }
    bulk.reset();
    for (const c of this.summarizers) {
      const cursor = this.cursor;
      this.groups
        .get(c.id)!
        .mergeSlots(this.pendingFrom, this.slots, this.alive, (slot, s) =>
          c.summarize(this.at(cursor, slot), s, ctx),
        );
    }
    this.pendingFrom = this.slots;
  }

  /**
   * Gives the documents counted in the bulk load (`pendingFrom..slots`, whose postings are not
   * written yet) new slots in the order of their cluster keys, ties in slot order: a stable radix
   * sort by 16-bit field, least significant first, then every per-slot array of that range is
   * permuted and the id table pointed at the new slots. The records are then cut from the arena
   * (returned) and appended again by the fill pass in the new order; their old pages are dropped.
   */
  private cluster(): MovingRecords | null {
    const from = this.pendingFrom;
    const n = this.slots - from;
    const keys = this.clusterKeys;
    this.clusterKeys = new Uint16Array(0);
    if (n < 2 || keys.length < n * CLUSTER_FIELDS) return null;
    let order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    let next = new Int32Array(n);
    const counts = new Int32Array(65537);
    for (let f = CLUSTER_FIELDS - 1; f >= 0; f--) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[keys[i * CLUSTER_FIELDS + f]! + 1]!++;
      if (counts[keys[f]! + 1] === n) continue; // every document has the same value here
      for (let v = 0; v < 65536; v++) counts[v + 1]! += counts[v]!;
      for (let i = 0; i < n; i++) {
        const d = order[i]!;
        next[counts[keys[d * CLUSTER_FIELDS + f]!]!++] = d;
      }
      const t = order;
      order = next;
      next = t;
    }
    let moved = false;
    for (let i = 0; i < n && !moved; i++) moved = order[i] !== i;
    if (!moved) return null;
    // order[k]: the old place of the document that goes to place k; next: the reverse.
    for (let k = 0; k < n; k++) next[order[k]!] = k;
    const firstPage = this.page[from]!;
    const firstOffset = this.offset[from]!;
    const permute = <A extends { [i: number]: unknown; slice(a: number, b: number): A }>(a: A) => {
      const old = a.slice(from, from + n);
      for (let k = 0; k < n; k++) a[from + k] = old[order[k]!];
    };
    permute(this.page);
    permute(this.offset);
    permute(this.alive);
    permute(this.ids);
    if (this.partition) permute(this.partition);
    for (const c of this.classes.values()) permute(c.bySlot);
    for (const g of this.groups.values()) permute(g.bySlot);
    for (const f of this.families.values()) if (f.scale) permute(f.scale);
    this.slotOf.remap(from, next);
    // The records follow, so that neighbouring slots are neighbours in the arena too (an
    // evaluation reads the record; measured ~8 % of a vacancy → people query at a million): the
    // fill pass, which reads each record in the new slot order anyway, appends it again.
    if (!this.clusterRecords) return null;
    return {
      firstPage,
      firstOffset,
      totalInts: this.arena.totalInts,
      ...this.arena.cut(firstPage, firstOffset),
    };
  }

  /** Shrinks posting buffers to their lengths (after a bulk load). */
  trim(): void {
    for (const f of this.families.values()) for (const l of f.lists.values()) l.trim();
  }

  private grow(n: number): void {
    if (n <= this.alive.length) return;
    const cap = Math.max(n, Math.ceil(this.alive.length * 1.5));
    const page = new Int32Array(cap);
    page.set(this.page);
    this.page = page;
    const offset = new Int32Array(cap);
    offset.set(this.offset);
    this.offset = offset;
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    this.alive = alive;
    if (this.partition) {
      const partition = new Uint8Array(cap);
      partition.set(this.partition);
      this.partition = partition;
    }
    for (const f of this.families.values()) if (f.scale) f.ensureScale(cap);
    for (const c of this.classes.values()) c.grow(cap);
    for (const g of this.groups.values()) g.grow(cap);
  }

  /** Approximate bytes held (records, lists, columns). */
  bytes(): number {
    let n = this.arena.bytes() + this.page.byteLength + this.offset.byteLength + this.alive.byteLength;
    for (const c of this.classes.values()) n += c.bySlot.byteLength;
    for (const g of this.groups.values()) n += g.bytes();
    if (this.partition) n += this.partition.byteLength;
    for (const f of this.families.values()) n += f.bytes();
    return n;
  }

  postings(): number {
    let n = 0;
    for (const f of this.families.values()) n += f.postings();
    return n;
  }
}
