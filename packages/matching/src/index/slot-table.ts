/**
 * Document id → slot, for one collection: an open-addressing table of slots (linear probing)
 * whose keys are read from the collection's `ids` array. A few bytes per document instead of a
 * `Map` entry per id (~50 bytes at a million documents), plus one byte per entry of the id's
 * hash, so that a probe reads an id (a random access into the heap) only when that byte matches:
 * a bulk load of new ids then almost never reads one. The subset of the `Map` API the
 * callers use: `get`, `has`, `set`, `delete`, `size`, `keys()`.
 */
export class SlotTable {
  private table = new Int32Array(64).fill(EMPTY);
  /** Per table entry: 8 bits of its id's hash, so that a probe reads the id only when they match. */
  private tags = new Uint8Array(64);
  private mask = 63;
  private used = 0;
  /** Live entries. */
  size = 0;
  /** The id of the last `get` and its hash. */
  private lastId = '';
  private lastHash = 0;

  /** `ids[slot]` is the id stored at `slot` (the collection's array, shared). */
  constructor(private readonly ids: () => readonly (string | undefined)[]) {}

  get(id: string): number | undefined {
    const ids = this.ids();
    const h = hash(id);
    this.lastId = id;
    this.lastHash = h;
    const tag = h >>> 24;
    let i = h & this.mask;
    for (;;) {
      const slot = this.table[i]!;
      if (slot === EMPTY) return undefined;
      if (slot !== DELETED && this.tags[i] === tag && ids[slot] === id) return slot;
      i = (i + 1) & this.mask;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Maps `id` to `slot` (`ids[slot]` must already be `id`); replaces an earlier slot of it. */
  set(id: string, slot: number): this {
    this.delete(id);
    this.insert(id, slot);
    return this;
  }

  /**
   * Maps `id`, which is not in the table, to `slot` (`ids[slot]` must already be `id`): one
   * probe, and no hashing when the last `get` was for the same id (a put asks first).
   */
  insert(id: string, slot: number): void {
    if ((this.used + 1) * 2 > this.table.length) this.rehash();
    const h = id === this.lastId ? this.lastHash : hash(id);
    let i = h & this.mask;
    while (this.table[i] !== EMPTY && this.table[i] !== DELETED) i = (i + 1) & this.mask;
    if (this.table[i] === EMPTY) this.used++;
    this.table[i] = slot;
    this.tags[i] = h >>> 24;
    this.size++;
  }

  delete(id: string): boolean {
    const ids = this.ids();
    const h = hash(id);
    const tag = h >>> 24;
    let i = h & this.mask;
    for (;;) {
      const slot = this.table[i]!;
      if (slot === EMPTY) return false;
      if (slot !== DELETED && this.tags[i] === tag && ids[slot] === id) {
        this.table[i] = DELETED;
        this.size--;
        return true;
      }
      i = (i + 1) & this.mask;
    }
  }

  /**
   * Moves the ids at slots `from..from + moved.length` to the slots `from + moved[slot - from]`
   * (the collection's `ids` must already hold them there): no id is hashed or read.
   */
  remap(from: number, moved: Int32Array): void {
    const to = from + moved.length;
    const table = this.table;
    for (let i = 0; i < table.length; i++) {
      const slot = table[i]!;
      if (slot >= from && slot < to) table[i] = from + moved[slot - from]!;
    }
  }

  /** The ids, in table order. */
  *keys(): IterableIterator<string> {
    const ids = this.ids();
    for (let i = 0; i < this.table.length; i++) {
      const slot = this.table[i]!;
      if (slot >= 0) yield ids[slot]!;
    }
  }

  /** Rebuilds the table for the live entries (dropping tombstones), growing it when needed. */
  private rehash(): void {
    const old = this.table;
    let capacity = this.table.length;
    // At most half full after it (a full table doubles: a quarter to half full until the next).
    while ((this.size + 1) * 3 > capacity) capacity *= 2;
    const ids = this.ids();
    this.table = new Int32Array(capacity).fill(EMPTY);
    this.tags = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.used = 0;
    for (let j = 0; j < old.length; j++) {
      const slot = old[j]!;
      if (slot < 0) continue;
      const h = hash(ids[slot]!);
      let i = h & this.mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & this.mask;
      this.table[i] = slot;
      this.tags[i] = h >>> 24;
      this.used++;
    }
  }
}

const EMPTY = -1;
const DELETED = -2;

/** FNV-1a over the id's UTF-16 code units, mixed. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}
