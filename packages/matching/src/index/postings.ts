/**
 * Posting lists: for one (family, key), the slots of the documents in it, ascending (slots only
 * grow, so appends keep the order). Removed documents stay until the list is compacted, which
 * happens per list once half of it is dead — never a full rebuild for one change.
 */
export class PostingList {
  docs: Int32Array;
  /** In a scaled family, each document's scale beside its slot (read sequentially, not by slot). */
  /** Codes of the scales (`encodeScale`), rounded up: they only ever feed upper bounds. */
  impacts: Uint16Array | null;
  length = 0;
  dead = 0;
  /** Largest scale of a document in the list (scaled families); stays an upper bound after removals. */
  maxScale = 0;
  /**
   * When the list is long and its collection partitions documents (by region): the postings
   * `[0, segments[PARTITIONS])` are grouped by partition, partition `p` at
   * `[segments[p], segments[p + 1])`, each in slot order; postings appended since are after them,
   * in slot order. A pass that only cares about some documents can skip whole partitions.
   */
  segments: Int32Array | null = null;

  constructor(
    readonly id: number,
    capacity = 4,
    scaled = false,
  ) {
    this.docs = new Int32Array(capacity);
    this.impacts = scaled ? new Uint16Array(capacity) : null;
  }

  push(slot: number, impact: number): void {
    if (this.length === this.docs.length) this.resize(Math.max(8, Math.ceil(this.docs.length * 1.5)));
    if (this.impacts) this.impacts[this.length] = encodeScale(impact);
    this.docs[this.length++] = slot;
  }

  /** Groups the postings by partition (a stable counting sort), when the list has at least `min`. */
  segment(partition: Uint8Array, min: number): void {
    const n = this.length;
    if (n < min || n === 0) {
      this.segments = null;
      return;
    }
    const starts = new Int32Array(PARTITIONS + 1);
    const docs = this.docs;
    for (let i = 0; i < n; i++) starts[partition[docs[i]!]! + 1]!++;
    for (let p = 0; p < PARTITIONS; p++) starts[p + 1]! += starts[p]!;
    if (sortDocs.length < n) {
      sortDocs = new Int32Array(Math.max(n, sortDocs.length * 2));
      sortImpacts = new Uint16Array(sortDocs.length);
    }
    const cursor = starts.slice(0, PARTITIONS);
    const impacts = this.impacts;
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      const at = cursor[partition[d]!]!++;
      sortDocs[at] = d;
      if (impacts) sortImpacts[at] = impacts[i]!;
    }
    docs.set(sortDocs.subarray(0, n));
    if (impacts) impacts.set(sortImpacts.subarray(0, n));
    this.segments = starts;
  }

  /** Drops dead slots (and groups the rest by partition again when it was grouped). */
  compact(alive: Uint8Array, partition?: Uint8Array, min = 0): void {
    let w = 0;
    let max = 0;
    const impacts = this.impacts;
    for (let i = 0; i < this.length; i++) {
      const d = this.docs[i]!;
      if (alive[d] === 1) {
        this.docs[w] = d;
        if (impacts) {
          impacts[w] = impacts[i]!;
          if (SCALE_DECODE[impacts[i]!]! > max) max = SCALE_DECODE[impacts[i]!]!;
        }
        w++;
      }
    }
    this.length = w;
    this.dead = 0;
    if (impacts) this.maxScale = max;
    if (this.docs.length > 16 && w < this.docs.length / 2) this.resize(Math.max(8, w));
    if (this.segments) {
      if (partition) this.segment(partition, min);
      else this.segments = null;
    }
  }

  /** Shrinks the buffers to the length (after a bulk load). */
  trim(): void {
    if (this.docs.length !== this.length) this.resize(this.length);
  }

  private resize(capacity: number): void {
    const docs = new Int32Array(capacity);
    docs.set(this.docs.subarray(0, Math.min(this.length, capacity)));
    this.docs = docs;
    if (this.impacts) {
      const impacts = new Uint16Array(capacity);
      impacts.set(this.impacts.subarray(0, Math.min(this.length, capacity)));
      this.impacts = impacts;
    }
  }
}

const DENSE_KEYS = 1 << 21;

/** Documents of a collection fall into this many partitions (by region; see `Collection`). */
export const PARTITIONS = 64;
let sortDocs = new Int32Array(0);
let sortImpacts = new Uint16Array(0);

/** Float32 values of the 16-bit scale codes (the upper half of a float32's bits). */
export const SCALE_DECODE = new Float32Array(new Uint32Array(65536).map((_, code) => code << 16).buffer);

/**
 * The 16-bit code of a non-negative scale, rounded up (8 bits of mantissa kept, relative error
 * below 1 %): scales only feed the bounds of posting lists, never an exact score, so a bound
 * stays a bound, at 2 bytes a posting instead of 4.
 */
export function encodeScale(scale: number): number {
  if (!(scale > 0)) return 0;
  scaleScratch[0] = scale;
  const bits = scaleBits[0]!;
  const code = (bits >>> 16) + ((bits & 0xffff) !== 0 ? 1 : 0);
  return Math.min(code, 0x7f7f);
}
const scaleScratch = new Float32Array(1);
const scaleBits = new Uint32Array(scaleScratch.buffer);
/** Scaled families split each list into this many tiers of document scale, for tight bounds. */
export const SCALE_TIERS = 8;

/** The tier of a scale: 0 for (1/2, ∞), 1 for (1/4, 1/2], ... 7 for the smallest. */
export function scaleTier(scale: number): number {
  if (!(scale > 0)) return SCALE_TIERS - 1;
  return Math.min(SCALE_TIERS - 1, Math.max(0, Math.floor(-Math.log2(scale))));
}

/**
 * The lists of one family, and the per-document scale when the family is scaled. In a scaled
 * family a key's documents are split by scale tier (see `listsOf`), so that a list of documents
 * with small scales has a small bound instead of the bound of the family's largest scale.
 */
export class PostingFamily {
  /** Every list of the family, by key. */
  readonly lists = new Map<number, PostingList>();
  /**
   * List id + 1 by key for small keys (0 = none): faster than the map at index time. One array
   * per tier in a scaled family (tier 0 only otherwise): a document's postings in a scaled family
   * share its tier, so a bulk load reads one tier's array (~4 bytes per key) instead of
   * jumping through one interleaving all eight.
   */
  private readonly denseIds: Int32Array[] = Array.from({ length: SCALE_TIERS }, () => new Int32Array(0));
  scale: Float32Array | null = null;

  constructor(
    readonly name: string,
    private readonly registry: PostingList[],
  ) {}

  /** Per key of a scaled family: its tiers' lists, found once (a query asks for hundreds of keys). */
  private readonly tiered = new Map<number, readonly PostingList[]>();

  /** The lists holding a key's documents (one, or one per tier); a list may be empty. */
  listsOf(key: number): readonly PostingList[] {
    if (!this.scale) {
      const l = this.find(key);
      return l ? [l] : [];
    }
    let lists = this.tiered.get(key);
    if (!lists) {
      const found: PostingList[] = [];
      for (let t = 0; t < SCALE_TIERS; t++) {
        const l = this.find(key * SCALE_TIERS + t);
        if (l) found.push(l);
      }
      lists = found;
      this.tiered.set(key, lists);
    }
    return lists;
  }

  /** The list of an internal key (with its tier in a scaled family), if any. */
  private find(k: number): PostingList | undefined {
    if (k >= 0 && k < DENSE_KEYS) {
      const dense = this.denseIds[this.scale ? k % SCALE_TIERS : 0]!;
      const key = this.scale ? Math.floor(k / SCALE_TIERS) : k;
      const id = key < dense.length ? dense[key]! : 0;
      return id > 0 ? this.registry[id - 1] : undefined;
    }
    return this.lists.get(k);
  }

  /** The list a document with this key (and scale, in a scaled family) goes into. */
  listFor(key: number, scale: number): PostingList {
    return this.registry[this.idFor(key, scale)]!;
  }

  /**
   * The id (in the collection's registry) of the list a document with this key and scale goes
   * into, creating the list when new. Small keys go through a typed array, not the map.
   */
  idFor(key: number, scale: number): number {
    return this.idForTier(
      key,
      this.scale ? (scale === this.lastScale ? this.lastTier : this.tierOf(scale)) : 0,
    );
  }

  /**
   * The tier of the document at `slot` in a scaled family (0 otherwise). A bulk load asks by slot
   * rather than by scale: a float crossing a call is boxed, one allocation per posting.
   */
  tierAt(slot: number): number {
    if (!this.scale) return 0;
    const scale = this.scale[slot]!;
    return scale === this.lastScale ? this.lastTier : this.tierOf(scale);
  }

  /** The scale code (`encodeScale`) of the document at `slot` in a scaled family (0 otherwise). */
  codeAt(slot: number): number {
    return this.scale ? encodeScale(this.scale[slot]!) : 0;
  }

  /** `idFor` with the tier of the scale (`tierAt`). */
  idForTier(key: number, tier: number): number {
    const dense = this.denseIds[tier]!;
    if (key >= 0 && key < dense.length) {
      const id = dense[key]!;
      if (id > 0) return id - 1;
    }
    return this.create(this.scale ? key * SCALE_TIERS + tier : key);
  }

  private lastScale = Number.NaN;
  private lastTier = 0;

  private tierOf(scale: number): number {
    this.lastScale = scale;
    this.lastTier = scaleTier(scale);
    return this.lastTier;
  }

  private create(key: number): number {
    let l = this.lists.get(key);
    if (!l) {
      if (this.scale) this.tiered.delete(Math.floor(key / SCALE_TIERS));
      l = new PostingList(this.registry.length, 0, this.scale !== null);
      this.registry.push(l);
      this.lists.set(key, l);
    }
    if (key >= 0 && key < DENSE_KEYS) {
      const tier = this.scale ? key % SCALE_TIERS : 0;
      const k = this.scale ? Math.floor(key / SCALE_TIERS) : key;
      let dense = this.denseIds[tier]!;
      if (k >= dense.length) {
        const cap = this.scale ? DENSE_KEYS / SCALE_TIERS : DENSE_KEYS;
        const next = new Int32Array(Math.min(cap, Math.max(k + 1, dense.length * 2, 64)));
        next.set(dense);
        this.denseIds[tier] = dense = next;
      }
      dense[k] = l.id + 1;
    }
    return l.id;
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
    for (const l of this.lists.values())
      n += l.docs.byteLength + (l.impacts?.byteLength ?? 0) + (l.segments?.byteLength ?? 0) + 64;
    return n;
  }
}
