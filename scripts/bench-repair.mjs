// Benchmark of damaged-Vietnamese repair (npm run bench:repair).
// Damages clean text (the clean seeds and the corpus slice held apart from
// the shipped counts) class by class with the seeded generator, runs
// decodeLegacy → cleanCodepoints → repairDiacritics, and reports per class the
// damaged words restored, wrong changes, false changes per 10,000 clean
// words, and throughput.
//
// Options: --rate R (share of words damaged, 0.05), --chars N (corpus
// characters, 1.5 M; --chars 300000 for a quick run), --runs N (timed passes
// after the scored one, 5; the median is reported).
//
// Speed is CPU time of this process per stage, in MB/s of UTF-8 input. The
// scored pass is the first sight of every text (code compiled, spellings
// learnt as they come); the timed passes then run the same inputs again,
// every damaged text made beforehand, and report the median pass.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const root = join(import.meta.dirname, "..");
const { decodeLegacy } = await import("../src/normalize/legacy/index.ts");
const { cleanCodepoints } = await import("../src/normalize/codepoints.ts");
const { repairDiacritics } = await import("../src/normalize/repair/index.ts");
const { damage, encodeLegacy, WORD } = await import("./damage.ts");
const { readCorpus, corpusDir } = await import("./corpus.ts");
const TCVN3_CAPITALS = new Set("ĂÂÊÔƠƯĐ");

const args = process.argv.slice(2);
const RATE = Number(args[args.indexOf("--rate") + 1]) || 0.05;
const LIMIT = Number(args[args.indexOf("--chars") + 1]) || 1_500_000;
const RUNS = args.includes("--runs") ? Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 1) : 5;
if (args.includes("--help")) {
  console.log("usage: node scripts/bench-repair.mjs [--rate 0.05] [--chars 1500000] [--runs 5]");
  process.exit(0);
}

// CPU time of this process, so other work on the machine does not count.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const newTimes = () => ({ legacy: 0, codepoints: 0, repair: 0, bytes: 0 });
let times = newTimes();
function run(text) {
  const t = cpu();
  const a = decodeLegacy(text);
  const t1 = cpu();
  const b = cleanCodepoints(a.text);
  const t2 = cpu();
  const r = repairDiacritics(b.text).text;
  const t3 = cpu();
  times.legacy += t1 - t;
  times.codepoints += t2 - t1;
  times.repair += t3 - t2;
  times.bytes += Buffer.byteLength(text);
  return r;
}

const words = (t) => [...t.matchAll(WORD)].map((m) => m[0]);

// ---------- texts ----------
const seedDir = join(root, "fixtures", "seeds");
const texts = [];
for (const f of readdirSync(seedDir).sort()) {
  if (f.startsWith("003_")) continue; // seed 003 carries real damage; it is scored against its gold instead
  texts.push({ name: f, text: readFileSync(join(seedDir, f), "utf8").normalize("NFC") });
}
let heldOut = 0;
if (existsSync(corpusDir)) {
  let chars = 0;
  for (const r of readCorpus("eval")) {
    if (chars >= LIMIT) break;
    texts.push({ name: r.id, text: r.text });
    chars += r.text.length;
    heldOut++;
  }
} else console.log("(../shared/corpus is absent: seeds only)");
const totalChars = texts.reduce((s, t) => s + t.text.length, 0);
console.log(`texts: ${texts.length - heldOut} clean seeds + ${heldOut} held-out corpus records, ${(totalChars / 1e6).toFixed(2)} M chars; damage rate ${RATE}\n`);

// The syllable statistics load on first use: timed apart.
const loadStart = cpu();
run("khởi động");
const loadSecs = cpu() - loadStart;

/** Compares clean and output word lists; a different count falls back to a greedy alignment. */
function compare(cleanWords, outWords) {
  if (cleanWords.length === outWords.length) return cleanWords.map((w, i) => outWords[i] === w);
  const ok = new Array(cleanWords.length).fill(false);
  let j = 0;
  for (let i = 0; i < cleanWords.length; i++) {
    const k = outWords.indexOf(cleanWords[i], j);
    if (k >= 0 && k - j < 5) {
      ok[i] = true;
      j = k + 1;
    }
  }
  return ok;
}

// ---------- false changes on clean text ----------
let cleanWords = 0, falseChanges = 0;
const falseList = [];
times = newTimes();
for (const { text } of texts) {
  const out = run(text);
  const cw = words(text), ow = words(out);
  const ok = compare(cw, ow);
  cleanWords += cw.length;
  ok.forEach((v, i) => {
    if (!v) {
      falseChanges++;
      if (falseList.length < 12) falseList.push(`${cw[i]}→${ow[i]}`);
    }
  });
}
const firstTimes = times;
const rows = [];
/** Every damaged or encoded text of the scored pass, for the timed passes. */
const damagedInputs = [];
times = newTimes();

// ---------- classes 1–5 ----------
const names = { 1: "1 odd code points", 2: "2 mark on wrong letter", 3: "3 mark jumped to next word", 4: "4 U+FFFD for a vowel", 5: "5 lost mark" };
for (const cls of [1, 2, 3, 4, 5]) {
  let dam = 0, restored = 0, wrong = 0, changed = 0, elsewhere = 0, n = 0;
  const misses = [];
  texts.forEach(({ text }, k) => {
    const d = damage(text, cls, RATE, 1000 * cls + k);
    damagedInputs.push(d.text);
    const out = run(d.text);
    const cw = words(text), ow = words(out), dw = words(d.text);
    const ok = compare(cw, ow);
    const hit = new Set(d.damaged);
    n += cw.length;
    for (let i = 0; i < cw.length; i++) {
      if (hit.has(i)) {
        dam++;
        if (ok[i]) restored++;
        else if (misses.length < 8) misses.push(`${dw[i] ?? "?"}→${ow[i] ?? "?"} (${cw[i]})`);
        if (dw.length === cw.length && ow[i] !== dw[i]) {
          changed++;
          if (!ok[i]) wrong++;
        }
      } else if (!ok[i]) elsewhere++;
    }
  });
  rows.push({ name: names[cls], dam, restored, wrong, changed, elsewhere, n, misses });
}

// ---------- class 6: legacy encodings ----------
for (const enc of ["TCVN3", "VNI", "VIQR", "Windows-1258", "TCVN3+VNI mixed"]) {
  let dam = 0, restored = 0, elsewhere = 0, n = 0;
  const misses = [];
  for (const { text } of texts.slice(0, 12)) {
    let encoded;
    if (enc.endsWith("mixed")) encoded = text.split("\n").map((l, i) => encodeLegacy(l, i % 2 ? "VNI" : "TCVN3")).join("\n");
    else encoded = encodeLegacy(text, enc);
    damagedInputs.push(encoded);
    const out = run(encoded);
    const cw = words(text), ow = words(out);
    const ok = compare(cw, ow);
    // VN3 has no toned capitals (Ủ, Ấ…): such a word's case is not in the bytes, so it is compared case-blind.
    if (enc.startsWith("TCVN3")) cw.forEach((w, i) => {
      if (!ok[i] && /[À-ỹ]/.test(w) && [...w].some((c) => c !== c.toLowerCase() && !TCVN3_CAPITALS.has(c) && /[^\x00-\x7f]/.test(c))) ok[i] = ow[i]?.toLowerCase() === w.toLowerCase();
    });
    n += cw.length;
    cw.forEach((w, i) => {
      if (/[^\x00-\x7f]/.test(w)) {
        dam++;
        if (ok[i]) restored++;
        else if (misses.length < 8) misses.push(`${ow[i] ?? "?"} (${w})`);
      } else if (!ok[i]) elsewhere++;
    });
  }
  rows.push({ name: `6 legacy ${enc}${enc.startsWith("TCVN3") ? "¹" : ""}`, dam, restored, wrong: null, changed: null, elsewhere, n, misses });
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) + " %" : "–");
console.log("class".padEnd(30) + "damaged".padStart(9) + "restored".padStart(11) + "wrong".padStart(10) + "  other words changed /10k");
for (const r of rows) {
  console.log(r.name.padEnd(30) + String(r.dam).padStart(9) + pct(r.restored, r.dam).padStart(11) + (r.wrong === null ? "–" : pct(r.wrong, r.dam)).padStart(10) + ("  " + ((1e4 * r.elsewhere) / r.n).toFixed(2)));
}
console.log("¹ words with a toned capital, which VN3 cannot encode, compared case-blind");
console.log(`\nclean text: ${falseChanges} false changes in ${cleanWords} words = ${((1e4 * falseChanges) / cleanWords).toFixed(2)} per 10,000 words`);
if (falseList.length) console.log("  e.g. " + falseList.join(", "));
for (const r of rows) if (r.misses.length && r.restored < r.dam) console.log(`  misses, ${r.name}: ${r.misses.join(", ")}`);
const damagedFirst = times;

// ---------- timed passes ----------
/** The pass whose normalize time is the median of `passes`. */
function median(passes) {
  const total = (x) => x.legacy + x.codepoints + x.repair;
  return [...passes].sort((a, b) => total(a) - total(b))[passes.length >> 1];
}
function timed(inputs) {
  const passes = [];
  for (let k = 0; k < RUNS; k++) {
    times = newTimes();
    for (const t of inputs) run(t);
    passes.push(times);
  }
  return median(passes);
}
const cleanTimed = timed(texts.map((t) => t.text));
const damagedTimed = timed(damagedInputs);

// MB/s of UTF-8 input per stage and for the three together, on one core (CPU time).
const speed = (x) => {
  const mbps = (secs) => (x.bytes / 1e6 / secs).toFixed(1).padStart(7);
  return `${mbps(x.legacy)}${mbps(x.codepoints)}${mbps(x.repair)}${mbps(x.legacy + x.codepoints + x.repair)}`;
};
console.log(`\nspeed, MB/s of UTF-8 input on one core (CPU time):`);
console.log("".padEnd(40) + " legacy  codept  repair  normalize");
console.log(`  clean text, first pass`.padEnd(40) + speed(firstTimes) + `   (${(firstTimes.bytes / 1e6).toFixed(1)} MB; compiles code, learns spellings)`);
console.log(`  clean text, median of ${RUNS} passes`.padEnd(40) + speed(cleanTimed));
console.log(`  damaged text (classes 1–6), first pass`.padEnd(40) + speed(damagedFirst) + `   (${(damagedFirst.bytes / 1e6).toFixed(1)} MB; new damaged spellings)`);
console.log(`  damaged text, median of ${RUNS} passes`.padEnd(40) + speed(damagedTimed));
console.log(`  load of the syllable statistics: ${(loadSecs * 1000).toFixed(0)} ms (once per process)`);
