import type { RecordView } from '../features/arena';
import type { Scorer } from '../criteria/criterion';
import { linearGroupBounds, MIXED_PARTITIONS, type Collection } from './collection';
import { PARTITIONS, SCALE_DECODE } from './postings';

/** A scorer and its weight (already normalised); weight 0 means "filter only". */
export interface WeightedScorer<D> {
  /** The criterion's id: its document classes in the collection, if it has any. */
  id?: string;
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
  /** Lists read in full, creating candidates. */
  listsOpened: number;
  /** Lists read afterwards only to tighten the bounds of known candidates. */
  listsCompleted: number;
  postingsTotal: number;
  postingsProcessed: number;
  candidates: number;
  /** Documents whose exact score was computed, at least in part (before filters). */
  evaluated: number;
  scanned: boolean;
  /** Partitions of the collection whose parts of the lists the "complete" pass skipped. */
  partitionsSkipped?: number;
  /** Postings that opening skipped: those of partitions whose bound was below θ. */
  postingsSkipped?: number;
}

/** Counters at zero, for a caller that wants a query's figures. */
export function emptyRankStats(): RankStats {
  return {
    lists: 0,
    listsOpened: 0,
    listsCompleted: 0,
    postingsTotal: 0,
    postingsProcessed: 0,
    candidates: 0,
    evaluated: 0,
    scanned: false,
    partitionsSkipped: 0,
    postingsSkipped: 0,
  };
}

/** Relative slack on the threshold: accumulators are float32, exact scores float64. */
const EPSILON = 1e-5;

interface ListRef {
  docs: Int32Array;
  length: number;
  /** The list's postings grouped by partition, if they are (see `PostingList.segments`). */
  segments: Int32Array | null;
  w: number;
  /** The documents' scales, aligned with `docs`, when the term is scaled. */
  scale: Uint16Array | null;
  ub: number;
  /** Index of the criterion's plan. */
  plan: number;
  /** Index of the list's exclusive set (`PlanTerm.exclusive`) in this query, or -1. */
  set: number;
  /** The list's unit in the order of opening (see `rankTop`). */
  unit: number;
}

/** Scratch arrays of one collection, reused across queries (queries are synchronous). */
export class RankScratch {
  /** One bit per slot: evaluated in this query (cleared at its end). */
  evaluated: Uint32Array = new Uint32Array(0);
  cand: Int32Array = new Int32Array(0);
  ub: Float64Array = new Float64Array(0);
  /** One bit per slot: reached by an opened list in this query (for in-order passes). */
  bits: Uint32Array = new Uint32Array(0);
  /** One bit per slot: a candidate whose bound the "complete" pass tightens. */
  candidateBits: Uint32Array = new Uint32Array(0);
  /** One bit per slot: reached by a list of the max plan being opened (see `openMaxFirst`). */
  seen: Uint32Array = new Uint32Array(0);
  /** The accumulator of all sum plans. */
  sum: Float32Array = new Float32Array(0);
  /** One accumulator per max plan. */
  max: Float32Array[] = [];
  /**
   * Per grouped list (by its `segments`, replaced whenever the list is grouped again): the
   * partitions of the postings appended since, as [postings seen, mask of partitions 0–31, 32–63],
   * extended as the tail grows (see `partitionBounds`).
   */
  readonly tails = new WeakMap<Int32Array, Int32Array>();

  ensure(slots: number, maxPlans: number): void {
    if (this.sum.length < slots) {
      const cap = Math.max(slots, Math.ceil(this.sum.length * 1.5), 1024);
      this.evaluated = new Uint32Array((cap >> 5) + 1);
      const sum = new Float32Array(cap);
      sum.set(this.sum);
      this.sum = sum;
      this.max = this.max.map((a) => {
        const b = new Float32Array(cap);
        b.set(a);
        return b;
      });
      this.bits = new Uint32Array((cap >> 5) + 1);
      this.candidateBits = new Uint32Array((cap >> 5) + 1);
      this.seen = new Uint32Array((cap >> 5) + 1);
      this.ub = new Float64Array(cap);
    }
    while (this.max.length < maxPlans) this.max.push(new Float32Array(this.sum.length));
  }
}

/** Adds a list into an accumulator and marks its documents as reached (one bit each). */
function openSum(l: ListRef, acc: Float32Array, bits: Uint32Array, from: number, to: number): void {
  const docs = l.docs;
  const w = l.w;
  const scale = l.scale;
  if (scale === null) {
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      acc[d]! += w;
      bits[d >> 5]! |= 1 << (d & 31);
    }
  } else {
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      acc[d]! += w * SCALE_DECODE[scale[i]!]!;
      bits[d >> 5]! |= 1 << (d & 31);
    }
  }
}

function openMax(l: ListRef, acc: Float32Array, bits: Uint32Array, from: number, to: number): void {
  const docs = l.docs;
  const w = l.w;
  const scale = l.scale;
  for (let i = from; i < to; i++) {
    const d = docs[i]!;
    const c = scale === null ? w : w * SCALE_DECODE[scale[i]!]!;
    if (c > acc[d]!) acc[d] = c;
    bits[d >> 5]! |= 1 << (d & 31);
  }
}

/**
 * Opens a list of a max plan whose lists are unscaled and read in decreasing weight: the first of
 * them to reach a document gives it its largest contribution, so a later one only marks it in
 * `seen` (the plan's own bitmap, in cache) and skips it. The accumulator is written without being
 * read — a store instead of a load that misses the cache and a comparison waiting for it.
 */
function openMaxFirst(
  l: ListRef,
  acc: Float32Array,
  bits: Uint32Array,
  seen: Uint32Array,
  from: number,
  to: number,
): void {
  const docs = l.docs;
  const w = l.w;
  for (let i = from; i < to; i++) {
    const d = docs[i]!;
    const word = seen[d >> 5]!;
    const bit = 1 << (d & 31);
    if ((word & bit) !== 0) continue;
    seen[d >> 5] = word | bit;
    acc[d] = w;
    bits[d >> 5]! |= bit;
  }
}

/**
 * Adds a list to the known candidates only (their bits are set): no new candidate is recorded,
 * and the other documents' accumulators are neither read nor written — a cheap bit test per
 * posting instead of a scattered write, and nothing to clear afterwards.
 */
function completeSum(l: ListRef, acc: Float32Array, candidates: Uint32Array, from: number, to: number): void {
  const docs = l.docs;
  const w = l.w;
  const scale = l.scale;
  if (scale === null) {
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      if ((candidates[d >> 5]! & (1 << (d & 31))) !== 0) acc[d]! += w;
    }
  } else {
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      if ((candidates[d >> 5]! & (1 << (d & 31))) !== 0) acc[d]! += w * SCALE_DECODE[scale[i]!]!;
    }
  }
}

function completeMax(l: ListRef, acc: Float32Array, candidates: Uint32Array, from: number, to: number): void {
  const docs = l.docs;
  const w = l.w;
  const scale = l.scale;
  for (let i = from; i < to; i++) {
    const d = docs[i]!;
    if ((candidates[d >> 5]! & (1 << (d & 31))) === 0) continue;
    const c = scale === null ? w : w * SCALE_DECODE[scale[i]!]!;
    if (c > acc[d]!) acc[d] = c;
  }
}

/** A bounded heap of the best (score, slot) pairs; the root is the worst kept. */
class TopHeap {
  readonly score: Float64Array;
  readonly slot: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.score = new Float64Array(k);
    this.slot = new Int32Array(k);
  }

  /** The score a document must beat, -Infinity while the heap is not full. */
  threshold(): number {
    return this.size < this.k ? -Infinity : this.score[0]!;
  }

  offer(score: number, slot: number): void {
    const hs = this.score;
    const hd = this.slot;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(score, slot, hs[parent]!, hd[parent]!)) break;
        hs[i] = hs[parent]!;
        hd[i] = hd[parent]!;
        i = parent;
      }
      hs[i] = score;
      hd[i] = slot;
      return;
    }
    if (!worse(hs[0]!, hd[0]!, score, slot)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && worse(hs[r]!, hd[r]!, hs[l]!, hd[l]!) ? r : l;
      if (!worse(hs[c]!, hd[c]!, score, slot)) break;
      hs[i] = hs[c]!;
      hd[i] = hd[c]!;
      i = c;
    }
    hs[i] = score;
    hd[i] = slot;
  }

  sorted(): Ranked[] {
    const out: Ranked[] = [];
    for (let i = 0; i < this.size; i++) out.push({ slot: this.slot[i]!, score: this.score[i]! });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }
}

/** True when (s1, d1) ranks below (s2, d2): lower score, or equal score and later slot. */
function worse(s1: number, d1: number, s2: number, d2: number): boolean {
  return s1 < s2 || (s1 === s2 && d1 > d2);
}

/** The lowest bound worth evaluating against threshold `t`. */
function margin(t: number): number {
  return t - EPSILON * Math.max(1, Math.abs(t));
}

/**
 * The top `k` documents by exact score, with upper-bound pruning: a term-at-a-time MaxScore
 * with per-criterion caps and a cost model. See docs/matching.md for the algorithm and why it
 * returns exactly what scoring every document would. Ties are broken by slot (insertion order).
 */
export function rankTop<D extends RecordView>(
  req: RankRequest<D>,
  scratch: RankScratch,
  stats?: RankStats,
): Ranked[] {
  const { collection: col, k, view, visible } = req;
  const weighted = req.scorers.filter((s) => s.weight > 0);
  const filters = req.scorers.filter((s) => s.scorer.admits).map((s) => s.scorer);
  const heap = new TopHeap(k);
  if (filters.some((f) => f.rejectsAll)) return [];
  // Filters with classes (`Scorer.admitsClass`): per filter, the class of each slot and which
  // classes it surely removes. A document of such a class is settled wherever it is met (a pass
  // over the reached documents, an evaluation) without its record being read; above all, a
  // threshold raise then evaluates documents that can enter the top k (the best bounds of a
  // vacancy asking for the right to work in its country are often people of other countries).
  const rejectSlots: Uint8Array[] = [];
  const rejectTables: Uint8Array[] = [];
  for (const s of req.scorers) {
    const classes = s.scorer.admitsClass && s.id !== undefined ? col.classes.get(s.id) : undefined;
    if (!classes) continue;
    const table = new Uint8Array(256);
    let any = false;
    // Class 0 (unclassified) is never removed.
    for (let c = 1; c < classes.keys.length; c++) {
      if (!s.scorer.admitsClass!(classes.keys[c]!)) {
        table[c] = 1;
        any = true;
      }
    }
    if (any) {
      rejectSlots.push(classes.bySlot);
      rejectTables.push(table);
    }
  }
  const rejecting = rejectSlots.length;
  /** Whether a filter surely removes document `d` (by its class). */
  const rejected = (d: number): boolean => {
    for (let x = 0; x < rejecting; x++) if (rejectTables[x]![rejectSlots[x]![d]!] === 1) return true;
    return false;
  };

  // Plans: sum plans share one accumulator; each max plan has its own.
  let base = 0;
  const planKind: ('sum' | 'max')[] = [];
  const planCapW: number[] = [];
  const planOthW: number[] = [];
  const planRem: number[] = [];
  const planAcc: Float32Array[] = [];
  const lists: ListRef[] = [];
  /** Per exclusive set: the largest bound among its lists. */
  const setMax: number[] = [];
  let maxPlans = 0;
  for (const s of weighted) if (s.scorer.plan?.combine === 'max') maxPlans++;
  scratch.ensure(col.slots, maxPlans);
  let maxIndex = 0;
  /** Per weighted scorer: the index of its plan, or -1. */
  const scorerPlan: number[] = [];
  // Criteria without lists whose documents the collection classifies: each class is bounded
  // once per query, and a document's part of a bound is its class's (instead of the ceiling).
  /** Per classed scorer: the class of each slot, and weight × bound by class. */
  const classSlots: Uint8Array[] = [];
  const classTables: Float64Array[] = [];
  /** Per weighted scorer: the index of its classes, or -1. */
  const scorerClass: number[] = [];
  /** What a document of unknown class may get from the classed scorers. */
  let classedMax = 0;
  /** Per weighted scorer without lists: its part of every bound when it has no classes. */
  const densePart: number[] = [];
  for (const s of weighted) {
    const plan = s.scorer.plan;
    scorerClass.push(-1);
    if (plan) densePart.push(0);
    if (!plan) {
      scorerPlan.push(-1);
      const classes = s.scorer.classBound && s.id !== undefined ? col.classes.get(s.id) : undefined;
      const ceiling = s.weight * s.scorer.ceiling;
      if (!classes) {
        base += ceiling;
        densePart.push(ceiling);
        continue;
      }
      const table = new Float64Array(256).fill(ceiling);
      let max = classes.overflowed ? ceiling : 0;
      let min = classes.overflowed ? ceiling : Infinity;
      for (let c = 1; c < classes.keys.length; c++) {
        const b = s.weight * s.scorer.classBound!(classes.keys[c]!);
        // A bound above the ceiling (or not a number) is no better than the ceiling.
        table[c] = b >= 0 && b < ceiling ? b : ceiling;
        if (table[c]! > max) max = table[c]!;
        if (table[c]! < min) min = table[c]!;
      }
      densePart.push(max);
      if (!(min < max)) {
        // One bound for every class (e.g. home work for someone who did not ask): a constant.
        base += max;
        continue;
      }
      scorerClass[scorerClass.length - 1] = classSlots.length;
      classSlots.push(classes.bySlot);
      classTables.push(table);
      classedMax += max;
      continue;
    }
    const pi = planKind.length;
    scorerPlan.push(pi);
    planKind.push(plan.combine);
    planCapW.push(s.weight * plan.cap);
    planOthW.push(s.weight * plan.otherwise);
    planAcc.push(plan.combine === 'sum' ? scratch.sum : scratch.max[maxIndex++]!);
    let rem = 0;
    /** This plan's exclusive sets: key → index in `setMax`. */
    const setOf = new Map<number, number>();
    for (const term of plan.terms) {
      const family = col.families.get(term.family);
      if (!family) continue;
      const w = s.weight * term.weight;
      let set = -1;
      if (term.exclusive !== undefined && plan.combine === 'sum') {
        set = setOf.get(term.exclusive) ?? -1;
        if (set < 0) {
          set = setMax.length;
          setOf.set(term.exclusive, set);
          setMax.push(0);
        }
      }
      for (const list of family.listsOf(term.key)) {
        const bound = w * (term.scaled ? list.maxScale : 1);
        if (!(bound > 0) || list.length === 0) continue;
        lists.push({
          docs: list.docs,
          length: list.length,
          segments: list.segments,
          w,
          scale: term.scaled ? list.impacts : null,
          ub: bound,
          plan: pi,
          set,
          unit: -1,
        });
        if (set >= 0) {
          // An exclusive set adds its largest bound, not the sum of its bounds.
          if (bound > setMax[set]!) {
            rem += bound - setMax[set]!;
            setMax[set] = bound;
          }
        } else rem = plan.combine === 'sum' ? rem + bound : Math.max(rem, bound);
      }
    }
    planRem.push(rem);
  }
  const plans = planKind.length;
  // Group bounds (docs/matching.md): a criterion with lists whose documents the collection
  // groups bounds every group once per query; a document's part of a bound for the plan's unread
  // lists is its group's bound when that is lower. (Its part of the lists read is in the shared
  // sum: it is at most that plus the smaller of the two, since both bound the whole score.)
  /** Per grouped scorer: its plan, the group of each slot, and each group's weighted bound. */
  const groupPlan: number[] = [];
  const groupSlots: Int32Array[] = [];
  const groupBoundBy: Float64Array[] = [];
  /** Per grouped scorer: the partition of each group (`DocumentGroups.partitionOf`). */
  const groupPartitions: Uint8Array[] = [];
  /** Per grouped scorer: its plan's part of every bound for its unread lists (`unreadPart`). */
  const groupPart: number[] = [];
  /** Per plan: the index of its groups, or -1. */
  const planGroup = new Int32Array(plans).fill(-1);
  /** The part of plan `p` in every bound for its unread lists (all of them at first). */
  const unreadPart = (p: number) => Math.min(planCapW[p]!, planOthW[p]! + planRem[p]!);
  for (let j = 0; j < weighted.length; j++) {
    const ws = weighted[j]!;
    const p = scorerPlan[j]!;
    const bound = ws.scorer.groupBound;
    const groups = ws.id !== undefined && bound ? col.groups.get(ws.id) : undefined;
    if (p < 0 || planKind[p] !== 'sum' || !groups || !bound) continue;
    const by = new Float64Array(groups.count);
    const linear = ws.scorer.groupTerms;
    if (linear) {
      // A bound linear in the query's items: only those items' groups, from the summaries by item
      // (a person's ~70 skills instead of every item of a few thousand groups).
      linearGroupBounds(groups.inverted(), linear.items, linear.weights, ws.weight * linear.scale, by);
    } else {
      // Every group at once, in one sweep over the flat summaries (a few thousand groups).
      const { start, items, values } = groups.flat();
      for (let g = 1; g < groups.count; g++)
        by[g] = ws.weight * bound.call(ws.scorer, items, values, start[g]!, start[g + 1]!);
    }
    // Group 0 (documents in no group) is bounded by the plan alone.
    by[0] = Infinity;
    planGroup[p] = groupPlan.length;
    groupPlan.push(p);
    groupSlots.push(groups.bySlot);
    groupPartitions.push(groups.partitionOf);
    groupBoundBy.push(by);
    groupPart.push(unreadPart(p));
  }
  const grouped = groupPlan.length;
  // Partition bounds (docs/matching.md): in a partitioned collection, a long list groups its
  // postings by partition, so a plan's part of the bound of a partition's documents is the sum
  // (or max) over only the lists holding some of them (a list not grouped holds any), and a
  // grouped plan's part is also at most its best group there. A partition whose bound is below θ
  // cannot place a document in the top k: opening skips its postings (what its documents are then
  // missing only concerns documents below θ).
  const partitionBound = partitionBounds(
    col.partition,
    scratch.tails,
    lists,
    planKind,
    planCapW,
    planOthW,
    groupPlan,
    groupBoundBy,
    groupPartitions,
    base + classedMax,
  );
  /** Per partition: 1 while it may hold a document reaching θ (see `partitionBound`). */
  const live = new Uint8Array(PARTITIONS).fill(1);
  let liveAt = -Infinity;
  let liveCount = PARTITIONS;
  const refreshLive = (t: number) => {
    liveAt = t;
    liveCount = 0;
    for (let q = 0; q < PARTITIONS; q++) {
      live[q] = partitionBound![q]! >= t ? 1 : 0;
      liveCount += live[q]!;
    }
  };
  /** How much the group bound of grouped scorer `x` lowers document `d`'s bound. */
  const groupCut = (x: number, d: number): number => {
    const c = groupPart[x]! - groupBoundBy[x]![groupSlots[x]![d]!]!;
    return c > 0 ? c : 0;
  };
  const groupCuts = (d: number): number => {
    let c = 0;
    for (let x = 0; x < grouped; x++) c += groupCut(x, d);
    return c;
  };
  /** Whether some grouped plan still has unread lists (its group bounds then apply). */
  const groupsApply = (): boolean => {
    for (let x = 0; x < grouped; x++) if (groupPart[x]! > 0) return true;
    return false;
  };
  // Order: units cheapest first per unit of bound they remove from every unseen document once fully
  // read. A unit is:
  // - in a criterion with exclusive sets, one set (its largest bound goes once its lists are read:
  //   e.g. one skill of the vacancy in every kind), and the criterion's lists outside any set;
  // - in a max plan, a run of its lists in decreasing bound (the plan's floor falls to the next
  //   list's bound as each is read), runs merged until their cost per value never falls (pool
  //   adjacent violators), so that a plan's units keep its order: e.g. the district, the cells and
  //   the region of a vacancy's place first, the lists of people willing to move (long, worth
  //   little) late, after most skills — or never, when θ is reached before. Not in a partitioned
  //   collection (vacancies, by occupation group): a cheap first run of the place (the district)
  //   then fills the heap with vacancies of other occupations, θ comes out low and every
  //   partition stays live (person → vacancies ×1.04–1.09 per query);
  // - otherwise the whole criterion (a capped criterion only lowers the bound of unseen documents
  //   when all its lists are read). Each list of a sum plan whose bounds add up to no more than its
  //   cap as a unit of its own was tried and not kept: the occupation's long unit-group lists then
  //   came after the skills, their parts stayed in every candidate's bound, and vacancy → people
  //   was ×0.98 per query at best, its mean ×1.03 (1,000,000 people, 300 queries).
  // Units only decide the order and the cost model: every bound is computed from what was read,
  // whatever the order. Within a unit, valuable short lists first; within a set or a max plan,
  // largest bound first.
  const sets = setMax.length;
  /** Per unit: the postings of its lists, and what reading them all removes from the bounds. */
  const unitCost: number[] = [];
  const unitValue: number[] = [];
  const newUnit = (cost: number, value: number): number => {
    unitCost.push(cost);
    unitValue.push(value);
    return unitCost.length - 1;
  };
  const ratio = (cost: number, value: number) => cost / (value || 1e-12);
  {
    const setUnit = setMax.map((m) => newUnit(0, m));
    const withSets = new Uint8Array(plans);
    for (const l of lists) if (l.set >= 0) withSets[l.plan] = 1;
    for (let p = 0; p < plans; p++) {
      const own = lists.filter((l) => l.plan === p && l.set < 0);
      if (own.length === 0) continue;
      const othW = planOthW[p]!;
      if (planKind[p] === 'max' && col.partition === null) {
        own.sort((a, b) => b.ub - a.ub || a.length - b.length);
        const floor = (i: number) => Math.max(othW, i < own.length ? own[i]!.ub : 0);
        /** Runs of `own`: [first list, cost, value], merged while a run costs more per value than the next. */
        const runs: [number, number, number][] = [];
        for (let i = 0; i < own.length; i++) {
          runs.push([i, own[i]!.length, floor(i) - floor(i + 1)]);
          while (runs.length > 1) {
            const b = runs[runs.length - 1]!;
            const a = runs[runs.length - 2]!;
            if (ratio(a[1], a[2]) <= ratio(b[1], b[2])) break;
            a[1] += b[1];
            a[2] += b[2];
            runs.pop();
          }
        }
        for (let r = 0; r < runs.length; r++) {
          const [from, , value] = runs[r]!;
          const u = newUnit(0, value);
          const to = r + 1 < runs.length ? runs[r + 1]![0] : own.length;
          for (let i = from; i < to; i++) own[i]!.unit = u;
        }
        continue;
      }
      // A criterion with sets: its whole-criterion unit holds only its lists outside any set.
      const u = newUnit(
        0,
        planKind[p] === 'max'
          ? Math.max(0, planRem[p]! - othW)
          : withSets[p] === 1
            ? own.reduce((sum, l) => sum + l.ub, 0)
            : Math.min(planCapW[p]!, othW + planRem[p]!) - othW,
      );
      for (const l of own) l.unit = u;
    }
    for (const l of lists) {
      if (l.set >= 0) l.unit = setUnit[l.set]!;
      unitCost[l.unit]! += l.length;
    }
  }
  const units = unitCost.length;
  const unitOf = (l: ListRef) => l.unit;
  const unitOrder = Array.from(unitValue, (_, u) => u).sort(
    (a, b) => ratio(unitCost[a]!, unitValue[a]!) - ratio(unitCost[b]!, unitValue[b]!) || a - b,
  );
  const rank = new Int32Array(units);
  unitOrder.forEach((u, i) => {
    rank[u] = i;
  });
  // A max plan's lists with the largest bound first: its floor falls as fast, and when none is
  // scaled the first list to reach a document gives it its part of the plan (see `openMaxFirst`;
  // one plan only, since they share the `seen` bitmap). Within an exclusive set, largest bound
  // first too.
  const firstWins = planKind.map(() => false);
  {
    const scaled = new Uint8Array(plans);
    for (const l of lists) if (l.scale !== null) scaled[l.plan] = 1;
    const p = planKind.findIndex((kind, q) => kind === 'max' && scaled[q] === 0);
    if (p >= 0) firstWins[p] = true;
  }
  lists.sort(
    (a, b) =>
      rank[unitOf(a)]! - rank[unitOf(b)]! ||
      (planKind[a.plan] === 'max' || a.set >= 0 ? b.ub - a.ub : 0) ||
      b.ub / b.length - a.ub / a.length,
  );
  /** What reading list `j` (in this order) removes from its sum plan's remaining bound. */
  const drop = new Float64Array(lists.length);
  {
    const after = new Float64Array(sets);
    for (let j = lists.length - 1; j >= 0; j--) {
      const l = lists[j]!;
      if (l.set < 0) drop[j] = l.ub;
      else {
        const m = after[l.set]!;
        drop[j] = l.ub > m ? l.ub - m : 0;
        if (l.ub > m) after[l.set] = l.ub;
      }
    }
  }
  let postingsTotal = 0;
  for (const l of lists) postingsTotal += l.length;

  /** Bound of the unread lists, per document class: the part every document may still gain. */
  let remSum = 0;
  const recomputeRemSum = () => {
    remSum = 0;
    for (let p = 0; p < plans; p++)
      if (planKind[p] === 'sum') remSum += Math.min(planCapW[p]!, planOthW[p]! + planRem[p]!);
  };
  recomputeRemSum();
  const maxPlanIdx: number[] = [];
  for (let p = 0; p < plans; p++) if (planKind[p] === 'max') maxPlanIdx.push(p);
  const maxAccs = maxPlanIdx.map((p) => planAcc[p]!);
  const maxOthW = maxPlanIdx.map((p) => planOthW[p]!);
  const classed = classSlots.length;
  /** A document's part of a bound from the classed scorers. */
  const classPart = (d: number): number => {
    let b = 0;
    for (let x = 0; x < classed; x++) b += classTables[x]![classSlots[x]![d]!]!;
    return b;
  };
  const untouchedBound = (): number => {
    let b = base + classedMax + remSum;
    for (const p of maxPlanIdx) b += Math.max(planOthW[p]!, planRem[p]!);
    return b;
  };
  const sumAcc = scratch.sum;
  /** Per max plan, max(otherwise, remaining): what a document gets from it without a hit. */
  const maxFloor = new Float64Array(maxPlanIdx.length);
  const planFloor = new Float64Array(planKind.length);
  const refreshMaxFloor = () => {
    for (let i = 0; i < maxPlanIdx.length; i++) {
      maxFloor[i] = Math.max(maxOthW[i]!, planRem[maxPlanIdx[i]!]!);
      planFloor[maxPlanIdx[i]!] = maxFloor[i]!;
    }
  };
  /** Whether any list of a plan was read (its part of a bound is then inside the shared sum). */
  const planRead: boolean[] = planKind.map(() => false);
  refreshMaxFloor();
  // For a max plan, the largest bound among its lists after each one (its lists may be
  // interleaved with other units, but keep their own order).
  const suffixMax = new Float64Array(lists.length);
  {
    const later = new Float64Array(plans);
    for (let i = lists.length - 1; i >= 0; i--) {
      const p = lists[i]!.plan;
      suffixMax[i] = later[p]!;
      if (lists[i]!.ub > later[p]!) later[p] = lists[i]!.ub;
    }
  }
  /** Whether a list of some sum plan was read. */
  let sumRead = false;
  const read = (j: number) => {
    const l = lists[j]!;
    planRead[l.plan] = true;
    if (planKind[l.plan] === 'sum') {
      sumRead = true;
      planRem[l.plan] = Math.max(0, planRem[l.plan]! - drop[j]!);
      const x = planGroup[l.plan]!;
      if (x >= 0) groupPart[x] = unreadPart(l.plan);
    } else {
      planRem[l.plan] = suffixMax[j]!;
      refreshMaxFloor();
    }
    recomputeRemSum();
  };

  const evaluated = scratch.evaluated;
  const alive = col.alive;
  let evaluatedCount = 0;
  // Exact evaluation criterion by criterion, loosest bound part first: each exact score
  // replaces its part of the document's bound, and the document is dropped as soon as the
  // bound falls below the threshold (most candidates are dropped after one criterion).
  // Criteria with lists first, larger parts first: a candidate's bound holds the cap of a
  // criterion whose lists were not read (skills: the largest part, and usually far above the
  // document's score), while a criterion without lists is bounded by its ceiling, which most
  // documents nearly reach. Filters and visibility come last: a document dropped by its bound
  // never needs them.
  const refineOrder = weighted
    .map((s, i) => ({
      i,
      listed: scorerPlan[i]! >= 0,
      part: scorerPlan[i]! < 0 ? s.weight * s.scorer.ceiling : planCapW[scorerPlan[i]!]!,
    }))
    .sort((a, b) => Number(b.listed) - Number(a.listed) || b.part - a.part)
    .map((x) => x.i);
  /** Each criterion's weighted score of the document being evaluated. */
  const parts = new Float64Array(weighted.length);
  const evaluate = (d: number, bound: number) => {
    const bit = 1 << (d & 31);
    if ((evaluated[d >> 5]! & bit) !== 0) return;
    evaluated[d >> 5]! |= bit;
    if (alive[d] !== 1 || (rejecting > 0 && rejected(d))) return;
    col.at(view, d);
    evaluatedCount++;
    const t = margin(heap.threshold());
    let b = bound;
    let deferred = 0;
    if (sets > 0 && sumRead) {
      // With exclusive sets (vacancy → people) the criteria whose lists were read first, together
      // (they share one accumulator): the skills' exact score drops most candidates at once.
      let part = sumAcc[d]!;
      let s = 0;
      for (let j = 0; j < weighted.length; j++) {
        const p = scorerPlan[j]!;
        if (p < 0 || planKind[p] !== 'sum' || !planRead[p]) continue;
        part += Math.min(planCapW[p]!, planOthW[p]! + planRem[p]!);
        parts[j] = weighted[j]!.weight * weighted[j]!.scorer.score(view);
        s += parts[j]!;
      }
      b -= part - s;
      if (b < t) return;
    }
    for (let x = 0; x < refineOrder.length; x++) {
      const j = refineOrder[x]!;
      const ws = weighted[j]!;
      const p = scorerPlan[j]!;
      let part: number;
      if (p < 0) {
        const c = scorerClass[j]!;
        part = c < 0 ? densePart[j]! : classTables[c]![classSlots[c]![d]!]!;
      } else if (planKind[p] === 'max') {
        const a = planAcc[p]![d]!;
        part = a > planFloor[p]! ? a : planFloor[p]!;
      } else if (!planRead[p]) part = unreadPart(p) - (planGroup[p]! >= 0 ? groupCut(planGroup[p]!, d) : 0);
      else {
        if (!(sets > 0)) deferred++;
        continue;
      }
      const s = ws.weight * ws.scorer.score(view);
      parts[j] = s;
      b -= part - s;
      if (b < t) return;
    }
    if (deferred > 0) {
      for (let j = 0; j < weighted.length; j++) {
        const p = scorerPlan[j]!;
        if (p >= 0 && planKind[p] === 'sum' && planRead[p])
          parts[j] = weighted[j]!.weight * weighted[j]!.scorer.score(view);
      }
    }
    // Summed in the criteria's order, whatever the order of refinement: the score is then the
    // very number that scoring the pair directly gives (explain/score.ts), so ties stay ties.
    let score = 0;
    for (let j = 0; j < weighted.length; j++) score += parts[j]!;
    // Not good enough for the heap: the filters need not be asked.
    if (heap.size === k && !worse(heap.score[0]!, heap.slot[0]!, score, d)) return;
    for (let f = 0; f < filters.length; f++) if (!filters[f]!.admits!(view)) return;
    if (visible && !visible(col.ids[d]!)) return;
    heap.offer(score, d);
  };

  /** The accumulators opened lists wrote to (each once): the only ones to clear. */
  const accsWritten = (): Float32Array[] => {
    const out: Float32Array[] = [];
    for (let p = 0; p < plans; p++) if (planRead[p] && !out.includes(planAcc[p]!)) out.push(planAcc[p]!);
    return out;
  };

  /** Writes the unevaluated reached documents, in slot order, with their bounds into cand/ub. */
  const collectTouched = (t0: number, settle: boolean): number => {
    const capacity = col.slots + 1;
    if (scratch.cand.length < capacity) scratch.cand = new Int32Array(capacity);
    if (scratch.ub.length < capacity) scratch.ub = new Float64Array(capacity);
    const slots = scratch.cand;
    const bounds = scratch.ub;
    const bits = scratch.bits;
    const words = (col.slots >> 5) + 1;
    // A max plan none of whose lists was read gives every document its floor: its accumulator
    // (all zero) need not be read.
    const readAccs: Float32Array[] = [];
    const readFloors: number[] = [];
    let lift = base + remSum;
    for (let x = 0; x < maxAccs.length; x++) {
      if (planRead[maxPlanIdx[x]!]) {
        readAccs.push(maxAccs[x]!);
        readFloors.push(maxFloor[x]!);
      } else lift += maxFloor[x]!;
    }
    const one = readAccs.length === 1;
    const acc0 = one ? readAccs[0]! : sumAcc;
    const f0 = one ? readFloors[0]! : 0;
    const dirty = accsWritten();
    // One grouped plan, unread (the usual case): its cut inline.
    const cutting = grouped > 0 && groupsApply();
    const oneGroup = cutting && grouped === 1;
    const gSlots = oneGroup ? groupSlots[0]! : null;
    const gBound = oneGroup ? groupBoundBy[0]! : null;
    const gPart = oneGroup ? groupPart[0]! : 0;
    // One filter with classes (the usual case when any): its test inline.
    const rSlots = rejecting === 1 ? rejectSlots[0]! : null;
    const rTable = rejecting === 1 ? rejectTables[0]! : null;
    let m = 0;
    for (let w = 0; w < words; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        const d = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
        let b: number;
        if (one) {
          const v = acc0[d]!;
          b = lift + sumAcc[d]! + (v > f0 ? v : f0);
        } else {
          b = lift + sumAcc[d]!;
          for (let x = 0; x < readAccs.length; x++) {
            const v = readAccs[x]![d]!;
            const f = readFloors[x]!;
            b += v > f ? v : f;
          }
        }
        // The classes' parts at their largest here (a pass over every reached document); the
        // gather then tightens them for the few documents left (see gatherCandidates).
        b += classedMax;
        if (gSlots !== null) {
          const c = gPart - gBound![gSlots[d]!]!;
          if (c > 0) b -= c;
        } else if (cutting) b -= groupCuts(d);
        if (
          b < t0 ||
          (evaluated[w]! & low) !== 0 ||
          (rSlots !== null ? rTable![rSlots[d]!] === 1 : rejecting > 0 && rejected(d))
        ) {
          // Settled for good (bounds only fall, the threshold only rises): clear it now, so
          // that the final reset only walks the candidates.
          if (settle) {
            bits[w]! ^= low;
            for (let x = 0; x < dirty.length; x++) dirty[x]![d] = 0;
          }
          continue;
        }
        bounds[m] = b;
        slots[m++] = d;
      }
    }
    return m;
  };

  // What the last `evaluateTop` collected into cand/ub, and how many lists were read then: when
  // opening stops right after it (the common case), the first gather reuses that collection
  // instead of walking every reached document again.
  let topCollected = -1;
  let topCollectedAt = -1;
  /** Evaluates the best `m` of the first `n` documents in `slots` by their `bounds`, best first, while they reach θ. */
  const evaluateBest = (slots: Int32Array, bounds: Float64Array, n: number, m: number) => {
    for (const i of topByBound(bounds, n, m)) {
      if (bounds[i]! < margin(heap.threshold())) break;
      evaluate(slots[i]!, bounds[i]!);
    }
  };
  /** Evaluates about the best `m` reached documents by bound, to raise the threshold early. */
  const evaluateTop = (m: number) => {
    const n = collectTouched(margin(heap.threshold()), false);
    topCollected = n;
    topCollectedAt = next;
    evaluateBest(scratch.cand, scratch.ub, n, m);
  };

  /**
   * Collects the unevaluated documents whose bound reaches the threshold into cand/ub: from all
   * reached documents the first time, then from the previous candidates (bounds only tighten).
   */
  let gathered = -1;
  const gatherCandidates = (): number => {
    const t0 = margin(heap.threshold());
    if (gathered < 0) {
      // No list read since the last `evaluateTop` collected: the same documents, with the same
      // bounds. Either way they are filtered below with their classes' bounds.
      if (topCollectedAt !== next) {
        gathered = collectTouched(t0, true);
        if (classed === 0) return gathered;
      } else {
        gathered = topCollected;
        if (classed === 0) {
          // The bounds collected then still hold (no list was read since): only the threshold rose.
          const slots = scratch.cand;
          const bounds = scratch.ub;
          let m = 0;
          for (let i = 0; i < gathered; i++) {
            const d = slots[i]!;
            const b = bounds[i]!;
            if (b < t0 || (evaluated[d >> 5]! & (1 << (d & 31))) !== 0) continue;
            bounds[m] = b;
            slots[m++] = d;
          }
          gathered = m;
          return m;
        }
      }
    }
    const slots = scratch.cand;
    const bounds = scratch.ub;
    let m = 0;
    for (let i = 0; i < gathered; i++) {
      const d = slots[i]!;
      if ((evaluated[d >> 5]! & (1 << (d & 31))) !== 0) continue;
      let b = base + sumAcc[d]! + remSum;
      for (let x = 0; x < maxAccs.length; x++) {
        const a = maxAccs[x]![d]!;
        const f = maxFloor[x]!;
        b += a > f ? a : f;
      }
      if (classed > 0) b += classPart(d);
      if (grouped > 0) b -= groupCuts(d);
      if (b < t0) continue;
      bounds[m] = b;
      slots[m++] = d;
    }
    gathered = m;
    return m;
  };

  /** Evaluates gathered candidates from the highest bound down, until bounds fall below the threshold. */
  const evaluateInBoundOrder = (m: number) => {
    if (m === 0) return;
    const slots = scratch.cand;
    const bounds = scratch.ub;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m; i++) {
      const b = bounds[i]!;
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
    const buckets = 64;
    const width = (hi - lo) / buckets || 1;
    const bucketOf = (b: number) => Math.min(buckets - 1, Math.max(0, Math.floor((b - lo) / width)));
    const counts = new Int32Array(buckets + 1);
    for (let i = 0; i < m; i++) counts[bucketOf(bounds[i]!) + 1]!++;
    for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
    const order = new Int32Array(m);
    const fill = counts.slice(0, buckets);
    for (let i = 0; i < m; i++) order[fill[bucketOf(bounds[i]!)]!++] = i;
    for (let b = buckets - 1; b >= 0; b--) {
      if (lo + (b + 1) * width < margin(heap.threshold())) break;
      for (let x = counts[b]!; x < counts[b + 1]!; x++) {
        const i = order[x]!;
        if (bounds[i]! >= margin(heap.threshold())) evaluate(slots[i]!, bounds[i]!);
      }
    }
  };

  /**
   * With exclusive sets (vacancy → people: a skill's lists by kind), the "complete" pass goes
   * unit by unit (a set, or a whole criterion), the candidates gathered again as it goes, so
   * that those whose bound falls below θ drop out; it stops when the evaluations the next units
   * are expected to save (the candidates within their bound of θ, from a histogram of the bounds,
   * less those the units' lists may hold) cost less than their postings. Returns the candidates.
   */
  const completeByUnits = (m: number): number => {
    const cand = scratch.cand;
    const ub = scratch.ub;
    const bitsOf = scratch.candidateBits;
    const n = Math.max(1, col.slots);
    const evaluationCost = col.evaluationCost;
    const buckets = 256;
    /** Candidates by slack (bound − θ): cumulative counts per bucket of `width`. */
    const below = new Int32Array(buckets + 1);
    let width = 1;
    let boundAtGather = 0;
    const histogram = () => {
      const t0 = margin(heap.threshold());
      let top = 0;
      for (let i = 0; i < m; i++) if (ub[i]! - t0 > top) top = ub[i]! - t0;
      width = top / buckets || 1e-9;
      below.fill(0);
      for (let i = 0; i < m; i++) below[Math.min(buckets - 1, Math.floor((ub[i]! - t0) / width)) + 1]!++;
      for (let b = 0; b < buckets; b++) below[b + 1]! += below[b]!;
      boundAtGather = untouchedBound();
    };
    /** About how many candidates have a slack below `x`. */
    const slackBelow = (x: number) => below[Math.max(0, Math.min(buckets, Math.floor(x / width)))]!;
    /** Drops the candidates whose bound fell below θ (and their bits), and counts the rest by slack. */
    const regather = () => {
      const t0 = margin(heap.threshold());
      below.fill(0);
      let kept = 0;
      for (let i = 0; i < m; i++) {
        const d = cand[i]!;
        if ((evaluated[d >> 5]! & (1 << (d & 31))) !== 0) {
          bitsOf[d >> 5]! &= ~(1 << (d & 31));
          continue;
        }
        // The same bound as the first gather's, written out: a shared closure measured 3-4 % slower
        // in vacancy -> people (both A/B orders, 300k people).
        let b = base + sumAcc[d]! + remSum;
        for (let x = 0; x < maxAccs.length; x++) {
          const a = maxAccs[x]![d]!;
          const f = maxFloor[x]!;
          b += a > f ? a : f;
        }
        if (classed > 0) b += classPart(d);
        if (grouped > 0) b -= groupCuts(d);
        if (b < t0) {
          bitsOf[d >> 5]! &= ~(1 << (d & 31));
          continue;
        }
        below[Math.min(buckets - 1, Math.floor((b - t0) / width)) + 1]!++;
        ub[kept] = b;
        cand[kept++] = d;
      }
      for (let b = 0; b < buckets; b++) below[b + 1]! += below[b]!;
      boundAtGather = untouchedBound();
      m = kept;
      gathered = kept;
    };
    if (m > 64 * k) {
      // Many candidates: θ is probably far below its final value. Evaluate the best few by
      // bound first (they are the likeliest to be evaluated anyway), then drop who fell below it.
      evaluateBest(cand, ub, m, Math.max(8 * k, 128));
      let kept = 0;
      const t0 = margin(heap.threshold());
      for (let i = 0; i < m; i++) {
        const d = cand[i]!;
        if (ub[i]! < t0 || (evaluated[d >> 5]! & (1 << (d & 31))) !== 0) continue;
        ub[kept] = ub[i]!;
        cand[kept++] = d;
      }
      m = kept;
      gathered = kept;
    }
    for (let i = 0; i < m; i++) bitsOf[cand[i]! >> 5]! |= 1 << (cand[i]! & 31);
    histogram();
    let since = 0;
    while (next < lists.length && m > 0) {
      // Look ahead a few units: the next is read if it, or it and the following ones together,
      // are expected to save more than they cost.
      const fallen = boundAtGather - untouchedBound();
      let cost = 0;
      let value = 0;
      let missed = 1;
      let worth = false;
      for (let j = next, h = 0; j < lists.length && h < 16 && !worth; h++) {
        const u = unitOf(lists[j]!);
        let c = 0;
        let v = 0;
        for (; j < lists.length && unitOf(lists[j]!) === u; j++) {
          c += lists[j]!.length;
          v += drop[j]!;
        }
        cost += c;
        value += planKind[lists[j - 1]!.plan] === 'sum' ? Math.min(v, unitValue[u]!) : unitValue[u]!;
        missed *= Math.max(0, 1 - c / n);
        worth = (slackBelow(fallen + value) - slackBelow(fallen)) * missed * evaluationCost > cost;
      }
      if (!worth) break;
      const u = unitOf(lists[next]!);
      while (next < lists.length && unitOf(lists[next]!) === u) {
        const l = lists[next]!;
        if (planKind[l.plan] === 'sum') completeSum(l, planAcc[l.plan]!, bitsOf, 0, l.length);
        else completeMax(l, planAcc[l.plan]!, bitsOf, 0, l.length);
        postingsProcessed += l.length;
        since += l.length;
        read(next++);
      }
      // Gather again after reading several times more postings than there are candidates (a
      // gather costs more per candidate than a posting; measured: gathering whenever a quarter of
      // the candidates was expected to have dropped made queries ~10 % slower at a million).
      if (since >= 4 * m) {
        regather();
        since = 0;
      }
    }
    if (since > 0) regather();
    for (let i = 0; i < m; i++) bitsOf[cand[i]! >> 5]! &= ~(1 << (cand[i]! & 31));
    return m;
  };

  /** Opens postings `from..to` of list `l` (see openSum, openMaxFirst, openMax). */
  const open = (l: ListRef, from: number, to: number) => {
    if (planKind[l.plan] === 'sum') openSum(l, planAcc[l.plan]!, scratch.bits, from, to);
    else if (firstWins[l.plan]) openMaxFirst(l, planAcc[l.plan]!, scratch.bits, scratch.seen, from, to);
    else openMax(l, planAcc[l.plan]!, scratch.bits, from, to);
  };

  // 1. Open lists (creating candidates) until no unseen document can reach the threshold.
  let next = 0;
  let postingsProcessed = 0;
  let nextCheck = Math.max(4 * k, 1024);
  let postingsSkipped = 0;
  let reached = 0;
  // The first-wins plan's own bitmap starts empty.
  if (firstWins.includes(true)) scratch.seen.fill(0, 0, (col.slots >> 5) + 1);
  while (next < lists.length) {
    const t = heap.threshold();
    if (t > -Infinity && untouchedBound() < margin(t)) break;
    const l = lists[next]!;
    if (partitionBound !== null && margin(t) > liveAt) refreshLive(margin(t));
    const seg = liveCount < PARTITIONS ? l.segments : null;
    let n = l.length;
    if (seg === null) open(l, 0, l.length);
    else {
      // Runs of live partitions, then the postings appended since the list was grouped.
      n = 0;
      let q = 0;
      while (q < PARTITIONS) {
        if (live[q] !== 1) {
          q++;
          continue;
        }
        const from = seg[q]!;
        while (q < PARTITIONS && live[q] === 1) q++;
        const to = seg[q]!;
        if (to > from) open(l, from, to);
        n += to - from;
      }
      if (seg[PARTITIONS]! < l.length) open(l, seg[PARTITIONS]!, l.length);
      n += l.length - seg[PARTITIONS]!;
    }
    postingsProcessed += n;
    postingsSkipped += l.length - n;
    reached += n;
    read(next++);
    // Raise the threshold by evaluating the best bounds so far: while the heap is not full, and
    // when a criterion is fully read and the next one costs several times more postings than were
    // reached so far (a pass over the reached documents is then cheap next to what a higher threshold can
    // save). Growing checkpoints keep the passes' total linear in the documents reached.
    // With exclusive sets the units are small (a skill each): the threshold is raised at the
    // end of a unit once the documents reached have grown fourfold since the last raise, while
    // the rest costs several times more postings than were reached.
    const unitDone = next === lists.length || unitOf(lists[next]!) !== unitOf(l);
    const worthIt =
      heap.size < k
        ? unitDone || reached >= nextCheck
        : unitDone &&
          next < lists.length &&
          (sets > 0
            ? reached >= nextCheck && postingsTotal - postingsProcessed > 4 * reached
            : unitCost[unitOf(lists[next]!)]! > 4 * reached);
    if (worthIt) {
      // (With sets, once the heap is full, a few times k: the raises are more frequent.)
      evaluateTop(sets > 0 && heap.size === k ? Math.max(2 * k, 16) : Math.max(8 * k, 128));
      nextCheck = reached * 4;
    }
  }
  const opened = next;
  // What a document no opened list reached can still score (completed lists add to documents
  // without recording them, so this bound must be taken now).
  const untouchedAtOpen = untouchedBound();

  // 2. Known candidates only from here on. Where evaluating them would cost more than reading
  // the rest of the lists for them (which makes their bounds exact for every listed criterion),
  // read the rest in "complete" mode (no new candidates); then evaluate in decreasing bound order.
  // The decision is taken per partition of the collection (region): a long list groups its
  // postings by partition, so completing the candidates of a few partitions reads only their
  // parts of the lists; the candidates of the other partitions keep their bounds and are
  // evaluated directly.
  let candidates = gatherCandidates();
  if (partitionBound !== null && col.partition !== null) {
    // A candidate of a partition whose bound fell below θ cannot enter the top k: dropped unread.
    refreshLive(margin(heap.threshold()));
    if (liveCount < PARTITIONS) {
      const partOf = col.partition;
      const cand = scratch.cand;
      const ub = scratch.ub;
      let m = 0;
      for (let i = 0; i < candidates; i++) {
        const d = cand[i]!;
        if (live[partOf[d]!] !== 1) continue;
        cand[m] = d;
        ub[m++] = ub[i]!;
      }
      candidates = gathered = m;
    }
  }
  const evaluationCost = col.evaluationCost;
  const partition = col.partition;
  const partCount = partition ? PARTITIONS : 1;
  const candIn = new Float64Array(partCount);
  const postingsIn = new Float64Array(partCount);
  let shared = 0;
  for (let j = next; j < lists.length; j++) {
    const l = lists[j]!;
    const seg = partition ? l.segments : null;
    if (!seg) {
      shared += l.length;
      continue;
    }
    for (let p = 0; p < PARTITIONS; p++) postingsIn[p]! += seg[p + 1]! - seg[p]!;
    shared += l.length - seg[PARTITIONS]!;
  }
  const candidateBits = scratch.candidateBits;
  if (sets > 0 && !partition) {
    if (next < lists.length && candidates > 0) candidates = completeByUnits(candidates);
  } else if (shared + postingsIn.reduce((a, b) => a + b, 0) > 0 && candidates > 0) {
    const cand = scratch.cand;
    const ub = scratch.ub;
    for (let i = 0; i < candidates; i++) candIn[partition ? partition[cand[i]!]! : 0]!++;
    const completing = new Uint8Array(partCount);
    let saved = 0;
    let cost = shared;
    for (let p = 0; p < partCount; p++) {
      if (candIn[p]! * evaluationCost > postingsIn[p]!) {
        completing[p] = 1;
        saved += candIn[p]! * evaluationCost;
        cost += postingsIn[p]!;
      }
    }
    if (saved > cost) {
      if (stats && partition) {
        let skipped = 0;
        for (let p = 0; p < PARTITIONS; p++) if (completing[p] !== 1 && postingsIn[p]! > 0) skipped++;
        stats.partitionsSkipped = skipped;
      }
      // The candidates of the partitions not completed keep their bounds (still upper bounds:
      // nothing they hold is read) and wait at the end of cand/ub; the others are marked.
      let completed = 0;
      let kept = 0;
      const keptSlots = new Int32Array(candidates);
      const keptBounds = new Float64Array(candidates);
      for (let i = 0; i < candidates; i++) {
        const d = cand[i]!;
        if (completing[partition ? partition[d]! : 0] === 1) {
          candidateBits[d >> 5]! |= 1 << (d & 31);
          cand[completed] = d;
          ub[completed++] = ub[i]!;
        } else {
          keptSlots[kept] = d;
          keptBounds[kept++] = ub[i]!;
        }
      }
      while (next < lists.length) {
        const l = lists[next]!;
        const seg = partition ? l.segments : null;
        const acc = planAcc[l.plan]!;
        const sum = planKind[l.plan] === 'sum';
        if (!seg) {
          if (sum) completeSum(l, acc, candidateBits, 0, l.length);
          else completeMax(l, acc, candidateBits, 0, l.length);
          postingsProcessed += l.length;
        } else {
          // Runs of completed partitions in one pass each; the appended tail with the last run.
          let p = 0;
          while (p < PARTITIONS) {
            if (completing[p] !== 1) {
              p++;
              continue;
            }
            const from = seg[p]!;
            while (p < PARTITIONS && completing[p] === 1) p++;
            const to = p === PARTITIONS ? l.length : seg[p]!;
            if (to > from) {
              if (sum) completeSum(l, acc, candidateBits, from, to);
              else completeMax(l, acc, candidateBits, from, to);
              postingsProcessed += to - from;
            }
          }
          const tail = seg[PARTITIONS]!;
          if (completing[PARTITIONS - 1] !== 1 && tail < l.length) {
            if (sum) completeSum(l, acc, candidateBits, tail, l.length);
            else completeMax(l, acc, candidateBits, tail, l.length);
            postingsProcessed += l.length - tail;
          }
        }
        read(next++);
      }
      candidateBits.fill(0, 0, (col.slots >> 5) + 1);
      gathered = completed;
      candidates = gatherCandidates();
      const t0 = margin(heap.threshold());
      for (let i = 0; i < kept; i++) {
        const d = keptSlots[i]!;
        if (keptBounds[i]! < t0 || (evaluated[d >> 5]! & (1 << (d & 31))) !== 0) continue;
        cand[candidates] = d;
        ub[candidates++] = keptBounds[i]!;
      }
    }
  }
  evaluateInBoundOrder(candidates);

  // 4. Documents no list reached can still qualify when the threshold is low (e.g. fewer than
  // k candidates pass the filters): scan them. Linear in the collection, and rare.
  let scanned = false;
  if (untouchedAtOpen >= margin(heap.threshold())) {
    scanned = true;
    // Every reached document is settled: evaluated, or bounded below the threshold.
    const bits = scratch.bits;
    for (let d = 0; d < col.slots; d++) {
      if ((bits[d >> 5]! & (1 << (d & 31))) !== 0) continue;
      if (heap.size === k && untouchedAtOpen < margin(heap.threshold())) break;
      evaluate(d, untouchedAtOpen);
    }
  }

  // Reset the accumulators and the bits for the next query (only reached documents were written).
  const words = (col.slots >> 5) + 1;
  const bits = scratch.bits;
  const dirty = accsWritten();
  for (let w = 0; w < words; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      const d = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
      for (let x = 0; x < dirty.length; x++) dirty[x]![d] = 0;
    }
  }
  bits.fill(0, 0, words);
  evaluated.fill(0, 0, words);

  if (stats) {
    stats.lists = lists.length;
    stats.listsOpened = opened;
    stats.listsCompleted = next - opened;
    stats.postingsTotal = postingsTotal;
    stats.postingsProcessed = postingsProcessed;
    stats.candidates = candidates;
    stats.evaluated = evaluatedCount;
    stats.scanned = scanned;
    stats.postingsSkipped = postingsSkipped;
  }
  return heap.sorted();
}

/**
 * The indices of the `m` largest of the first `n` values, largest first (equal values: lower index
 * first). One pass with a heap of `m` whose root is the worst kept: most values are only compared
 * with it (when `m` is small next to `n`, as for a threshold raise: a few dozen of ~50,000).
 */
export function topByBound(values: Float64Array, n: number, m: number): Int32Array {
  const size = Math.max(0, Math.min(n, m));
  const heap = new Int32Array(size);
  if (size === 0) return heap;
  /** True when index `i` ranks below index `j`. */
  const worse = (i: number, j: number) => values[i]! < values[j]! || (values[i]! === values[j]! && i > j);
  const down = (at: number) => {
    const x = heap[at]!;
    let i = at;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && worse(heap[r]!, heap[l]!) ? r : l;
      if (!worse(heap[c]!, x)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = x;
  };
  for (let i = 0; i < size; i++) heap[i] = i;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  let root = values[heap[0]!]!;
  for (let i = size; i < n; i++) {
    // An equal value comes later, so it ranks below the root: only a larger one enters.
    if (!(values[i]! > root)) continue;
    heap[0] = i;
    down(0);
    root = values[heap[0]!]!;
  }
  return heap.sort((i, j) => values[j]! - values[i]! || i - j);
}

/**
 * Per partition of a partitioned collection, an upper bound of the score of its documents: the
 * dense part, plus each plan's part from only the lists holding postings in the partition (a list
 * not grouped may hold any; the postings appended since a list was grouped are looked at once),
 * capped, and for a grouped plan at most the best bound of the partition's groups (documents in
 * no group are in partition 0, which is not cut). Null when the collection is not partitioned or
 * no list is grouped.
 */
function partitionBounds(
  partition: Uint8Array | null,
  tails: WeakMap<Int32Array, Int32Array>,
  lists: readonly ListRef[],
  planKind: readonly ('sum' | 'max')[],
  planCapW: readonly number[],
  planOthW: readonly number[],
  groupPlan: readonly number[],
  groupBoundBy: readonly Float64Array[],
  groupPartitions: readonly Uint8Array[],
  dense: number,
): Float64Array | null {
  if (partition === null) return null;
  const plans = planKind.length;
  const inPart = new Float64Array(plans * PARTITIONS);
  const inAll = new Float64Array(plans);
  let segmented = false;
  for (const l of lists) {
    const seg = l.segments;
    const sum = planKind[l.plan] === 'sum';
    if (seg === null) {
      if (sum) inAll[l.plan]! += l.ub;
      else if (l.ub > inAll[l.plan]!) inAll[l.plan] = l.ub;
      continue;
    }
    segmented = true;
    // The partitions of the postings appended since the list was grouped: only new ones are read.
    let lo = 0;
    let hi = 0;
    if (seg[PARTITIONS]! < l.length) {
      let tail = tails.get(seg);
      if (tail === undefined) {
        tail = Int32Array.of(seg[PARTITIONS]!, 0, 0);
        tails.set(seg, tail);
      }
      for (let i = tail[0]!; i < l.length; i++) {
        const q = partition[l.docs[i]!]!;
        if (q < 32) tail[1]! |= 1 << q;
        else tail[2]! |= 1 << (q - 32);
      }
      tail[0] = l.length;
      lo = tail[1]!;
      hi = tail[2]!;
    }
    const o = l.plan * PARTITIONS;
    for (let q = 0; q < PARTITIONS; q++) {
      if (seg[q + 1]! === seg[q]! && ((q < 32 ? lo >>> q : hi >>> (q - 32)) & 1) === 0) continue;
      if (sum) inPart[o + q]! += l.ub;
      else if (l.ub > inPart[o + q]!) inPart[o + q] = l.ub;
    }
  }
  if (!segmented) return null;
  // Per grouped plan, its best group in each partition (a group spread over several: in all).
  const groupMax = groupPlan.map((_, x) => {
    const by = groupBoundBy[x]!;
    const of = groupPartitions[x]!;
    const out = new Float64Array(PARTITIONS);
    out[0] = Infinity;
    let all = 0;
    for (let g = 1; g < by.length; g++) {
      const q = g < of.length ? of[g]! : 0;
      if (q === 0 || q === MIXED_PARTITIONS) {
        if (by[g]! > all) all = by[g]!;
      } else if (by[g]! > out[q - 1]!) out[q - 1] = by[g]!;
    }
    for (let q = 1; q < PARTITIONS; q++) if (all > out[q]!) out[q] = all;
    return out;
  });
  const bound = new Float64Array(PARTITIONS);
  for (let q = 0; q < PARTITIONS; q++) {
    let b = dense;
    for (let p = 0; p < plans; p++) {
      const v = inAll[p]!;
      const u = inPart[p * PARTITIONS + q]!;
      if (planKind[p] === 'max') b += Math.max(planOthW[p]!, v, u);
      else {
        let part = Math.min(planCapW[p]!, planOthW[p]! + v + u);
        const x = groupPlan.indexOf(p);
        if (x >= 0 && groupMax[x]![q]! < part) part = groupMax[x]![q]!;
        b += part;
      }
    }
    bound[q] = b;
  }
  return bound;
}
