import { Arena, type RecordView } from '../features/arena';
import type { Criterion, CriterionContext, PostingSink } from '../criteria/criterion';
import { PostingFamily, type PostingList } from './postings';

/** A bulk load flushes its pending postings into the lists every this many postings. */
const BULK_FLUSH = 1 << 22;

/** How a collection posts its documents: the criteria sets that read this side. */
export type Poster<V> = (view: V, sink: PostingSink, ctx: CriterionContext) => void;

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

/**
 * The documents of one kind: records in an arena, slots, ids, liveness, and posting lists.
 * A change appends a new record under a new slot and retires the old slot, so posting lists
 * stay sorted by slot without moving anything.
 */
export class Collection<V extends RecordView> {
  readonly arena = new Arena();
  readonly families = new Map<string, PostingFamily>();
  readonly slotOf = new Map<string, number>();
  ids: string[] = [];
  page = new Int32Array(1024);
  offset = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /** Slots ever used. */
  slots = 0;
  /** Live documents. */
  size = 0;
  /** Every posting list, by id. */
  private readonly registry: PostingList[] = [];
  private bulk = false;
  private pendingIds = new Int32Array(0);
  private pendingSlots = new Int32Array(0);
  private pendingImpacts = new Float32Array(0);
  private pendingCount = 0;
  private readonly sink: PostingSink & { slot: number; mode: 'add' | 'retire' };
  private readonly cursor: V;

  constructor(
    readonly newView: () => V,
    private readonly poster: Poster<V>,
  ) {
    const alive = () => this.alive;
    const bulk = () => this.bulk;
    const pend = (list: PostingList, slot: number, impact: number) => this.pend(list, slot, impact);
    const familyOf = (name: string) => this.family(name);
    const scaleCapacity = () => this.alive.length;
    let lastName = '';
    let lastFamily: PostingFamily | undefined;
    this.cursor = newView();
    this.sink = {
      slot: 0,
      mode: 'add',
      add(family, key) {
        // Consecutive adds usually go to the same family: skip the map lookup then.
        let f = lastFamily;
        if (family !== lastName || !f) {
          f = lastFamily = familyOf(family);
          lastName = family;
        }
        const scale = f.scale ? f.scale[this.slot]! : 0;
        const list = f.listFor(key, scale);
        if (this.mode === 'add') {
          if (bulk()) pend(list, this.slot, scale);
          else list.push(this.slot, scale);
          if (scale > list.maxScale) list.maxScale = scale;
        } else {
          list.dead++;
          if (list.dead > 32 && list.dead * 2 > list.length) list.compact(alive());
        }
      },
      scale(family, value) {
        if (this.mode !== 'add') return;
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
    return view.at(this.arena.pages[p]!, this.arena.floatPages[p]!, this.offset[slot]!);
  }

  /** Adds or replaces the document `id` with an encoded record; returns its slot. */
  put(id: string, record: Int32Array, ctx: CriterionContext): number {
    this.remove(id, ctx);
    const slot = this.slots++;
    this.grow(this.slots);
    const where = this.arena.append(record);
    this.page[slot] = where.page;
    this.offset[slot] = where.offset;
    this.alive[slot] = 1;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    this.size++;
    this.sink.slot = slot;
    this.sink.mode = 'add';
    this.poster(this.at(this.cursor, slot), this.sink, ctx);
    return slot;
  }

  /** Removes the document `id`; false when it was not there. */
  remove(id: string, ctx: CriterionContext): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.flush();
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.size--;
    this.sink.slot = slot;
    this.sink.mode = 'retire';
    this.poster(this.at(this.cursor, slot), this.sink, ctx);
    return true;
  }

  /**
   * Starts a bulk load: postings are buffered and written into exactly sized lists in a few
   * passes, instead of growing each list one posting at a time.
   */
  beginBulk(): void {
    this.bulk = true;
  }

  /** Ends a bulk load: flushes and trims. */
  endBulk(): void {
    this.flushPending(true);
    this.bulk = false;
    this.trim();
  }

  /** Writes buffered postings into their lists (queries and removals call this first). */
  flush(): void {
    if (this.pendingCount > 0) this.flushPending(false);
  }

  private pend(list: PostingList, slot: number, impact: number): void {
    if (this.pendingCount === this.pendingIds.length) {
      if (this.pendingCount >= BULK_FLUSH) this.flushPending(false);
      else {
        const cap = Math.min(BULK_FLUSH, Math.max(1024, this.pendingIds.length * 2));
        const ids = new Int32Array(cap);
        ids.set(this.pendingIds);
        this.pendingIds = ids;
        const slots = new Int32Array(cap);
        slots.set(this.pendingSlots);
        this.pendingSlots = slots;
        const impacts = new Float32Array(cap);
        impacts.set(this.pendingImpacts);
        this.pendingImpacts = impacts;
      }
    }
    list.pending++;
    this.pendingIds[this.pendingCount] = list.id;
    this.pendingImpacts[this.pendingCount] = impact;
    this.pendingSlots[this.pendingCount++] = slot;
  }

  private flushPending(exact: boolean): void {
    const n = this.pendingCount;
    if (n === 0) return;
    const registry = this.registry;
    for (const list of registry) {
      if (list.pending > 0) {
        list.reserve(list.pending, exact);
        list.pending = 0;
      }
    }
    const ids = this.pendingIds;
    const slots = this.pendingSlots;
    const impacts = this.pendingImpacts;
    for (let i = 0; i < n; i++) {
      const list = registry[ids[i]!]!;
      if (list.impacts) list.impacts[list.length] = impacts[i]!;
      list.docs[list.length++] = slots[i]!;
    }
    this.pendingCount = 0;
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
    for (const f of this.families.values()) if (f.scale) f.ensureScale(cap);
  }

  /** Approximate bytes held (records, lists, columns). */
  bytes(): number {
    let n = this.arena.bytes() + this.page.byteLength + this.offset.byteLength + this.alive.byteLength;
    for (const f of this.families.values()) n += f.bytes();
    return n;
  }

  postings(): number {
    let n = 0;
    for (const f of this.families.values()) n += f.postings();
    return n;
  }
}
