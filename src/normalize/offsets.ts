// Offset maps: every stage that rewrites text records, for each output
// character, the offset in its input it came from. Maps compose, so the
// normalized text maps back to the ingested source exactly.

/**
 * `map[i]` is the source offset of output character i; `map[text.length]` is
 * the source end. Always non-decreasing.
 */
export type OffsetMap = Int32Array;

/**
 * A sparse offset map for a stage that changes few places: output offset x
 * maps to x + shift[k], where k is the last run with at[k] <= x; offsets at
 * or past the output's length map to the source's length. One run per
 * change instead of one entry per character.
 */
export interface ShiftMap {
  /** Output offsets where runs start, ascending; at[0] is 0. */
  at: Int32Array;
  shift: Int32Array;
  runs: number;
  /** Length of the output text. */
  length: number;
  /** Length of the input text. */
  sourceLength: number;
}

/** Collects the runs of a ShiftMap while a stage writes its output left to right. */
export class ShiftMapBuilder {
  private at = new Int32Array(16);
  private shift = new Int32Array(16);
  private runs = 0;

  /** Output offset `out` maps to source offset `src`. Calls come in ascending `out`. */
  set(out: number, src: number): void {
    const d = src - out;
    const n = this.runs;
    if (n && this.shift[n - 1] === d) return;
    if (n && this.at[n - 1] === out) {
      this.shift[n - 1] = d;
      return;
    }
    if (n === this.at.length) {
      const at = new Int32Array(n * 2);
      const shift = new Int32Array(n * 2);
      at.set(this.at);
      shift.set(this.shift);
      this.at = at;
      this.shift = shift;
    }
    this.at[n] = out;
    this.shift[n] = d;
    this.runs = n + 1;
  }

  finish(length: number, sourceLength: number): ShiftMap {
    if (!this.runs) this.set(0, 0);
    return { at: this.at, shift: this.shift, runs: this.runs, length, sourceLength };
  }
}

/** The source offset of output offset x under a ShiftMap. */
export function shiftAt(m: ShiftMap, x: number): number {
  return x >= m.length ? m.sourceLength : x + m.shift[runAt(m, x)];
}

/** The run of a ShiftMap that holds output offset x. */
function runAt(m: ShiftMap, x: number): number {
  let lo = 0;
  let hi = m.runs - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.at[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The ShiftMap as a full OffsetMap. */
export function shiftMapOffsets(m: ShiftMap): OffsetMap {
  const out = new Int32Array(m.length + 1);
  for (let x = 0; x <= m.length; x++) out[x] = x;
  composeShiftsInto(out, m);
  return out;
}

/**
 * map := m ∘ map, in place: each entry of `map` (offsets into m's output) becomes
 * an offset into m's input. The same as composeMaps with m as the outer map.
 */
export function composeShiftsInto(map: OffsetMap, m: ShiftMap): void {
  const { at, shift, runs, length, sourceLength } = m;
  let k = 0;
  for (let i = 0; i < map.length; i++) {
    const x = map[i];
    if (x >= length) {
      map[i] = sourceLength;
      continue;
    }
    // Maps are non-decreasing, so the run only moves forward; look it up if one is not.
    if (x < at[k]) k = runAt(m, x);
    while (k + 1 < runs && at[k + 1] <= x) k++;
    map[i] = x + shift[k];
  }
}

/** map := outer ∘ map, in place: composeMaps(outer, map) without a new array. */
export function composeInto(outer: OffsetMap, map: OffsetMap): void {
  const last = outer.length - 1;
  for (let i = 0; i < map.length; i++) map[i] = outer[Math.min(map[i], last)];
}

/** The identity map of a text of length n. */
export function identityMap(n: number): OffsetMap {
  const m = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) m[i] = i;
  return m;
}

/** inner maps C → B and outer maps B → A; the result maps C → A. */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  const out = new Int32Array(inner.length);
  const last = outer.length - 1;
  for (let i = 0; i < inner.length; i++) out[i] = outer[Math.min(inner[i], last)];
  return out;
}

/** The source range of a span of the mapped text. */
export function toSource(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const s = map[Math.min(start, map.length - 1)];
  // The end is the source end of the last character, not the start of the next one.
  const e = end > start ? map[Math.min(end - 1, map.length - 1)] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/** The first mapped offset whose source offset is at or after `src` (inverse of a map). */
export function fromSource(map: OffsetMap, src: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < src) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
