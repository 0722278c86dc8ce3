import type { RecordView } from '../features/arena';
import type { Scorer } from '../criteria/criterion';
import type { Collection } from './collection';

/** A scorer and its weight (already normalised); weight 0 means "filter only". */
export interface WeightedScorer<D> {
  scorer: Scorer<D>;
  weight: number;
}

export interface RankRequest<D extends RecordView> {
  collection: Collection<D>;
  scorers: readonly WeightedScorer<D>[];
  /** How many of the best to return (offset + limit of the page). */
  k: number;
  /** Query-time visibility (consent, scoping): false hides a document whatever its score. */
  visible?: (id: string) => boolean;
  /** A cursor over the collection's records. */
  view: D;
}

export interface Ranked {
  slot: number;
  score: number;
}

/** What a query did, for benchmarks and tests of the pruning. */
export interface RankStats {
  lists: number;
  listsProcessed: number;
  postingsTotal: number;
  postingsProcessed: number;
  touched: number;
  evaluated: number;
  scanned: boolean;
}

/** One exact evaluation costs about this many posting updates (measured; see docs/matching.md). */
const EVAL_COST_IN_POSTINGS = 60;

interface PlanState {
  combine: 'sum' | 'max';
  capW: number;
  othW: number;
  acc: Float32Array;
  /** Sum (sum plans) or max (max plans) of the bounds of the lists not processed yet. */
  rem: number;
}

interface ListRef {
  docs: Int32Array;
  length: number;
  w: number;
  scale: Float32Array | null;
  ub: number;
  plan: number;
}

/** Scratch arrays of one collection, reused across queries (queries are synchronous). */
export class RankScratch {
  epoch = 0;
  stamp = new Uint32Array(0);
  evaluated = new Uint32Array(0);
  touched = new Int32Array(0);
  cand = new Int32Array(0);
  ub = new Float32Array(0);
  accs: Float32Array[] = [];

  ensure(slots: number, plans: number): void {
    if (this.stamp.length < slots) {
      const cap = Math.max(slots, Math.ceil(this.stamp.length * 1.5), 1024);
      this.stamp = grow(this.stamp, cap, Uint32Array);
      this.evaluated = grow(this.evaluated, cap, Uint32Array);
      this.touched = new Int32Array(cap);
      this.cand = new Int32Array(cap);
      this.ub = new Float32Array(cap);
      this.accs = this.accs.map((a) => grow(a, cap, Float32Array));
    }
    while (this.accs.length < plans) this.accs.push(new Float32Array(this.stamp.length));
    if (this.epoch >= 0xfffffffe) {
      this.stamp.fill(0);
      this.evaluated.fill(0);
      this.epoch = 0;
    }
  }
}

function grow<T extends Uint32Array | Float32Array>(a: T, cap: number, Ctor: new (n: number) => T): T {
  const next = new Ctor(cap);
  next.set(a);
  return next;
}

/**
 * The top `k` documents by exact score, with upper-bound pruning (a MaxScore variant, term at a
 * time, with per-criterion caps). See docs/matching.md for the algorithm and why it is exact.
 * Ties are broken by slot (insertion order).
 */
export function rankTop<D extends RecordView>(
  req: RankRequest<D>,
  scratch: RankScratch,
  stats?: RankStats,
): Ranked[] {
  const { collection: col, k, view, visible } = req;
  const weighted = req.scorers.filter((s) => s.weight > 0);
  const filters = req.scorers.filter((s) => s.scorer.admits).map((s) => s.scorer);
  const planned = weighted.filter((s) => s.scorer.plan);
  scratch.ensure(col.slots, planned.length);
  const epoch = ++scratch.epoch;
  const { stamp, evaluated, touched, ub } = scratch;
  const alive = col.alive;

  // Plans and lists.
  let base = 0;
  for (const s of weighted) if (!s.scorer.plan) base += s.weight * s.scorer.ceiling;
  const plans: PlanState[] = [];
  const lists: ListRef[] = [];
  planned.forEach((s, pi) => {
    const plan = s.scorer.plan!;
    const state: PlanState = {
      combine: plan.combine,
      capW: s.weight * plan.cap,
      othW: s.weight * plan.otherwise,
      acc: scratch.accs[pi]!,
      rem: 0,
    };
    plans.push(state);
    for (const term of plan.terms) {
      const family = col.families.get(term.family);
      const list = family?.lists.get(term.key);
      if (!family || !list || list.length === 0) continue;
      const w = s.weight * term.weight;
      const bound = w * (term.scaled ? list.maxScale : 1);
      if (bound <= 0) continue;
      lists.push({
        docs: list.docs,
        length: list.length,
        w,
        scale: term.scaled ? family.scale : null,
        ub: bound,
        plan: pi,
      });
      if (plan.combine === 'sum') state.rem += bound;
      else state.rem = Math.max(state.rem, bound);
    }
  });
  // Valuable short lists first: they find good candidates and raise the threshold early.
  lists.sort((a, b) => b.ub / b.length - a.ub / a.length);

  const heapScore = new Float64Array(k);
  const heapSlot = new Int32Array(k);
  let heapSize = 0;
  let nt = 0;
  let evaluatedCount = 0;
  let postingsProcessed = 0;
  let postingsTotal = 0;
  for (const l of lists) postingsTotal += l.length;

  const theta = () => (heapSize < k ? -Infinity : heapScore[0]!);
  const margin = (t: number) => t - 1e-4 * Math.max(1, Math.abs(t));

  const offer = (score: number, slot: number) => {
    if (heapSize < k) {
      let i = heapSize++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(score, slot, heapScore[parent]!, heapSlot[parent]!)) break;
        heapScore[i] = heapScore[parent]!;
        heapSlot[i] = heapSlot[parent]!;
        i = parent;
      }
      heapScore[i] = score;
      heapSlot[i] = slot;
      return;
    }
    if (!worse(heapScore[0]!, heapSlot[0]!, score, slot)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heapSize) break;
      const r = l + 1;
      const c = r < heapSize && worse(heapScore[r]!, heapSlot[r]!, heapScore[l]!, heapSlot[l]!) ? r : l;
      if (!worse(heapScore[c]!, heapSlot[c]!, score, slot)) break;
      heapScore[i] = heapScore[c]!;
      heapSlot[i] = heapSlot[c]!;
      i = c;
    }
    heapScore[i] = score;
    heapSlot[i] = slot;
  };

  const evaluate = (d: number) => {
    if (evaluated[d] === epoch) return;
    evaluated[d] = epoch;
    if (alive[d] !== 1) return;
    col.at(view, d);
    for (let f = 0; f < filters.length; f++) if (!filters[f]!.admits!(view)) return;
    if (visible && !visible(col.ids[d]!)) return;
    evaluatedCount++;
    let s = 0;
    for (let j = 0; j < weighted.length; j++) s += weighted[j]!.weight * weighted[j]!.scorer.score(view);
    offer(s, d);
  };

  const boundOf = (d: number): number => {
    let b = base;
    for (let p = 0; p < plans.length; p++) {
      const st = plans[p]!;
      const a = st.acc[d]!;
      b += st.combine === 'sum' ? Math.min(st.capW, st.othW + a + st.rem) : Math.max(st.othW, a, st.rem);
    }
    return b;
  };

  const untouchedBound = (): number => {
    let b = base;
    for (const st of plans)
      b += st.combine === 'sum' ? Math.min(st.capW, st.othW + st.rem) : Math.max(st.othW, st.rem);
    return b;
  };

  const processed = (l: ListRef) => {
    const st = plans[l.plan]!;
    if (st.combine === 'sum') st.rem = Math.max(0, st.rem - l.ub);
    else {
      st.rem = 0;
      for (let j = next; j < lists.length; j++)
        if (lists[j]!.plan === l.plan && lists[j]!.ub > st.rem) st.rem = lists[j]!.ub;
    }
    postingsProcessed += l.length;
  };

  const accumulate = (l: ListRef, createNew: boolean) => {
    const acc = plans[l.plan]!.acc;
    const docs = l.docs;
    const n = l.length;
    const w = l.w;
    const scale = l.scale;
    const max = plans[l.plan]!.combine === 'max';
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      if (stamp[d] !== epoch) {
        if (!createNew) continue;
        stamp[d] = epoch;
        touched[nt++] = d;
      }
      const c = scale ? w * scale[d]! : w;
      if (max) {
        if (c > acc[d]!) acc[d] = c;
      } else acc[d]! += c;
    }
  };

  // Evaluates the best `m` touched candidates by bound, to raise the threshold early.
  const evaluateTop = (m: number) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < nt; i++) {
      const b = boundOf(touched[i]!);
      ub[i] = b;
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
    const cut = thresholdForTop(ub, nt, lo, hi, m);
    for (let i = 0; i < nt; i++) if (ub[i]! >= cut) evaluate(touched[i]!);
  };

  let next = 0;
  let nextCheck = Math.max(4 * k, 2048);
  while (next < lists.length) {
    const t = theta();
    if (t > -Infinity && untouchedBound() < margin(t)) break;
    const l = lists[next++]!;
    accumulate(l, true);
    processed(l);
    if (nt >= nextCheck) {
      evaluateTop(Math.max(2 * k, 64));
      nextCheck = nt * 4;
    }
  }

  // Cost model: evaluating many loose candidates may cost more than finishing the lists
  // for the documents already touched (no new ones can qualify), which tightens every bound.
  if (next < lists.length) {
    const t = margin(theta());
    let candidates = 0;
    for (let i = 0; i < nt; i++)
      if (evaluated[touched[i]!] !== epoch && boundOf(touched[i]!) >= t) candidates++;
    let remaining = 0;
    for (let j = next; j < lists.length; j++) remaining += lists[j]!.length;
    if (candidates * EVAL_COST_IN_POSTINGS > remaining) {
      while (next < lists.length) {
        const l = lists[next++]!;
        accumulate(l, false);
        processed(l);
      }
    }
  }

  // Final pass: candidates in decreasing bound order, stopping once bounds fall below the threshold.
  {
    let m = 0;
    let hi = -Infinity;
    const t0 = margin(theta());
    const cand = scratch.cand;
    for (let i = 0; i < nt; i++) {
      const d = touched[i]!;
      if (evaluated[d] === epoch) continue;
      const b = boundOf(d);
      if (b < t0) continue;
      cand[m] = d;
      ub[m] = b;
      m++;
      if (b > hi) hi = b;
    }
    const lo = t0 === -Infinity ? minOf(ub, m) : t0;
    const buckets = 64;
    const width = (hi - lo) / buckets || 1;
    const counts = new Int32Array(buckets + 1);
    for (let i = 0; i < m; i++) counts[Math.min(buckets - 1, Math.floor((ub[i]! - lo) / width)) + 1]!++;
    for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
    const order = new Int32Array(m);
    const fill = counts.slice(0, buckets);
    for (let i = 0; i < m; i++) order[fill[Math.min(buckets - 1, Math.floor((ub[i]! - lo) / width))]!++] = i;
    for (let b = buckets - 1; b >= 0; b--) {
      const upper = lo + (b + 1) * width;
      if (upper < margin(theta())) break;
      for (let j = counts[b]!; j < counts[b + 1]!; j++) {
        const i = order[j]!;
        if (ub[i]! >= margin(theta())) evaluate(cand[i]!);
      }
    }
  }

  // Documents no list reached can still qualify when the threshold is low (e.g. fewer than k
  // candidates): scan them. Rare in practice; linear in the collection.
  let scanned = false;
  if (untouchedBound() >= margin(theta())) {
    scanned = true;
    for (let d = 0; d < col.slots; d++) {
      if (stamp[d] === epoch) continue;
      if (heapSize === k && untouchedBound() < margin(theta())) break;
      evaluate(d);
    }
  }

  for (const st of plans) {
    const acc = st.acc;
    for (let i = 0; i < nt; i++) acc[touched[i]!] = 0;
  }

  if (stats) {
    stats.lists = lists.length;
    stats.listsProcessed = next;
    stats.postingsTotal = postingsTotal;
    stats.postingsProcessed = postingsProcessed;
    stats.touched = nt;
    stats.evaluated = evaluatedCount;
    stats.scanned = scanned;
  }

  const out: Ranked[] = [];
  for (let i = 0; i < heapSize; i++) out.push({ slot: heapSlot[i]!, score: heapScore[i]! });
  out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  return out;
}

/** True when (s1, d1) ranks below (s2, d2): lower score, or equal score and later slot. */
function worse(s1: number, d1: number, s2: number, d2: number): boolean {
  return s1 < s2 || (s1 === s2 && d1 > d2);
}

function minOf(a: Float32Array, n: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) if (a[i]! < m) m = a[i]!;
  return m === Infinity ? 0 : m;
}

/** A value such that about `m` of the first `n` entries are at or above it (histogram, O(n)). */
function thresholdForTop(values: Float32Array, n: number, lo: number, hi: number, m: number): number {
  if (n <= m || !(hi > lo)) return -Infinity;
  const buckets = 256;
  const width = (hi - lo) / buckets;
  const counts = new Int32Array(buckets);
  for (let i = 0; i < n; i++) counts[Math.min(buckets - 1, Math.floor((values[i]! - lo) / width))]!++;
  let seen = 0;
  for (let b = buckets - 1; b >= 0; b--) {
    seen += counts[b]!;
    if (seen >= m) return lo + b * width;
  }
  return -Infinity;
}
