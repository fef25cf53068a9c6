#!/usr/bin/env node
// Generates a corpus of plan files for the import benchmark and tests: each
// file is one of the fixtures with its place names, numbers and dates varied,
// so every file has different content (and SHA-256) but reads like a plan.
//
//   node scripts/gen-corpus.mjs OUT_DIR [COUNT=2000] [SEED=1]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// Provinces and districts: the generator swaps any of these it finds for another.
const PLACES = {
  tỉnh: ["Bình Thuận", "Hà Giang", "Phú Yên", "Quảng Ngãi", "Đắk Lắk", "Nghệ An", "Thái Bình", "Long An", "Lào Cai", "Cà Mau"],
  huyện: ["Tây Hòa", "Đức Linh", "Hàm Tân", "Bắc Bình", "Tuy Phong", "Đồng Xuân", "Sơn Hòa", "Phú Hòa"],
};

/** Small deterministic generator (mulberry32), so a corpus can be made again identically. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fixtureTexts() {
  const dir = join(root, "fixtures", "seeds");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

/** One varied plan: dates shifted, places swapped, document numbers renumbered. */
export function vary(text, rnd, index) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const years = Math.floor(rnd() * 4);
  let out = text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, d, m, y) => {
    const day = Math.min(28, Math.max(1, Number(d) + Math.floor(rnd() * 5) - 2));
    return `${String(day).padStart(d.length, "0")}/${m}/${Number(y) + years}`;
  });
  out = out.replace(/\bnăm (\d{4})\b/g, (_, y) => `năm ${Number(y) + years}`);
  for (const [level, names] of Object.entries(PLACES)) {
    const swap = pick(names);
    for (const n of names) out = out.replaceAll(`${level} ${n}`, `${level} ${swap}`);
  }
  // Own numbers and numbers of cited documents: "Số: 21-KH/...", "số 34-CT/TW" keep their form.
  out = out.replace(/\b(Số:?\s*)(\d{1,4})(?=[-/])/g, (_, lead) => `${lead}${1 + Math.floor(rnd() * 400)}`);
  return `${out.trimEnd()}\n\n(Bản số ${index + 1})\n`;
}

export function generateCorpus(outDir, count = 2000, seed = 1) {
  const texts = fixtureTexts();
  const rnd = random(seed);
  mkdirSync(outDir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    // A few files per folder, as archives are kept.
    const dir = join(outDir, `hop-${String(Math.floor(i / 100)).padStart(3, "0")}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const file = join(dir, `ke-hoach-${String(i + 1).padStart(5, "0")}.txt`);
    writeFileSync(file, vary(texts[i % texts.length], rnd, i));
    files.push(file);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [outDir, count = "2000", seed = "1"] = process.argv.slice(2);
  if (!outDir) {
    process.stderr.write("usage: node scripts/gen-corpus.mjs OUT_DIR [COUNT=2000] [SEED=1]\n");
    process.exit(2);
  }
  const files = generateCorpus(outDir, Number(count), Number(seed));
  process.stdout.write(JSON.stringify({ outDir, files: files.length }) + "\n");
}
