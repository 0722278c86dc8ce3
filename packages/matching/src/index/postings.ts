/**
 * Posting lists: for one (family, key), the slots of the documents in it, ascending (slots only
 * grow, so appends keep the order). Removed documents stay until the list is compacted, which
 * happens per list once half of it is dead — never a full rebuild for one change.
 */
export class PostingList {
  docs: Int32Array;
  length = 0;
  dead = 0;
  /** Postings waiting in a bulk load. */
  pending = 0;
  /** Largest scale of a document in the list (scaled families); stays an upper bound after removals. */
  maxScale = 0;

  constructor(
    readonly id: number,
    capacity = 4,
  ) {
    this.docs = new Int32Array(capacity);
  }

  push(slot: number): void {
    if (this.length === this.docs.length) {
      const next = new Int32Array(Math.max(8, Math.ceil(this.docs.length * 1.5)));
      next.set(this.docs);
      this.docs = next;
    }
    this.docs[this.length++] = slot;
  }

  /** Drops dead slots. */
  compact(alive: Uint8Array, scale: Float32Array | null): void {
    let w = 0;
    let max = 0;
    for (let i = 0; i < this.length; i++) {
      const d = this.docs[i]!;
      if (alive[d] === 1) {
        this.docs[w++] = d;
        if (scale && scale[d]! > max) max = scale[d]!;
      }
    }
    this.length = w;
    this.dead = 0;
    if (scale) this.maxScale = max;
    if (this.docs.length > 16 && w < this.docs.length / 2) this.docs = this.docs.slice(0, Math.max(8, w));
  }

  /** Makes room for `n` more postings (exactly, or with slack for more loads to come). */
  reserve(n: number, exact: boolean): void {
    const need = this.length + n;
    if (this.docs.length >= need) return;
    const next = new Int32Array(exact ? need : Math.max(need, Math.ceil(this.docs.length * 1.5)));
    next.set(this.docs.subarray(0, this.length));
    this.docs = next;
  }

  /** Shrinks the buffer to the length (after a bulk load). */
  trim(): void {
    if (this.docs.length !== this.length) this.docs = this.docs.slice(0, this.length);
  }
}

const DENSE_KEYS = 1 << 21;

/** The lists of one family, and the per-document scale when the family is scaled. */
export class PostingFamily {
  /** Every list of the family, by key. */
  readonly lists = new Map<number, PostingList>();
  /** The same lists for small keys, in an array (faster than the map at index time). */
  private readonly dense: (PostingList | undefined)[] = [];
  scale: Float32Array | null = null;

  constructor(
    readonly name: string,
    private readonly registry: PostingList[],
  ) {}

  list(key: number): PostingList {
    const small = key >= 0 && key < DENSE_KEYS;
    let l = small ? this.dense[key] : this.lists.get(key);
    if (!l) {
      l = new PostingList(this.registry.length, 0);
      this.registry.push(l);
      this.lists.set(key, l);
      if (small) {
        while (this.dense.length <= key) this.dense.push(undefined);
        this.dense[key] = l;
      }
    }
    return l;
  }

  ensureScale(capacity: number): Float32Array {
    if (!this.scale || this.scale.length < capacity) {
      const next = new Float32Array(capacity);
      if (this.scale) next.set(this.scale);
      this.scale = next;
    }
    return this.scale;
  }

  postings(): number {
    let n = 0;
    for (const l of this.lists.values()) n += l.length;
    return n;
  }

  bytes(): number {
    let n = this.scale ? this.scale.byteLength : 0;
    for (const l of this.lists.values()) n += l.docs.byteLength + 64;
    return n;
  }
}
