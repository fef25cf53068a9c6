// The legal-text corpus in ../shared/corpus, split deterministically: one
// record in ten (by a hash of its id) is held apart for evaluation and never
// counted into the shipped statistics.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface CorpusRecord {
  id: string;
  text: string;
}

export const corpusDir = join(import.meta.dirname, "..", "..", "shared", "corpus");

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function isHeldOut(id: string): boolean {
  return fnv1a(id) % 10 === 0;
}

/** Records of one split, NFC, sorted by id. */
export function readCorpus(split: "train" | "eval"): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  for (const f of readdirSync(corpusDir).filter((n) => n.endsWith(".jsonl.gz")).sort()) {
    const lines = gunzipSync(readFileSync(join(corpusDir, f))).toString("utf8").split("\n");
    for (const line of lines) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as CorpusRecord;
      if (isHeldOut(r.id) === (split === "eval")) out.push({ id: r.id, text: r.text.normalize("NFC") });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
