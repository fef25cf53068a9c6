#!/usr/bin/env node
// Throughput of the text path alone: reflow (markdown + wraps) and segment,
// each timed on its own in CPU time on one core, over the real text of
// ../shared/corpus/*.jsonl.gz (read here, never copied) or the seeds.
//
//   node scripts/bench-text.mjs               # 8 MB of corpus text, best of 5 runs, from src (tsx)
//   node scripts/bench-text.mjs --mb 20 --runs 7
//   node scripts/bench-text.mjs --dist        # the build in dist/
//
// CPU time still grows when other work shares the core's siblings: compare
// figures taken one after the other on the same machine.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const MB = 1024 * 1024;
const limit = option("--mb", 8) * MB;
const runs = option("--runs", 5);

let load;
if (args.includes("--dist")) load = (p) => import(join(root, "dist", `${p}.js`));
else {
  const { register } = await import("tsx/esm/api");
  register();
  load = (p) => import(join(root, "src", `${p}.ts`));
}
const { decodeLegacy } = await load("normalize/legacy/index");
const { cleanCodepoints } = await load("normalize/codepoints");
const { repairDiacritics } = await load("normalize/repair/index");
const { reflow } = await load("normalize/reflow");
const { normalize } = await load("normalize/index");
const { segment } = await load("segment/index");

// Documents up to the limit: the corpus if present, else the seeds repeated.
const docs = [];
let bytes = 0;
const corpusDir = join(root, "..", "shared", "corpus");
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith(".jsonl.gz")) : [];
const texts = corpus.length
  ? corpus.flatMap((f) => gunzipSync(readFileSync(join(corpusDir, f))).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text))
  : readdirSync(join(root, "fixtures", "seeds")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "fixtures", "seeds", f), "utf8"));
for (let i = 0; bytes < limit && texts.length; i++) {
  const t = texts[i % texts.length];
  docs.push(t);
  bytes += Buffer.byteLength(t);
}

// Each stage gets the input the stage before it would give it.
const beforeReflow = docs.map((d) => repairDiacritics(cleanCodepoints(decodeLegacy(d, []).text).text, {}).text);
const normalized = docs.map((d) => normalize(d));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const best = (fn) => {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = cpuMs();
    fn();
    min = Math.min(min, cpuMs() - t0);
  }
  return min;
};
const mb = bytes / MB;
const reflowMs = best(() => beforeReflow.forEach((t) => reflow(t)));
const segmentMs = best(() => normalized.forEach((n) => segment(n)));
console.log(`${docs.length} documents, ${mb.toFixed(1)} MB (${corpus.length ? "corpus" : "seeds"}), best of ${runs} runs, CPU time`);
console.log(`reflow   ${((mb / reflowMs) * 1000).toFixed(1)} MB/s`);
console.log(`segment  ${((mb / segmentMs) * 1000).toFixed(1)} MB/s`);
