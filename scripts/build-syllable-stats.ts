// Builds data/syllables.txt.gz: syllable unigram and bigram counts from the
// training split of the legal corpus. Deterministic: same corpus, same bytes.
//   npx tsx scripts/build-syllable-stats.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { statKey } from "../src/normalize/syllable/stats.js";
import { isValidSyllable } from "../src/normalize/syllable/index.js";
import { readCorpus } from "./corpus.js";

const MIN_UNIGRAM = 2;
const MIN_BIGRAM = 2;

const uni = new Map<string, number>();
const bi = new Map<string, number>();
const records = readCorpus("train");
for (const r of records) {
  // Bigrams link two syllables separated by spaces only: punctuation, digits
  // and line breaks end the context.
  let prev: string | null = null;
  for (const m of r.text.matchAll(/[\p{L}\p{M}]+|[^\p{L}\p{M}]+/gu)) {
    const tok = m[0];
    if (/^[\p{L}\p{M}]/u.test(tok)) {
      const key = isValidSyllable(tok) ? statKey(tok) : null;
      if (key) {
        uni.set(key, (uni.get(key) ?? 0) + 1);
        if (prev) bi.set(prev + " " + key, (bi.get(prev + " " + key) ?? 0) + 1);
      }
      prev = key;
    } else if (!/^[ \t]+$/.test(tok)) prev = null;
  }
}

const vocab = [...uni].filter(([, c]) => c >= MIN_UNIGRAM).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const id = new Map(vocab.map(([w], i) => [w, i]));
const pairs: [number, number, number][] = [];
for (const [k, c] of bi) {
  if (c < MIN_BIGRAM) continue;
  const [a, b] = k.split(" ");
  const ia = id.get(a), ib = id.get(b);
  if (ia !== undefined && ib !== undefined) pairs.push([ia, ib, c]);
}
pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

// Format: header line; "U" then one "syllable count" a line in id order; "B"
// then "first-id second-id-delta count" lines (the first id omitted when unchanged).
const lines = [`vnplan-syllables 1 records=${records.length}`, "U", ...vocab.map(([w, c]) => `${w} ${c}`), "B"];
let last = -1, lastB = 0;
for (const [a, b, c] of pairs) {
  if (a !== last) {
    lines.push(`${a}:${b} ${c}`);
    last = a;
  } else lines.push(`${b - lastB} ${c}`);
  lastB = b;
}
const out = join(import.meta.dirname, "..", "data", "syllables.txt.gz");
writeFileSync(out, gzipSync(Buffer.from(lines.join("\n") + "\n"), { level: 9 }));
console.log(`${records.length} records, ${vocab.length} syllables, ${pairs.length} bigrams → ${out}`);
