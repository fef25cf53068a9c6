// Reflow's offset map, kept as pieces of output: a run copied from the source
// as it is, glue whose characters all stand at one source offset, or a line
// rewritten from markdown whose offsets sit in a buffer. A document is a few
// pieces per paragraph, so the map is written out one entry per character only
// when it is read, and a source offset is found by a search over pieces.
import { fromSource, type OffsetMap } from "./offsets.js";

const RUN = 0;
const AT = 1;
const BUFFER = 2;

export class PieceMap {
  private kind = new Uint8Array(64);
  private out = new Int32Array(64);
  private src = new Int32Array(64);
  private n = 0;
  /** Output length. */
  private size = 0;
  /** Last source offset written, to tell a map that goes back (then searched in full). */
  private last = -1;
  private monotonic = true;
  private full: OffsetMap | null = null;

  /** `buffer`: where BUFFER pieces' offsets are; `sourceLength`: the input's length. */
  constructor(
    private buffer: () => Int32Array,
    private sourceLength: number,
  ) {}

  /** `len` characters copied from source[from, from + len). */
  run(from: number, len: number): void {
    if (len <= 0) return;
    const k = this.n - 1;
    if (k >= 0 && this.kind[k] === RUN && this.src[k] + (this.size - this.out[k]) === from) {
      // Goes on from the previous run.
    } else this.add(RUN, from);
    this.see(from, from + len - 1);
    this.size += len;
  }

  /** `len` characters that all stand at source offset `at`. */
  at(at: number, len: number): void {
    if (len <= 0) return;
    this.add(AT, at);
    this.see(at, at);
    this.size += len;
  }

  /** `len` characters whose source offsets are buffer[from, from + len). */
  buffered(from: number, len: number): void {
    if (len <= 0) return;
    this.add(BUFFER, from);
    const buf = this.buffer();
    for (let i = from + 1; i < from + len; i++) if (buf[i] < buf[i - 1]) this.monotonic = false;
    this.see(buf[from], buf[from + len - 1]);
    this.size += len;
  }

  private see(first: number, last: number): void {
    if (first < this.last) this.monotonic = false;
    this.last = last;
  }

  private add(kind: number, src: number): void {
    if (this.n === this.out.length) {
      const k = new Uint8Array(this.n * 2);
      const o = new Int32Array(this.n * 2);
      const s = new Int32Array(this.n * 2);
      k.set(this.kind);
      o.set(this.out);
      s.set(this.src);
      this.kind = k;
      this.out = o;
      this.src = s;
    }
    this.kind[this.n] = kind;
    this.out[this.n] = this.size;
    this.src[this.n] = src;
    this.n++;
  }

  /** The full map: one source offset per output character, then the source end. A fresh array on every call. */
  build(): OffsetMap {
    const map = new Int32Array(this.size + 1);
    const buf = this.buffer();
    for (let k = 0; k < this.n; k++) {
      const end = k + 1 < this.n ? this.out[k + 1] : this.size;
      const s = this.src[k];
      let i = this.out[k];
      if (this.kind[k] === RUN) for (let o = s; i < end; ) map[i++] = o++;
      else if (this.kind[k] === AT) map.fill(s, i, end);
      else for (let o = s; i < end; ) map[i++] = buf[o++];
    }
    map[this.size] = Math.max(this.sourceLength, this.size ? map[this.size - 1] + 1 : 0);
    return map;
  }

  /** The map, built once. */
  get map(): OffsetMap {
    return (this.full ??= this.build());
  }

  /** The source offset of the last character of piece k. */
  private lastOf(k: number): number {
    const len = (k + 1 < this.n ? this.out[k + 1] : this.size) - this.out[k];
    if (this.kind[k] === RUN) return this.src[k] + len - 1;
    if (this.kind[k] === AT) return this.src[k];
    return this.buffer()[this.src[k] + len - 1];
  }

  /** offsets.fromSource(map, src): the first output offset whose source offset is at or after `src`. */
  fromSource(src: number): number {
    if (!this.monotonic) return fromSource(this.map, src);
    // The first piece that reaches src.
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lastOf(mid) < src) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.n) return this.size;
    const o = this.out[lo];
    const s = this.src[lo];
    if (this.kind[lo] === RUN) return o + Math.max(0, src - s);
    if (this.kind[lo] === AT) return o;
    const buf = this.buffer();
    let i = 0;
    let j = (lo + 1 < this.n ? this.out[lo + 1] : this.size) - o - 1;
    while (i < j) {
      const mid = (i + j) >> 1;
      if (buf[s + mid] < src) i = mid + 1;
      else j = mid;
    }
    return o + i;
  }
}
