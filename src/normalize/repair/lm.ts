// Syllable bigram scoring for ranking repairs: log P(b | a) with the pair
// counts smoothed towards the unigram (Dirichlet prior), both directions of
// context counted.
import { statKey, syllableStats, type SyllableStats } from "../syllable/stats.js";

const BETA = 20;

export class SyllableModel {
  private ids = new Map<string, number>();
  readonly stats: SyllableStats;
  private readonly denom: number;

  constructor(stats: SyllableStats = syllableStats()) {
    this.stats = stats;
    this.denom = stats.total + 0.1 * Math.max(1, stats.size);
  }

  /** Id of a syllable as written (any case or tone style); -1 when unseen. */
  id(syl: string): number {
    let id = this.ids.get(syl);
    if (id === undefined) {
      id = this.stats.id(statKey(syl));
      if (this.ids.size > 200_000) this.ids.clear();
      this.ids.set(syl, id);
    }
    return id;
  }

  count(id: number): number {
    return this.stats.countId(id);
  }

  pair(a: number, b: number): number {
    return this.stats.pairId(a, b);
  }

  /** The pair was seen at least twice. */
  common(a: number, b: number): boolean {
    return this.stats.common(a, b);
  }

  private uni(b: number): number {
    return (this.stats.countId(b) + 0.1) / this.denom;
  }

  /** log P(b | a); a = null means no context (a line start, punctuation). */
  logP(a: number | null, b: number): number {
    const p1 = this.uni(b);
    if (a === null) return Math.log(p1);
    return Math.log((this.stats.pairId(a, b) + BETA * p1) / (this.stats.countId(a) + BETA));
  }

  /** Score of one syllable between two context syllables (null: none). */
  chain1(prev: number | null, b: number, next: number | null): number {
    const s = this.logP(prev, b);
    return next === null ? s : s + this.logP(b, next) - this.logP(null, next);
  }

  /** Score of two syllables in a row between two context syllables (null: none). */
  chain2(prev: number | null, b: number, c: number, next: number | null): number {
    const s = this.logP(prev, b) + this.logP(b, c);
    return next === null ? s : s + this.logP(c, next) - this.logP(null, next);
  }
}
