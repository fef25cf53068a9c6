// Builds an output string and its offset map into one input, in a growing
// typed array: a stage that copies long unchanged runs (a whole document
// around one decoded line) fills them with one tight loop.
import type { OffsetMap } from "./offsets.js";

export class MappedRuns {
  private parts: string[] = [];
  private map: Int32Array;
  private length = 0;
  private lastSource = 0;

  /** `expected`: the likely output length, to size the map once. */
  constructor(expected = 1024) {
    this.map = new Int32Array(Math.max(16, expected + 1));
  }

  private room(extra: number): void {
    if (this.length + extra + 1 <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < this.length + extra + 1) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.map.subarray(0, this.length));
    this.map = grown;
  }

  /** Appends `s`, which stands for input[srcStart, srcEnd). */
  push(s: string, srcStart: number, srcEnd: number = srcStart + s.length): void {
    if (!s) return;
    this.mapPiece(s.length, srcStart, srcEnd);
    this.parts.push(s);
  }

  /**
   * Appends pieces k < p.n, each p.out[k] standing for input[offset +
   * p.start[k], offset + p.end[k]): push() of each, kept as one string.
   */
  pushPieces(p: { out: readonly string[]; start: Int32Array; end: Int32Array; n: number }, offset: number): void {
    for (let k = 0; k < p.n; k++) if (p.out[k]) this.mapPiece(p.out[k].length, offset + p.start[k], offset + p.end[k]);
    this.parts.push(p.out.length === p.n ? p.out.join("") : p.out.slice(0, p.n).join(""));
  }

  private mapPiece(len: number, srcStart: number, srcEnd: number): void {
    this.room(len);
    const srcLen = Math.max(0, srcEnd - srcStart);
    const map = this.map;
    let last = this.lastSource, o = this.length;
    for (let k = 0; k < len; k++) {
      // A replacement of another length maps its characters proportionally,
      // clamped inside the replaced range so the map stays monotonic.
      const off = srcLen === len ? srcStart + k : srcStart + Math.min(srcLen ? srcLen - 1 : 0, Math.floor((k * srcLen) / len));
      if (off > last) last = off;
      map[o++] = last;
    }
    this.lastSource = Math.max(last, srcEnd - (srcLen ? 1 : 0));
    this.length = o;
  }

  /** Appends input[start, end) unchanged. */
  copy(input: string, start: number, end: number): void {
    if (end <= start) return;
    this.room(end - start);
    const map = this.map;
    let last = this.lastSource, o = this.length;
    for (let k = start; k < end; k++) map[o++] = k > last ? (last = k) : last;
    this.lastSource = Math.max(last, end - 1);
    this.parts.push(input.slice(start, end));
    this.length = o;
  }

  get size(): number {
    return this.length;
  }

  finish(inputLength: number): { text: string; map: OffsetMap } {
    // A view of the buffer written in place: the builder is done with it, so no copy.
    const map = this.map.subarray(0, this.length + 1);
    map[this.length] = Math.max(inputLength, this.length ? map[this.length - 1] : 0);
    return { text: this.parts.join(""), map };
  }
}
