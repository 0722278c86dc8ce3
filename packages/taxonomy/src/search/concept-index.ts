import { normalizeForSearch, type ConceptType, type SearchableConcept } from '@passerelle/core';
import { defaultScoring, scoreEntry, tokenQuality, type ScoringOptions } from './scoring';

/**
 * The in-memory type-ahead index over concept labels (preferred, alternative and hidden, in every
 * imported language).
 *
 * Layout (all typed arrays, built once):
 * - entries: one per distinct normalised label of a concept (languages and label kinds merged,
 *   keeping the best kind and a bit per language);
 * - words: the sorted vocabulary of normalised tokens, with a compact trie over it so that a
 *   prefix, or a prefix with one typo, maps to contiguous ranges of word ids;
 * - postings: for each word, the entries containing it (contiguous in word order, so a prefix
 *   range is one slice); and the forward list of word ids per entry.
 *
 * A query drives candidates from the token with the fewest postings and checks the other tokens
 * against each candidate's own words, so cost follows the rarest token, not the commonest.
 */

export interface SearchOptions {
  /** The language of the labels returned (fallbacks follow `fallbackLanguages`). */
  lang?: string;
  types?: ConceptType[];
  limit?: number;
  includeObsolete?: boolean;
}

export interface SearchHit {
  uri: string;
  type: ConceptType;
  iscoCode: string | null;
  code: string | null;
  /** Preferred label in the requested language, or the first fallback that has one. */
  label: string;
  labelLang: string;
  /** The label the query matched (never a hidden label: the preferred one is shown instead). */
  matched: string;
  matchedLang: string;
  score: number;
  obsolete: boolean;
}

const typeCodes: ConceptType[] = ['occupation', 'skill', 'skill_group', 'isco_group'];
const kindCodes = { preferred: 0, alt: 1, hidden: 2 } as const;

interface TokenMatch {
  /** Word id ranges [lo, hi) with the edit distance of their matched prefix. */
  ranges: { lo: number; hi: number; distance: number }[];
  token: string;
  postings: number;
}

export class ConceptIndex {
  readonly languages: string[] = [];
  private readonly langBit = new Map<string, number>();
  // concepts
  private readonly uris: string[] = [];
  private readonly conceptByUri = new Map<string, number>();
  private conceptType: Uint8Array = new Uint8Array(0);
  private readonly isco: (string | null)[] = [];
  private readonly codes: (string | null)[] = [];
  private conceptObsolete: Uint8Array = new Uint8Array(0);
  /** Preferred labels per concept: lang → label. */
  private readonly preferred: Map<string, string>[] = [];
  // entries
  private entryConcept: Int32Array = new Int32Array(0);
  private entryKind: Uint8Array = new Uint8Array(0);
  private entryLangs: Uint32Array = new Uint32Array(0);
  private entryText: string[] = [];
  private entryWordStart: Int32Array = new Int32Array(1);
  private entryWords: Int32Array = new Int32Array(0);
  // vocabulary
  private words: string[] = [];
  private wordLength: Uint8Array = new Uint8Array(0);
  /** Entries by their first word (contiguous in word order): the candidates of a very short query. */
  private firstStart: Int32Array = new Int32Array(1);
  private firstEntries: Int32Array = new Int32Array(0);
  private postStart: Int32Array = new Int32Array(1);
  private postEntries: Int32Array = new Int32Array(0);
  // trie over `words`: first child / next sibling lists, edge char, word range [lo, hi), terminal word id
  private trieChild: Int32Array = new Int32Array(0);
  private trieNext: Int32Array = new Int32Array(0);
  private trieChar: Uint16Array = new Uint16Array(0);
  private trieLo: Int32Array = new Int32Array(0);
  private trieHi: Int32Array = new Int32Array(0);
  private trieWord: Int32Array = new Int32Array(0);
  // per-query scratch
  private stamp: Uint32Array = new Uint32Array(0);
  private currentStamp = 0;
  private conceptBest: Float64Array = new Float64Array(0);
  private conceptBestEntry: Int32Array = new Int32Array(0);
  private conceptStamp: Uint32Array = new Uint32Array(0);

  /** Candidate labels the last search looked at (a machine-independent measure of its cost). */
  lastSearchWork = 0;
  readonly fallbackLanguages: string[];
  private readonly scoring: ScoringOptions;

  private constructor(fallbackLanguages: string[], scoring: ScoringOptions) {
    this.fallbackLanguages = fallbackLanguages;
    this.scoring = scoring;
  }

  /** Builds the index from concepts with labels (as the store loads them). */
  static build(
    concepts: SearchableConcept[],
    options: { fallbackLanguages?: string[]; scoring?: Partial<ScoringOptions> } = {},
  ): ConceptIndex {
    const index = new ConceptIndex(options.fallbackLanguages ?? ['en'], {
      ...defaultScoring,
      ...options.scoring,
    });
    for (const _ of index.load(concepts)) {
      // Run every step at once.
    }
    return index;
  }

  /**
   * Builds the index like `build`, but gives the event loop a turn every few thousand concepts,
   * so that a server keeps answering (health checks, other requests) while it builds.
   */
  static async buildAsync(
    concepts: SearchableConcept[],
    options: { fallbackLanguages?: string[]; scoring?: Partial<ScoringOptions> } = {},
  ): Promise<ConceptIndex> {
    const index = new ConceptIndex(options.fallbackLanguages ?? ['en'], {
      ...defaultScoring,
      ...options.scoring,
    });
    for (const _ of index.load(concepts)) await new Promise((resolve) => setImmediate(resolve));
    return index;
  }

  get conceptCount(): number {
    return this.uris.length;
  }

  get entryCount(): number {
    return this.entryConcept.length;
  }

  get wordCount(): number {
    return this.words.length;
  }

  /** Loads the concepts; yields between chunks of work (see `buildAsync`). */
  private *load(concepts: SearchableConcept[]): Generator<void> {
    const n = concepts.length;
    this.conceptType = new Uint8Array(n);
    this.conceptObsolete = new Uint8Array(n);
    const entryConcept: number[] = [];
    const entryKind: number[] = [];
    const entryLangs: number[] = [];
    const entryText: string[] = [];
    const entryTokens: string[][] = [];
    const vocab = new Map<string, number>();

    for (const [ci, c] of concepts.entries()) {
      this.uris.push(c.uri);
      this.conceptByUri.set(c.uri, ci);
      this.conceptType[ci] = Math.max(0, typeCodes.indexOf(c.type));
      this.isco.push(c.iscoCode);
      this.codes.push(c.code);
      this.conceptObsolete[ci] = c.obsolete ? 1 : 0;
      const pref = new Map<string, string>();
      const seen = new Map<string, number>();
      for (const l of c.labels) {
        let bit = this.langBit.get(l.lang);
        if (bit === undefined) {
          bit = this.languages.length < 32 ? this.languages.length : 31;
          this.langBit.set(l.lang, bit);
          this.languages.push(l.lang);
        }
        if (l.preferred) pref.set(l.lang, l.preferred);
        const add = (text: string | null, kind: number) => {
          if (!text) return;
          const norm = normalizeForSearch(text);
          if (norm === '') return;
          const existing = seen.get(norm);
          if (existing !== undefined) {
            entryLangs[existing] = (entryLangs[existing] ?? 0) | (1 << (bit as number));
            if (kind < (entryKind[existing] ?? 3)) {
              entryKind[existing] = kind;
              entryText[existing] = text;
            }
            return;
          }
          const id = entryConcept.length;
          seen.set(norm, id);
          entryConcept.push(ci);
          entryKind.push(kind);
          entryLangs.push(1 << (bit as number));
          entryText.push(text);
          const tokens = norm.split(' ');
          entryTokens.push(tokens);
          for (const t of tokens) if (!vocab.has(t)) vocab.set(t, 0);
        };
        add(l.preferred, kindCodes.preferred);
        for (const a of l.alt) add(a, kindCodes.alt);
        for (const h of l.hidden) add(h, kindCodes.hidden);
      }
      this.preferred.push(pref);
      if (ci % 1000 === 999) yield;
    }

    // Vocabulary in code-unit order (the trie walks code units).
    this.words = [...vocab.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [i, w] of this.words.entries()) vocab.set(w, i);

    const m = entryConcept.length;
    this.entryConcept = Int32Array.from(entryConcept);
    this.entryKind = Uint8Array.from(entryKind);
    this.entryLangs = Uint32Array.from(entryLangs);
    this.entryText = entryText;
    this.entryWordStart = new Int32Array(m + 1);
    let total = 0;
    for (let e = 0; e < m; e++) {
      this.entryWordStart[e] = total;
      total += entryTokens[e]?.length ?? 0;
    }
    this.entryWordStart[m] = total;
    this.entryWords = new Int32Array(total);
    const postCount = new Int32Array(this.words.length);
    for (let e = 0; e < m; e++) {
      const tokens = entryTokens[e] ?? [];
      const base = this.entryWordStart[e] ?? 0;
      for (let k = 0; k < tokens.length; k++) {
        const w = vocab.get(tokens[k] as string) as number;
        this.entryWords[base + k] = w;
        postCount[w] = (postCount[w] ?? 0) + 1;
      }
    }
    this.postStart = new Int32Array(this.words.length + 1);
    for (let w = 0; w < this.words.length; w++)
      this.postStart[w + 1] = (this.postStart[w] ?? 0) + (postCount[w] ?? 0);
    this.postEntries = new Int32Array(this.postStart[this.words.length] ?? 0);
    const fill = this.postStart.slice(0, this.words.length);
    for (let e = 0; e < m; e++) {
      const from = this.entryWordStart[e] ?? 0;
      const to = this.entryWordStart[e + 1] ?? 0;
      let previous = -1;
      for (let k = from; k < to; k++) {
        const w = this.entryWords[k] as number;
        if (w === previous) continue;
        previous = w;
        this.postEntries[fill[w] as number] = e;
        fill[w] = (fill[w] ?? 0) + 1;
      }
    }
    this.wordLength = Uint8Array.from(this.words, (w) => Math.min(255, w.length));
    this.firstStart = new Int32Array(this.words.length + 1);
    const firstCount = new Int32Array(this.words.length);
    for (let e = 0; e < m; e++) {
      const w = this.entryWords[this.entryWordStart[e] as number] as number;
      firstCount[w] = (firstCount[w] ?? 0) + 1;
    }
    for (let w = 0; w < this.words.length; w++)
      this.firstStart[w + 1] = (this.firstStart[w] ?? 0) + (firstCount[w] ?? 0);
    this.firstEntries = new Int32Array(m);
    const firstFill = this.firstStart.slice(0, this.words.length);
    for (let e = 0; e < m; e++) {
      const w = this.entryWords[this.entryWordStart[e] as number] as number;
      this.firstEntries[firstFill[w] as number] = e;
      firstFill[w] = (firstFill[w] ?? 0) + 1;
    }
    // Within each word, the likeliest labels first: preferred before alternative before hidden,
    // then fewer words. A capped scan of a very common prefix then keeps the best ones.
    const prior = (e: number) =>
      (this.entryKind[e] as number) * 256 +
      ((this.entryWordStart[e + 1] as number) - (this.entryWordStart[e] as number));
    for (let w = 0; w < this.words.length; w++) {
      const from = this.firstStart[w] as number;
      const to = this.firstStart[w + 1] as number;
      if (to - from > 1) this.firstEntries.subarray(from, to).sort((a, b) => prior(a) - prior(b));
    }
    yield;
    this.buildTrie();
    this.stamp = new Uint32Array(m);
    this.conceptBest = new Float64Array(n);
    this.conceptBestEntry = new Int32Array(n);
    this.conceptStamp = new Uint32Array(n);
  }

  private buildTrie(): void {
    const child: number[] = [-1];
    const next: number[] = [-1];
    const chars: number[] = [0];
    const lo: number[] = [0];
    const hi: number[] = [this.words.length];
    const word: number[] = [-1];
    // Words are sorted, so the path of each word shares a prefix with the previous one: keep the
    // stack of the previous path and only add the new suffix.
    const path: number[] = [0];
    let previous = '';
    for (const [id, w] of this.words.entries()) {
      let common = 0;
      while (
        common < w.length &&
        common < previous.length &&
        w.charCodeAt(common) === previous.charCodeAt(common)
      )
        common++;
      path.length = common + 1;
      for (let d = common; d < w.length; d++) {
        const parent = path[d] as number;
        const node = child.length;
        child.push(-1);
        next.push(-1);
        chars.push(w.charCodeAt(d));
        lo.push(id);
        hi.push(id + 1);
        word.push(-1);
        // Children are appended in sorted order: link as the last child.
        const first = child[parent] as number;
        if (first === -1) child[parent] = node;
        else {
          let c = first;
          while ((next[c] as number) !== -1) c = next[c] as number;
          next[c] = node;
        }
        path.push(node);
      }
      for (let d = 1; d <= w.length; d++) hi[path[d] as number] = id + 1;
      word[path[w.length] as number] = id;
      previous = w;
    }
    this.trieChild = Int32Array.from(child);
    this.trieNext = Int32Array.from(next);
    this.trieChar = Uint16Array.from(chars);
    this.trieLo = Int32Array.from(lo);
    this.trieHi = Int32Array.from(hi);
    this.trieWord = Int32Array.from(word);
  }

  /**
   * Word-id ranges whose words start with `token`, or with a string one edit away from it
   * (insertion, deletion, substitution or swap of two neighbours) when `maxDistance` is 1.
   */
  private matchToken(token: string, maxDistance: number): TokenMatch {
    const ranges: TokenMatch['ranges'] = [];
    const n = token.length;
    const codes = new Uint16Array(n);
    for (let i = 0; i < n; i++) codes[i] = token.charCodeAt(i);
    if (maxDistance === 0) {
      let node = 0;
      for (let i = 0; i < n && node !== -1; i++) {
        let c = this.trieChild[node] as number;
        while (c !== -1 && this.trieChar[c] !== codes[i]) c = this.trieNext[c] as number;
        node = c;
      }
      if (node !== -1)
        ranges.push({ lo: this.trieLo[node] as number, hi: this.trieHi[node] as number, distance: 0 });
    } else {
      // Damerau-Levenshtein rows down the trie (prefix match: the query must be consumed). One
      // preallocated row per depth: no allocation while walking.
      const rows = this.rowsFor(n);
      const first = rows[0] as Int32Array;
      for (let i = 0; i <= n; i++) first[i] = i;
      const walk = (node: number, depth: number, prevChar: number) => {
        const prev = rows[depth] as Int32Array;
        const prevPrev = depth > 0 ? (rows[depth - 1] as Int32Array) : null;
        if (depth + 1 >= rows.length) return;
        const row = rows[depth + 1] as Int32Array;
        for (let c = this.trieChild[node] as number; c !== -1; c = this.trieNext[c] as number) {
          const ch = this.trieChar[c] as number;
          row[0] = (prev[0] as number) + 1;
          let min = row[0] as number;
          for (let i = 1; i <= n; i++) {
            const cost = codes[i - 1] === ch ? 0 : 1;
            let v = Math.min(
              (prev[i] as number) + 1,
              (row[i - 1] as number) + 1,
              (prev[i - 1] as number) + cost,
            );
            if (prevPrev && i > 1 && codes[i - 1] === prevChar && codes[i - 2] === ch)
              v = Math.min(v, (prevPrev[i - 2] as number) + 1);
            row[i] = v;
            if (v < min) min = v;
          }
          const end = row[n] as number;
          if (end <= maxDistance) {
            ranges.push({ lo: this.trieLo[c] as number, hi: this.trieHi[c] as number, distance: end });
            // An exact prefix covers its whole subtree; a typo'd one may still improve deeper.
            if (end === 0) continue;
          }
          if (min <= maxDistance) walk(c, depth + 1, ch);
        }
      };
      walk(0, 0, -1);
    }
    const kept = disjointRanges(ranges);
    let postings = 0;
    for (const r of kept) postings += (this.postStart[r.hi] as number) - (this.postStart[r.lo] as number);
    return { ranges: kept, token, postings };
  }

  private rowCache: Int32Array[][] = [];

  /** Rows for the typo walk: a prefix match stops at most one character past the query. */
  private rowsFor(n: number): Int32Array[] {
    let rows = this.rowCache[n];
    if (!rows) {
      rows = Array.from({ length: n + 3 }, () => new Int32Array(n + 1));
      this.rowCache[n] = rows;
    }
    return rows;
  }

  /** The quality (0..1) of the best word of entry `e` for a token match, and its position; -1 when none. */
  private bestInEntry(e: number, m: TokenMatch, out: { quality: number; position: number }): void {
    out.quality = -1;
    out.position = -1;
    const from = this.entryWordStart[e] as number;
    const to = this.entryWordStart[e + 1] as number;
    for (let k = from; k < to; k++) {
      const w = this.entryWords[k] as number;
      // Binary search of the word among the disjoint ranges.
      let a = 0;
      let b = m.ranges.length - 1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        const r = m.ranges[mid] as TokenMatch['ranges'][number];
        if (w < r.lo) b = mid - 1;
        else if (w >= r.hi) a = mid + 1;
        else {
          const q = tokenQuality(m.token.length, this.wordLength[w] as number, r.distance, this.scoring);
          if (q > out.quality) {
            out.quality = q;
            out.position = k - from;
          }
          break;
        }
      }
    }
  }

  /** Type-ahead search. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const tokens = normalizeForSearch(query)
      .split(' ')
      .filter((t) => t !== '');
    if (tokens.length === 0 || this.entryConcept.length === 0) return [];
    const unique = [...new Set(tokens)].slice(0, 8);
    const matches = unique.map((t) => this.matchToken(t, t.length >= this.scoring.minTypoLength ? 1 : 0));
    if (matches.some((m) => m.ranges.length === 0)) return [];
    const order = matches
      .map((_, i) => i)
      .sort((a, b) => (matches[a] as TokenMatch).postings - (matches[b] as TokenMatch).postings);
    const driver = matches[order[0] as number] as TokenMatch;

    const lang = options.lang ?? this.fallbackLanguages[0] ?? 'en';
    const wantedBit = this.langBit.get(lang);
    const chain = this.chainFor(lang);
    const fallbackMask = chain.reduce((mask, l) => {
      const b = this.langBit.get(l);
      return b === undefined ? mask : mask | (1 << b);
    }, 0);
    const typeMask = options.types?.length
      ? options.types.reduce((mask, t) => mask | (1 << typeCodes.indexOf(t)), 0)
      : 0xff;
    const includeObsolete = options.includeObsolete === true;

    this.currentStamp++;
    if (this.currentStamp === 0xffffffff) {
      this.stamp.fill(0);
      this.conceptStamp.fill(0);
      this.currentStamp = 1;
    }
    const stamp = this.currentStamp;
    const touched: number[] = [];
    const best = { quality: 0, position: 0 };

    let work = 0;
    const consider = (e: number) => {
      work++;
      if (this.stamp[e] === stamp) return;
      this.stamp[e] = stamp;
      const ci = this.entryConcept[e] as number;
      if (((typeMask >> (this.conceptType[ci] as number)) & 1) === 0) return;
      if (!includeObsolete && this.conceptObsolete[ci] === 1) return;
      let sum = 0;
      let startsWithQuery = false;
      for (let t = 0; t < matches.length; t++) {
        this.bestInEntry(e, matches[t] as TokenMatch, best);
        if (best.quality < 0) return;
        sum += best.quality;
        if (t === 0) startsWithQuery = best.position === 0;
      }
      const langs = this.entryLangs[e] as number;
      const language =
        wantedBit !== undefined && ((langs >> wantedBit) & 1) === 1
          ? 0
          : (langs & fallbackMask) !== 0
            ? 1
            : 2;
      const score = scoreEntry(
        sum / matches.length,
        matches.length,
        (this.entryWordStart[e + 1] as number) - (this.entryWordStart[e] as number),
        startsWithQuery,
        this.entryKind[e] as number,
        language,
        this.conceptObsolete[ci] === 1,
        this.scoring,
      );
      if (this.conceptStamp[ci] !== stamp) {
        this.conceptStamp[ci] = stamp;
        this.conceptBest[ci] = score;
        this.conceptBestEntry[ci] = e;
        touched.push(ci);
      } else if (score > (this.conceptBest[ci] as number)) {
        this.conceptBest[ci] = score;
        this.conceptBestEntry[ci] = e;
      }
    };
    // A very common driver (a query of one or two letters, or a common word): first the labels
    // that start with the first query token, shortest words and likeliest labels first, up to
    // `heavyCap` of them; the full scan runs only if they give too few results.
    const heavy = driver.postings > this.scoring.heavyPostings;
    if (heavy) {
      const lead = matches[0] as TokenMatch;
      const words: number[] = [];
      for (const r of lead.ranges) for (let w = r.lo; w < r.hi; w++) words.push(w);
      words.sort((a, b) => (this.wordLength[a] as number) - (this.wordLength[b] as number) || a - b);
      let budget = this.scoring.heavyCap;
      for (const w of words) {
        const to = this.firstStart[w + 1] as number;
        for (let p = this.firstStart[w] as number; p < to && budget > 0; p++, budget--)
          consider(this.firstEntries[p] as number);
        if (budget <= 0) break;
      }
    }
    if (!heavy || touched.length < limit) {
      for (const r of driver.ranges) {
        const to = this.postStart[r.hi] as number;
        for (let p = this.postStart[r.lo] as number; p < to; p++) consider(this.postEntries[p] as number);
      }
    }

    this.lastSearchWork = work;
    // Top `limit` by score, then shorter preferred label, then URI (stable results).
    const top: number[] = [];
    const better = (a: number, b: number) => {
      const d = (this.conceptBest[a] as number) - (this.conceptBest[b] as number);
      if (d !== 0) return d > 0;
      const la = (this.entryText[this.conceptBestEntry[a] as number] as string).length;
      const lb = (this.entryText[this.conceptBestEntry[b] as number] as string).length;
      if (la !== lb) return la < lb;
      return (this.uris[a] as string) < (this.uris[b] as string);
    };
    for (const ci of touched) {
      if (top.length === limit && !better(ci, top[limit - 1] as number)) continue;
      let i = top.length < limit ? top.length : limit - 1;
      if (top.length < limit) top.push(ci);
      while (i > 0 && better(ci, top[i - 1] as number)) {
        top[i] = top[i - 1] as number;
        i--;
      }
      top[i] = ci;
    }
    return top.map((ci) => this.hit(ci, chain));
  }

  private hit(ci: number, chain: string[]): SearchHit {
    const e = this.conceptBestEntry[ci] as number;
    const pref = this.pickLabel(ci, chain);
    const hidden = this.entryKind[e] === kindCodes.hidden;
    const langs = this.entryLangs[e] as number;
    const inChain = chain.find((l) => {
      const bit = this.langBit.get(l);
      return bit !== undefined && ((langs >> bit) & 1) === 1;
    });
    const lowest = this.languages[31 - Math.clz32(langs & -langs)];
    const matchedLang = hidden ? pref.lang : (inChain ?? lowest ?? pref.lang);
    return {
      uri: this.uris[ci] as string,
      type: typeCodes[this.conceptType[ci] as number] as ConceptType,
      iscoCode: this.isco[ci] ?? null,
      code: this.codes[ci] ?? null,
      label: pref.label,
      labelLang: pref.lang,
      matched: hidden ? pref.label : (this.entryText[e] as string),
      matchedLang,
      score: Math.round((this.conceptBest[ci] as number) * 1000) / 1000,
      obsolete: this.conceptObsolete[ci] === 1,
    };
  }

  /** The language chain for a requested language: itself, its base ("fr-BE" → "fr"), the fallbacks. */
  chainFor(lang: string): string[] {
    const base = lang.split('-')[0] ?? lang;
    return [...new Set([lang, base, ...this.fallbackLanguages])];
  }

  private pickLabel(ci: number, chain: string[]): { label: string; lang: string } {
    const pref = this.preferred[ci] as Map<string, string>;
    for (const l of chain) {
      const label = pref.get(l);
      if (label) return { label, lang: l };
    }
    const [first] = pref;
    if (first) return { label: first[1], lang: first[0] };
    return { label: this.uris[ci] as string, lang: '' };
  }

  /** The preferred label of a concept in `lang`, following the fallback chain; null for an unknown URI. */
  preferredLabel(uri: string, lang: string): { label: string; lang: string } | null {
    const ci = this.conceptByUri.get(uri);
    if (ci === undefined) return null;
    return this.pickLabel(ci, this.chainFor(lang));
  }

  /** Basic facts of a concept, or null. */
  concept(uri: string): {
    uri: string;
    type: ConceptType;
    iscoCode: string | null;
    code: string | null;
    obsolete: boolean;
  } | null {
    const ci = this.conceptByUri.get(uri);
    if (ci === undefined) return null;
    return {
      uri,
      type: typeCodes[this.conceptType[ci] as number] as ConceptType,
      iscoCode: this.isco[ci] ?? null,
      code: this.codes[ci] ?? null,
      obsolete: this.conceptObsolete[ci] === 1,
    };
  }
}

/** Turns possibly overlapping ranges into disjoint ones, each word keeping its smallest distance. */
export function disjointRanges(
  ranges: { lo: number; hi: number; distance: number }[],
): { lo: number; hi: number; distance: number }[] {
  if (ranges.length <= 1) return ranges.slice();
  const cuts = [...new Set(ranges.flatMap((r) => [r.lo, r.hi]))].sort((a, b) => a - b);
  const out: { lo: number; hi: number; distance: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i] as number;
    const hi = cuts[i + 1] as number;
    let distance = Infinity;
    for (const r of ranges) if (r.lo <= lo && hi <= r.hi && r.distance < distance) distance = r.distance;
    if (distance === Infinity) continue;
    const last = out.at(-1);
    if (last && last.hi === lo && last.distance === distance) last.hi = hi;
    else out.push({ lo, hi, distance });
  }
  return out;
}
