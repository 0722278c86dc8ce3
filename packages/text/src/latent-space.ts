/**
 * Latent semantic indexing (Deerwester et al. 1990) of concept documents: each concept is the
 * bag of stems of its labels and description, weighted by (1 + log tf) × idf and normalised; a
 * truncated SVD of the concept × term matrix places concepts and terms in a space of `dims`
 * dimensions where words that occur in similar concepts lie close together. A query (its stems)
 * is projected into that space and compared with every concept by cosine, so a title can reach
 * an occupation that shares no word with it but shares the words around it.
 *
 * The SVD is a randomised range finder with power iterations (Halko, Martinsson & Tropp 2011),
 * seeded, so the space is the same at every build. Nothing is downloaded: the space is computed
 * from the taxonomy when the linker is built.
 */

export interface LatentSpaceOptions {
  /** Dimensions kept. Default 64. */
  dims?: number;
  /** Extra random directions for the range finder. Default 10. */
  oversample?: number;
  /** Power iterations. Default 2. */
  powerIterations?: number;
  /** Terms in fewer documents are left out. Default 2. */
  minDocumentFrequency?: number;
  seed?: number;
}

/** A built latent space. */
export class LatentSpace {
  readonly dims: number;
  private readonly termIds: Map<string, number>;
  private readonly idf: Float32Array;
  /** Term vectors V_k (row per term). */
  private readonly termVectors: Float32Array;
  /** Concept vectors A V_k, normalised, row per document. */
  readonly docVectors: Float32Array;
  readonly docCount: number;
  private readonly qv: Float32Array;
  private readonly qd: Float64Array;

  constructor(docs: readonly (readonly string[])[], options: LatentSpaceOptions = {}) {
    const minDf = options.minDocumentFrequency ?? 2;
    const n = docs.length;
    this.docCount = n;
    // Vocabulary and document frequencies.
    const df = new Map<string, number>();
    for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
    this.termIds = new Map();
    const idfList: number[] = [];
    for (const [t, f] of df) {
      if (f < minDf || f > n / 2) continue;
      this.termIds.set(t, idfList.length);
      idfList.push(Math.log(n / f));
    }
    this.idf = Float32Array.from(idfList);
    const V = idfList.length;
    // Sparse rows (CSR) of the weighted, normalised matrix A (n × V).
    const rowStart = new Int32Array(n + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    docs.forEach((d, i) => {
      const counts = new Map<number, number>();
      for (const t of d) {
        const id = this.termIds.get(t);
        if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      let norm = 0;
      const start = cols.length;
      for (const [id, c] of counts) {
        const w = (1 + Math.log(c)) * (this.idf[id] as number);
        cols.push(id);
        vals.push(w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = start; k < vals.length; k++) vals[k] = (vals[k] as number) / norm;
      rowStart[i + 1] = cols.length;
    });
    const colIdx = Int32Array.from(cols);
    const val = Float64Array.from(vals);

    const dims = Math.max(1, Math.min(options.dims ?? 64, n - 1, V - 1));
    const l = Math.min(dims + (options.oversample ?? 10), n, V);
    const random = gaussian(options.seed ?? 17);

    // Y = A Ω (n × l), Ω a V × l Gaussian matrix generated row by row.
    const omega = new Float64Array(V * l);
    for (let i = 0; i < omega.length; i++) omega[i] = random();
    let Y = multiplyA(n, l, rowStart, colIdx, val, omega);
    orthonormalizeColumns(Y, n, l);
    for (let it = 0; it < (options.powerIterations ?? 2); it++) {
      Y = multiplyA(n, l, rowStart, colIdx, val, multiplyAt(n, V, l, rowStart, colIdx, val, Y));
      orthonormalizeColumns(Y, n, l);
    }
    // Z = Aᵀ Q = Bᵀ (V × l); B Bᵀ = Qᵀ A Z (l × l).
    const Z = multiplyAt(n, V, l, rowStart, colIdx, val, Y);
    const W = multiplyA(n, l, rowStart, colIdx, val, Z);
    const M = new Float64Array(l * l);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < l; a++) {
        const q = Y[i * l + a] as number;
        if (q === 0) continue;
        for (let b = 0; b < l; b++) M[a * l + b] = (M[a * l + b] as number) + q * (W[i * l + b] as number);
      }
    const { values, vectors } = symmetricEigen(M, l);
    const order = [...values.keys()].sort((x, y) => (values[y] as number) - (values[x] as number));
    this.dims = dims;
    // Right singular vectors: V_k = Z P with P = U_b Σ⁻¹ (l × dims).
    const projection = new Float64Array(l * dims);
    for (let k = 0; k < dims; k++) {
      const e = order[k] as number;
      const sigma = Math.sqrt(Math.max(values[e] as number, 1e-12));
      for (let a = 0; a < l; a++) projection[a * dims + k] = (vectors[a * l + e] as number) / sigma;
    }
    this.termVectors = Float32Array.from(multiplyDense(Z, V, l, projection, dims));
    // Concept vectors A V_k = W P, normalised.
    this.docVectors = Float32Array.from(multiplyDense(W, n, l, projection, dims));
    for (let i = 0; i < n; i++) {
      let norm = 0;
      for (let k = 0; k < dims; k++) norm += (this.docVectors[i * dims + k] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm > 0)
        for (let k = 0; k < dims; k++)
          this.docVectors[i * dims + k] = (this.docVectors[i * dims + k] as number) / norm;
    }
    this.qv = new Float32Array(dims);
    this.qd = new Float64Array(dims);
  }

  /** Number of terms in the space. */
  get termCount(): number {
    return this.termIds.size;
  }

  /**
   * The normalised latent vector of a bag of terms (each counted once, weighted by idf), or
   * undefined when no term is known. The returned array is reused by the next call.
   */
  embed(terms: readonly string[]): Float32Array | undefined {
    const { qv, dims } = this;
    qv.fill(0);
    let any = false;
    for (const t of new Set(terms)) {
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      any = true;
      const w = this.idf[id] as number;
      for (let k = 0; k < dims; k++)
        qv[k] = (qv[k] as number) + w * (this.termVectors[id * dims + k] as number);
    }
    if (!any) return undefined;
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += (qv[k] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return undefined;
    for (let k = 0; k < dims; k++) qv[k] = (qv[k] as number) / norm;
    return qv;
  }

  /** Cosines of a (normalised) query vector with the documents `docs`, written to `out`; returns the largest. */
  cosines(vector: Float32Array, docs: Int32Array, out: Float32Array): number {
    const d = this.dims;
    const v = this.docVectors;
    const q = this.qd;
    for (let k = 0; k < d; k++) q[k] = vector[k] as number;
    let max = 0;
    for (let i = 0; i < docs.length; i++) {
      let p = (docs[i] as number) * d;
      let s = 0;
      for (let k = 0; k < d; k++, p++) s += (q[k] as number) * (v[p] as number);
      out[i] = s;
      if (s > max) max = s;
    }
    return max;
  }

  /** Bytes held by the space's arrays. */
  get bytes(): number {
    return this.termVectors.byteLength + this.docVectors.byteLength + this.idf.byteLength;
  }
}

/** Dense product of a row-major r × l matrix and an l × d matrix. */
function multiplyDense(X: Float64Array, r: number, l: number, P: Float64Array, d: number): Float64Array {
  const out = new Float64Array(r * d);
  for (let i = 0; i < r; i++)
    for (let a = 0; a < l; a++) {
      const x = X[i * l + a] as number;
      if (x === 0) continue;
      for (let k = 0; k < d; k++) out[i * d + k] = (out[i * d + k] as number) + x * (P[a * d + k] as number);
    }
  return out;
}

function multiplyA(
  n: number,
  l: number,
  rowStart: Int32Array,
  colIdx: Int32Array,
  val: Float64Array,
  X: Float64Array,
): Float64Array {
  const Y = new Float64Array(n * l);
  for (let i = 0; i < n; i++) {
    const yi = i * l;
    for (let p = rowStart[i] as number; p < (rowStart[i + 1] as number); p++) {
      const a = val[p] as number;
      const xj = (colIdx[p] as number) * l;
      for (let c = 0; c < l; c++) Y[yi + c] = (Y[yi + c] as number) + a * (X[xj + c] as number);
    }
  }
  return Y;
}

function multiplyAt(
  n: number,
  V: number,
  l: number,
  rowStart: Int32Array,
  colIdx: Int32Array,
  val: Float64Array,
  Y: Float64Array,
): Float64Array {
  const Z = new Float64Array(V * l);
  for (let i = 0; i < n; i++) {
    const yi = i * l;
    for (let p = rowStart[i] as number; p < (rowStart[i + 1] as number); p++) {
      const a = val[p] as number;
      const zj = (colIdx[p] as number) * l;
      for (let c = 0; c < l; c++) Z[zj + c] = (Z[zj + c] as number) + a * (Y[yi + c] as number);
    }
  }
  return Z;
}

/** Modified Gram–Schmidt on the columns of a row-major n × l matrix (twice, for stability). */
function orthonormalizeColumns(Y: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++)
    for (let c = 0; c < l; c++) {
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += (Y[i * l + c] as number) * (Y[i * l + p] as number);
        for (let i = 0; i < n; i++) Y[i * l + c] = (Y[i * l + c] as number) - dot * (Y[i * l + p] as number);
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += (Y[i * l + c] as number) ** 2;
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) Y[i * l + c] = norm > 1e-12 ? (Y[i * l + c] as number) / norm : 0;
    }
}

/** Eigenvalues and eigenvectors (columns) of a symmetric l × l matrix, cyclic Jacobi. */
function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  for (let i = 0; i < l; i++)
    for (let j = i + 1; j < l; j++) {
      const m = ((a[i * l + j] as number) + (a[j * l + i] as number)) / 2;
      a[i * l + j] = m;
      a[j * l + i] = m;
    }
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < l; i++) for (let j = i + 1; j < l; j++) off += (a[i * l + j] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * l + p] as number;
        const aqq = a[q * l + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p] as number;
          const akq = a[k * l + q] as number;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k] as number;
          const aqk = a[q * l + k] as number;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p] as number;
          const vkq = v[k * l + q] as number;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i] as number;
  return { values, vectors: v };
}

/** A seeded standard normal generator (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const r = spare;
      spare = undefined;
      return r;
    }
    const u = Math.max(uniform(), 1e-12);
    const w = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * w);
    return r * Math.cos(2 * Math.PI * w);
  };
}
