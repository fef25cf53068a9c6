// Values keyed by spellings, found again by hashing a word's code units in
// place: an open-addressing table whose keys' code units sit in one pool, so
// looking a word up makes no string. Repair's spellings and legacy decoding's
// verdicts are both kept in one.

export const FNV_SEED = 0x811c9dc5 | 0;
export const hashStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);

export class UnitTable {
  /** Four numbers per slot, one cache line for a probe: hash, value (0: empty), start in the pool, length. */
  private slots: Int32Array;
  private mask: number;
  private pool: Uint16Array;
  private used = 0;
  size = 0;

  /** `bits`: log2 of the slots to start with (and start over with); `poolUnits`: the pool's first size. */
  constructor(
    private readonly bits: number,
    poolUnits: number,
  ) {
    this.slots = new Int32Array(4 << bits);
    this.mask = (1 << bits) - 1;
    this.pool = new Uint16Array(poolUnits);
  }

  /** The value of text[start, end) (hash h); 0 when absent. */
  findText(h: number, text: string, start: number, end: number): number {
    const slots = this.slots;
    const len = end - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const o = s << 2;
      const v = slots[o + 1];
      if (v === 0) return 0;
      if (slots[o] !== h || slots[o + 3] !== len) continue;
      const pool = this.pool;
      const from = slots[o + 2] - start;
      let k = start;
      while (k < end && text.charCodeAt(k) === pool[from + k]) k++;
      if (k === end) return v;
    }
  }

  /** The value of the spelling held in word[0, len) (hash h); 0 when absent. */
  findUnits(h: number, word: Uint16Array, len: number): number {
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const o = s << 2;
      const v = slots[o + 1];
      if (v === 0) return 0;
      if (slots[o] !== h || slots[o + 3] !== len) continue;
      const pool = this.pool;
      const at = slots[o + 2];
      let k = 0;
      while (k < len && word[k] === pool[at + k]) k++;
      if (k === len) return v;
    }
  }

  /** Enters text[start, end) (hash h) with a value other than 0. */
  addText(h: number, text: string, start: number, end: number, value: number): void {
    const at = this.reserve(end - start);
    for (let k = start; k < end; k++) this.pool[at + k - start] = text.charCodeAt(k);
    this.enter(h, value, at, end - start);
  }

  /** Enters word[0, len) (hash h) with a value other than 0. */
  addUnits(h: number, word: Uint16Array, len: number, value: number): void {
    const at = this.reserve(len);
    this.pool.set(word.subarray(0, len), at);
    this.enter(h, value, at, len);
  }

  /** Forgets every key; the pool keeps its size. */
  clear(): void {
    this.slots = new Int32Array(4 << this.bits);
    this.mask = (1 << this.bits) - 1;
    this.used = 0;
    this.size = 0;
  }

  /** Room in the pool for len units, and in the slots for one more key: where the units go. */
  private reserve(len: number): number {
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    if (this.used + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(2 * this.pool.length, this.used + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    return this.used;
  }

  private enter(h: number, value: number, at: number, len: number): void {
    this.put(h, value, at, len);
    this.used += len;
    this.size++;
  }

  private put(h: number, value: number, at: number, len: number): void {
    let s = h & this.mask;
    while (this.slots[(s << 2) + 1] !== 0) s = (s + 1) & this.mask;
    const o = s << 2;
    this.slots[o] = h;
    this.slots[o + 1] = value;
    this.slots[o + 2] = at;
    this.slots[o + 3] = len;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
    for (let o = 0; o < old.length; o += 4) if (old[o + 1]) this.put(old[o], old[o + 1], old[o + 2], old[o + 3]);
  }
}
