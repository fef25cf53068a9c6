// A budget of bytes held at once: files read ahead of the extracting threads
// wait for room, so that a folder of large PDFs is not all read into memory.
// One file always fits, however large (its own limit is --max-size).

export class ByteBudget {
  private used = 0;
  private readonly waiting: { size: number; go: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves when `size` bytes fit beside those held (at once when nothing is held). */
  take(size: number): Promise<void> {
    if (!this.waiting.length && this.fits(size)) {
      this.used += size;
      return Promise.resolve();
    }
    return new Promise((go) => this.waiting.push({ size, go }));
  }

  /** Gives `size` bytes back and lets waiting files in, in order. */
  give(size: number): void {
    this.used -= size;
    while (this.waiting.length && this.fits(this.waiting[0].size)) {
      const next = this.waiting.shift()!;
      this.used += next.size;
      next.go();
    }
  }

  get held(): number {
    return this.used;
  }

  private fits(size: number): boolean {
    return this.used === 0 || this.used + size <= this.limit;
  }
}
