/**
 * Maps strings to dense integer ids (0, 1, 2, ...) and back. An open-addressing table keyed by
 * a hash of the string's length and last characters (the distinctive part of a concept URI:
 * ESCO URIs share a 33-character prefix and end in a random UUID), checked by comparing the
 * stored hash and then the strings: several times faster than a Map on long URIs sharing a
 * prefix. Should many strings share their endings (a probe run gets long), the table switches
 * for good to hashing whole strings, so no input makes it quadratic.
 */
export class Interner {
  readonly values: string[] = [];
  /** Per table slot: the id stored there (-1: empty) and the hash of its string. */
  private table = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(64);
  private mask = 63;
  /** Characters hashed from the end of a string. */
  private tail = TAIL_CHARS;

  constructor(values: Iterable<string> = []) {
    for (const v of values) this.intern(v);
  }

  /** The id of `value`, assigning the next id when it is new. */
  intern(value: string): number {
    return this.internHashed(value, hashTail(value, this.tail));
  }

  /**
   * Interns `values` into `out[0 .. values.length)`. Faster than one `intern` after another on
   * strings that are not in the cache: the lengths and then the hashes are read in tight loops
   * of independent loads (the processor overlaps the memory accesses), the table after.
   */
  internAll(values: readonly string[], out: Int32Array): void {
    const n = values.length;
    if (hashScratch.length < n) hashScratch = new Int32Array(2 * n);
    const hashes = hashScratch;
    const tail = this.tail;
    // The sum is used below, so that the loop reading the lengths is not optimised away.
    let chars = 0;
    for (let k = 0; k < n; k++) chars += values[k]!.length;
    for (let k = 0; k < n; k++) hashes[k] = hashTail(values[k]!, tail);
    let k = 0;
    for (; k < n && this.tail === tail; k++) out[k] = this.internHashed(values[k]!, hashes[k]!);
    // The table switched to whole-string hashing on the way: the hashes left are stale.
    for (; k < n; k++) out[k] = this.intern(values[k]!);
    if (chars < 0) throw new RangeError('negative string length');
  }

  private internHashed(value: string, h: number): number {
    let i = h & this.mask;
    let probes = 0;
    for (;;) {
      const id = this.table[i]!;
      if (id === -1) break;
      if (this.hashes[i] === h && this.values[id] === value) return id;
      i = (i + 1) & this.mask;
      if (++probes === LONG_PROBE_RUN && this.tail !== WHOLE) {
        this.widen();
        return this.intern(value);
      }
    }
    const id = this.values.length;
    this.values.push(value);
    this.table[i] = id;
    this.hashes[i] = h;
    if (this.values.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  /** The id of `value`, or -1 when it was never interned. */
  find(value: string): number {
    const h = hashTail(value, this.tail);
    let i = h & this.mask;
    for (;;) {
      const id = this.table[i]!;
      if (id === -1) return -1;
      if (this.hashes[i] === h && this.values[id] === value) return id;
      i = (i + 1) & this.mask;
    }
  }

  /** The string for an id (throws on an unknown id: it is a programming error). */
  value(id: number): string {
    const v = this.values[id];
    if (v === undefined) throw new RangeError(`unknown id ${id}`);
    return v;
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * A copy with copies of the strings, allocated one after the other (a JSON round trip): the
   * strings a lookup compares with then sit together in memory instead of wherever the input
   * was parsed, which makes interning long URIs about a fifth faster.
   */
  clone(): Interner {
    return new Interner(JSON.parse(JSON.stringify(this.values)) as string[]);
  }

  /** Hashes whole strings from now on (many strings share their endings). */
  private widen(): void {
    this.tail = WHOLE;
    this.rehash(this.table.length);
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      const h = hashTail(this.values[id]!, this.tail);
      let i = h & this.mask;
      while (this.table[i] !== -1) i = (i + 1) & this.mask;
      this.table[i] = id;
      this.hashes[i] = h;
    }
  }
}

let hashScratch = new Int32Array(64);

/** Characters hashed from the end of a string at first: 8 hex digits of a UUID are 32 bits. */
const TAIL_CHARS = 8;
const WHOLE = 0x7fffffff;
/** A probe run this long (expected: 1–2 at the table's load of at most 1/2) widens the hash. */
const LONG_PROBE_RUN = 64;

/** FNV-1a over the length and the last `tail` characters. */
function hashTail(s: string, tail: number): number {
  const n = s.length;
  let h = 2166136261 ^ n;
  for (let i = n > tail ? n - tail : 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}

/** Compressed sparse rows: the neighbours of node `i` are `targets[offsets[i] .. offsets[i+1])`. */
export interface Csr {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Builds a CSR adjacency from edge pairs, dropping duplicate edges, keeping first-seen order. */
export function buildCsr(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Csr {
  const counts = new Int32Array(nodeCount + 1);
  for (let i = 0; i < from.length; i++) counts[(from[i] as number) + 1]!++;
  for (let i = 0; i < nodeCount; i++) counts[i + 1]! += counts[i]!;
  const offsets = counts.slice();
  const fill = counts.slice(0, nodeCount);
  const targets = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const f = from[i] as number;
    targets[fill[f]!++] = to[i] as number;
  }
  // Remove duplicates per row (rows are short).
  let write = 0;
  const out = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) {
    const start = offsets[n]!;
    const end = offsets[n + 1]!;
    out[n] = write;
    for (let i = start; i < end; i++) {
      const t = targets[i]!;
      let dup = false;
      for (let j = out[n]!; j < write; j++) {
        if (targets[j] === t) {
          dup = true;
          break;
        }
      }
      if (!dup) targets[write++] = t;
    }
  }
  out[nodeCount] = write;
  return { offsets: out, targets: targets.slice(0, write) };
}

/** The neighbours of `node` as a view (empty for nodes beyond the CSR). */
export function csrRow(csr: Csr, node: number): Int32Array {
  if (node < 0 || node + 1 >= csr.offsets.length) return new Int32Array(0);
  return csr.targets.subarray(csr.offsets[node]!, csr.offsets[node + 1]!);
}
