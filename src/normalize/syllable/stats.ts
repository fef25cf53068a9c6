// Syllable unigram and bigram counts shipped in data/syllables.txt.gz (built
// by scripts/build-syllable-stats.ts from public-domain legal text).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { restyle } from "./index.js";

/** The key a syllable is counted under: lowercase, tone in modern style. */
export function statKey(syl: string): string {
  return restyle(syl.toLowerCase(), "modern");
}

export interface SyllableStats {
  /** Id of a key, -1 when unseen. */
  id(key: string): number;
  /** Count by id. */
  countId(id: number): number;
  /** Pair count by ids. */
  pairId(a: number, b: number): number;
  /** True when the pair of ids was seen at least twice (pairId(a, b) >= 2), by one bit lookup. */
  common(a: number, b: number): boolean;
  /** Number of distinct keys. */
  size: number;
  /** Count of a key (0 when unseen). */
  count(key: string): number;
  /** Count of the pair a b (0 when unseen). */
  pair(a: string, b: string): number;
  /** Sum of all unigram counts. */
  total: number;
}

const DATA = join(import.meta.dirname, "..", "..", "..", "data", "syllables.txt.gz");
let loaded: SyllableStats | null = null;
/** Largest pair bitset kept (bits): 16 MB. */
const MAX_BITS = 1 << 27;

export function parseStats(text: string): SyllableStats {
  const bAt = text.indexOf("\nB\n");
  const lines = (bAt < 0 ? text : text.slice(0, bAt)).split("\n");
  const ids = new Map<string, number>();
  const counts: number[] = [];
  let i = 2;
  let total = 0;
  for (; i < lines.length && lines[i] !== "B"; i++) {
    const sp = lines[i].indexOf(" ");
    ids.set(lines[i].slice(0, sp), counts.length);
    const c = Number(lines[i].slice(sp + 1));
    counts.push(c);
    total += c;
  }
  // The bigram lines are read by character codes: a hundred thousand short
  // lines, where splitting and Number() would dominate the load time.
  const entries: number[] = [];
  const N = counts.length;
  let a = 0, b = 0;
  const n = text.length;
  let at = bAt < 0 ? n : bAt + 3;
  while (at < n) {
    // "a:b c" or "delta c"
    let x = 0, c = text.charCodeAt(at);
    if (c === 10) {
      at++;
      continue;
    }
    while (c >= 48 && c <= 57) {
      x = x * 10 + c - 48;
      c = text.charCodeAt(++at);
    }
    if (c === 58) {
      a = x;
      x = 0;
      c = text.charCodeAt(++at);
      while (c >= 48 && c <= 57) {
        x = x * 10 + c - 48;
        c = text.charCodeAt(++at);
      }
      b = x;
    } else b += x;
    let v = 0;
    c = text.charCodeAt(++at);
    while (c >= 48 && c <= 57) {
      v = v * 10 + c - 48;
      c = text.charCodeAt(++at);
    }
    entries.push(a * N + b, v);
    while (at < n && text.charCodeAt(at) !== 10) at++;
    at++;
  }
  return new Stats(ids, Int32Array.from(counts), total, entries);
}

/** The counts as typed arrays behind methods (one shape: calls inline on the hot path). */
class Stats implements SyllableStats {
  readonly size: number;
  private readonly counts: Int32Array;
  /** Open-addressing hash of pair keys (a * size + b), key and count side by side: one cache line per probe. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * Whether a pair was seen twice decides most words of a clean text: a bit
   * per pair of ids answers it without probing (1.4 MB for 3,300 syllables).
   */
  private readonly twice: Int32Array | null;

  constructor(
    private readonly ids: Map<string, number>,
    counts: Int32Array,
    readonly total: number,
    entries: number[],
  ) {
    const N = (this.size = counts.length);
    this.counts = counts;
    let size = 1;
    while (size < entries.length) size <<= 1;
    this.mask = size - 1;
    const table = (this.table = new Int32Array(2 * size).fill(-1));
    for (let e = 0; e < entries.length; e += 2) {
      let h = this.slot(entries[e]);
      while (table[2 * h] !== -1) h = (h + 1) & this.mask;
      table[2 * h] = entries[e];
      table[2 * h + 1] = entries[e + 1];
    }
    const twice = (this.twice = N * N <= MAX_BITS ? new Int32Array((N * N + 31) >>> 5) : null);
    if (twice) for (let e = 0; e < entries.length; e += 2) if (entries[e + 1] >= 2) twice[entries[e] >>> 5] |= 1 << (entries[e] & 31);
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }

  private pairOf(key: number): number {
    const table = this.table;
    for (let h = this.slot(key); ; h = (h + 1) & this.mask) {
      const k = table[2 * h];
      if (k === key) return table[2 * h + 1];
      if (k === -1) return 0;
    }
  }

  id(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  countId(x: number): number {
    return x < 0 ? 0 : this.counts[x];
  }

  pairId(x: number, y: number): number {
    return x < 0 || y < 0 ? 0 : this.pairOf(x * this.size + y);
  }

  common(x: number, y: number): boolean {
    if (x < 0 || y < 0) return false;
    const key = x * this.size + y;
    if (!this.twice) return this.pairOf(key) >= 2;
    return (this.twice[key >>> 5] & (1 << (key & 31))) !== 0;
  }

  count(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : this.counts[id];
  }

  pair(x: string, y: string): number {
    const ix = this.ids.get(x);
    if (ix === undefined) return 0;
    const iy = this.ids.get(y);
    return iy === undefined ? 0 : this.pairOf(ix * this.size + iy);
  }
}

/** The shipped statistics, loaded once; empty when the data file is missing. */
export function syllableStats(): SyllableStats {
  if (!loaded) loaded = existsSync(DATA) ? parseStats(gunzipSync(readFileSync(DATA)).toString("utf8")) : parseStats("x\nU\nB\n");
  return loaded;
}
