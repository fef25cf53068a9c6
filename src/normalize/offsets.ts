// Offset maps: every stage that rewrites text records, for each output
// character, the offset in its input it came from. Maps compose, so the
// normalized text maps back to the ingested source exactly.

/**
 * `map[i]` is the source offset of output character i; `map[text.length]` is
 * the source end. Always non-decreasing.
 */
export type OffsetMap = Int32Array;

/** Builds an output string together with its offset map into one input. */
export class MappedText {
  private parts: string[] = [];
  private offsets: number[] = [];
  private length = 0;
  private lastSource = 0;

  /** Appends `s`, which stands for input[srcStart, srcEnd). */
  push(s: string, srcStart: number, srcEnd: number = srcStart + s.length): void {
    if (!s) return;
    const srcLen = Math.max(0, srcEnd - srcStart);
    for (let k = 0; k < s.length; k++) {
      // A replacement of another length maps its characters proportionally,
      // clamped inside the replaced range so the map stays monotonic.
      const off = srcLen === s.length ? srcStart + k : srcStart + Math.min(srcLen ? srcLen - 1 : 0, Math.floor((k * srcLen) / s.length));
      this.offsets.push(Math.max(off, this.lastSource));
      this.lastSource = Math.max(off, this.lastSource);
    }
    this.lastSource = Math.max(this.lastSource, srcEnd - (srcLen ? 1 : 0));
    this.parts.push(s);
    this.length += s.length;
  }

  /** Appends input[start, end) unchanged. */
  copy(input: string, start: number, end: number): void {
    this.push(input.slice(start, end), start, end);
  }

  get size(): number {
    return this.length;
  }

  /** Last character appended, or "" when empty. */
  lastChar(): string {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i];
      if (p.length) return p[p.length - 1];
    }
    return "";
  }

  finish(inputLength: number): { text: string; map: OffsetMap } {
    const map = new Int32Array(this.length + 1);
    for (let i = 0; i < this.length; i++) map[i] = this.offsets[i];
    map[this.length] = Math.max(inputLength, this.length ? this.offsets[this.length - 1] : 0);
    return { text: this.parts.join(""), map };
  }
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
