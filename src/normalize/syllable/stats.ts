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
  // Open-addressing hash, key and count side by side (one cache line per probe):
  // pair lookups sit on the hot path.
  let size = 1;
  while (size < entries.length) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(2 * size).fill(-1);
  const slot = (key: number) => Math.imul(key, 0x9e3779b1) >>> 0 & mask;
  for (let e = 0; e < entries.length; e += 2) {
    let h = slot(entries[e]);
    while (table[2 * h] !== -1) h = (h + 1) & mask;
    table[2 * h] = entries[e];
    table[2 * h + 1] = entries[e + 1];
  }
  const pairOf = (key: number): number => {
    for (let h = slot(key); ; h = (h + 1) & mask) {
      const k = table[2 * h];
      if (k === key) return table[2 * h + 1];
      if (k === -1) return 0;
    }
  };
  // Whether a pair was seen twice decides most words of a clean text ("settled"):
  // a bit per pair of ids answers it without probing (1.4 MB for 3,300 syllables).
  const twice = N * N <= MAX_BITS ? new Int32Array((N * N + 31) >>> 5) : null;
  if (twice) for (let e = 0; e < entries.length; e += 2) if (entries[e + 1] >= 2) twice[entries[e] >>> 5] |= 1 << (entries[e] & 31);
  const common = twice
    ? (x: number, y: number): boolean => {
        if (x < 0 || y < 0) return false;
        const key = x * N + y;
        return (twice[key >>> 5] & (1 << (key & 31))) !== 0;
      }
    : (x: number, y: number): boolean => x >= 0 && y >= 0 && pairOf(x * N + y) >= 2;
  return {
    total,
    size: N,
    id: (k) => ids.get(k) ?? -1,
    countId: (x) => (x < 0 ? 0 : counts[x]),
    pairId: (x, y) => (x < 0 || y < 0 ? 0 : pairOf(x * N + y)),
    common,
    count: (k) => {
      const id = ids.get(k);
      return id === undefined ? 0 : counts[id];
    },
    pair: (x, y) => {
      const ix = ids.get(x);
      if (ix === undefined) return 0;
      const iy = ids.get(y);
      return iy === undefined ? 0 : pairOf(ix * N + iy);
    },
  };
}

/** The shipped statistics, loaded once; empty when the data file is missing. */
export function syllableStats(): SyllableStats {
  if (!loaded) loaded = existsSync(DATA) ? parseStats(gunzipSync(readFileSync(DATA)).toString("utf8")) : parseStats("x\nU\nB\n");
  return loaded;
}
