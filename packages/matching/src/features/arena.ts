/**
 * Append-only storage for variable-length integer records, in pages so that growth never
 * copies what is already stored. A record never straddles two pages. Floats are stored in
 * the same slots through a Float32Array alias of each page.
 */
export class Arena {
  readonly pages: Int32Array[] = [];
  readonly floatPages: Float32Array[] = [];
  /** The same pages as 16-bit halves (lists packed two items per int, e.g. a person's skills). */
  readonly u16Pages: Uint16Array[] = [];
  private page = -1;
  private used = 0;
  /** Ints ever appended (including superseded records), for compaction decisions. */
  totalInts = 0;

  constructor(readonly pageInts = 1 << 20) {}

  /** The page of the last record appended. */
  lastPage = -1;

  /** Copies `record` in and returns its offset in page `lastPage`. */
  append(record: Int32Array): number {
    const n = record.length;
    const current = this.pages[this.page];
    if (!current || this.used + n > current.length) {
      const size = Math.max(this.pageInts, n);
      const buffer = new ArrayBuffer(size * 4);
      this.pages.push(new Int32Array(buffer));
      this.floatPages.push(new Float32Array(buffer));
      this.u16Pages.push(new Uint16Array(buffer));
      this.page = this.pages.length - 1;
      this.used = 0;
    }
    const target = this.pages[this.page]!;
    target.set(record, this.used);
    const offset = this.used;
    this.used += n;
    this.totalInts += n;
    this.lastPage = this.page;
    return offset;
  }

  /**
   * Drops every record appended from `offset` of page `page` on and returns them, to be appended
   * again in another order (`appendFrom`): item `i` is the old page `page + i` (with its float and
   * 16-bit aliases), the first one a copy of its part from `offset` (which then starts at 0).
   * `totalInts` is left as it was (the records come back).
   */
  cut(page: number, offset: number): { i32: Int32Array[]; f32: Float32Array[]; u16: Uint16Array[] } {
    const i32 = this.pages.slice(page);
    const f32 = this.floatPages.slice(page);
    const u16 = this.u16Pages.slice(page);
    const first = i32[0]!.slice(offset);
    i32[0] = first;
    f32[0] = new Float32Array(first.buffer);
    u16[0] = new Uint16Array(first.buffer);
    this.pages.length = page + 1;
    this.floatPages.length = page + 1;
    this.u16Pages.length = page + 1;
    this.page = page;
    this.used = offset;
    this.lastPage = page;
    return { i32, f32, u16 };
  }

  /** Appends `length` ints of `src` from `at` (a record held elsewhere); returns its offset in page `lastPage`. */
  appendFrom(src: Int32Array, at: number, length: number): number {
    const current = this.pages[this.page];
    if (!current || this.used + length > current.length) return this.append(src.subarray(at, at + length));
    const offset = this.used;
    for (let i = 0; i < length; i++) current[offset + i] = src[at + i]!;
    this.used += length;
    this.totalInts += length;
    this.lastPage = this.page;
    return offset;
  }

  /** Bytes held by the pages. */
  bytes(): number {
    let total = 0;
    for (const p of this.pages) total += p.byteLength;
    return total;
  }
}

/** The scratch buffer every writer uses (JavaScript is single-threaded; a record is written at once). */
let shared = new Int32Array(4096);
let sharedFloats = new Float32Array(shared.buffer);
let sharedU16 = new Uint16Array(shared.buffer);
/** Views of `shared` by length, handed out by `finish(true)` (one allocation per length, not per record). */
let sharedViews: (Int32Array | undefined)[] = [];

/**
 * A record being written: ints and float32s share one buffer, as in the arena. Writers share
 * one scratch buffer, so only `finish` allocates (the copy it returns).
 */
export class RecordWriter {
  private length: number;
  private lists = 0;

  /** `headerInts` scalar slots, then `listCount + 1` list offsets, then the lists' items. */
  constructor(
    private readonly headerInts: number,
    private readonly listCount: number,
  ) {
    this.length = 0;
    this.begin();
  }

  /** Starts a new record (a writer may be reused: one per kind of record is enough). */
  begin(): this {
    this.length = this.headerInts + this.listCount + 1;
    this.lists = 0;
    this.ensure(this.length);
    shared.fill(0, 0, this.length);
    shared[this.headerInts] = this.length;
    return this;
  }

  /** The buffer being written, as ints (header slots may be set directly; valid until `finish`). */
  get ints(): Int32Array {
    return shared;
  }

  /** The same buffer as float32s. */
  get floats(): Float32Array {
    return sharedFloats;
  }

  int(slot: number, value: number): this {
    shared[slot] = value;
    return this;
  }

  float(slot: number, value: number): this {
    sharedFloats[slot] = value;
    return this;
  }

  /** Appends one item to the list being written. */
  push(value: number): this {
    if (this.length === shared.length) this.ensure(this.length + 1);
    shared[this.length++] = value;
    return this;
  }

  /** Closes the list being written (lists are written in order). */
  endList(): this {
    this.lists++;
    shared[this.headerInts + this.lists] = this.length;
    return this;
  }

  /**
   * Appends a list of 16-bit items packed two per int (`items` in 0..65535; readers index the
   * record's `u16` alias from `2 × start`; an odd count leaves one 0 half at the end).
   */
  u16List(items: ArrayLike<number>, count = items.length): this {
    const ints = (count + 1) >> 1;
    this.ensure(this.length + ints);
    shared[this.length + ints - 1] = 0;
    const at = 2 * this.length;
    for (let i = 0; i < count; i++) sharedU16[at + i] = items[i] as number;
    this.length += ints;
    return this.endList();
  }

  /** Appends a whole list (its first `count` items). */
  list(items: ArrayLike<number>, count = items.length): this {
    this.ensure(this.length + count);
    for (let i = 0; i < count; i++) shared[this.length + i] = items[i] as number;
    this.length += count;
    return this.endList();
  }

  /**
   * The record: a copy, or with `transient` a view of the shared scratch buffer, valid only
   * until the next record is written (for callers that copy it at once, like the arena).
   */
  finish(transient = false): Int32Array {
    if (this.lists !== this.listCount)
      throw new Error(`record has ${this.lists} lists, expected ${this.listCount}`);
    if (!transient) return shared.slice(0, this.length);
    return (sharedViews[this.length] ??= shared.subarray(0, this.length));
  }

  private ensure(n: number): void {
    if (n <= shared.length) return;
    const next = new Int32Array(Math.max(n, shared.length * 2));
    next.set(shared);
    shared = next;
    sharedFloats = new Float32Array(next.buffer);
    sharedU16 = new Uint16Array(next.buffer);
    sharedViews = [];
  }
}

/**
 * Marks ids as seen, for de-duplicating short lists in O(n) without a Set: `mark(id)` is true
 * the first time an id is marked since the last `reset()`.
 */
export class Marks {
  private stamps = new Int32Array(1024);
  private stamp = 1;

  reset(): void {
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Marks `id`; false when it was already marked since the last reset. */
  mark(id: number): boolean {
    if (id >= this.stamps.length) {
      const next = new Int32Array(Math.max(id + 1, this.stamps.length * 2));
      next.set(this.stamps);
      this.stamps = next;
    }
    if (this.stamps[id] === this.stamp) return false;
    this.stamps[id] = this.stamp;
    return true;
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.stamp;
  }
}

/** Reads one record: the base class of the per-kind views. Move it with `at`. */
export class RecordView {
  i32: Int32Array;
  f32: Float32Array;
  /** The same record as 16-bit halves (item `2 × i` and `2 × i + 1` share int `i`). */
  u16: Uint16Array;
  base = 0;

  constructor(
    protected readonly listsAt: number,
    protected readonly listCount: number,
    record?: Int32Array,
  ) {
    const r = record ?? new Int32Array(listsAt + listCount + 1).fill(listsAt + listCount + 1, listsAt);
    this.i32 = r;
    this.f32 = new Float32Array(r.buffer, r.byteOffset, r.length);
    this.u16 = new Uint16Array(r.buffer, r.byteOffset, 2 * r.length);
  }

  /** Points the view at a record in an arena page. */
  at(i32: Int32Array, f32: Float32Array, u16: Uint16Array, base: number): this {
    this.i32 = i32;
    this.f32 = f32;
    this.u16 = u16;
    this.base = base;
    return this;
  }

  /** First item index of list `l` in `i32`. */
  start(l: number): number {
    return this.base + this.i32[this.base + this.listsAt + l]!;
  }

  /** One past the last item index of list `l` in `i32`. */
  end(l: number): number {
    return this.base + this.i32[this.base + this.listsAt + l + 1]!;
  }

  /** Whether list `l` contains `value`. */
  has(l: number, value: number): boolean {
    const e = this.end(l);
    for (let i = this.start(l); i < e; i++) if (this.i32[i] === value) return true;
    return false;
  }

  /** Whether lists `l` of this record and `m` of `other` share a value. */
  intersects(l: number, other: RecordView, m: number): boolean {
    const e = this.end(l);
    for (let i = this.start(l); i < e; i++) if (other.has(m, this.i32[i]!)) return true;
    return false;
  }

  /** Copies list `l` out (for explanations and tests; not for hot paths). */
  list(l: number): number[] {
    return Array.from(this.i32.subarray(this.start(l), this.end(l)));
  }

  /** The record's length in ints. */
  get recordLength(): number {
    return this.i32[this.base + this.listsAt + this.listCount]!;
  }

  /** A copy of the whole record. */
  copyRecord(): Int32Array {
    const length = this.i32[this.base + this.listsAt + this.listCount]!;
    return this.i32.slice(this.base, this.base + length);
  }
}
