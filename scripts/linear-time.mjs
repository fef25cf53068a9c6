#!/usr/bin/env node
// Linear-time check: feeds the core pipeline adversarial inputs of growing
// size (long runs of digits, slashes, dashes, "số", Roman numerals, dots,
// unclosed quotes and brackets, one very long line, very many short lines)
// and fails when the time per KB grows with the size: the sign of a
// backtracking regular expression or a quadratic loop.
//
//   node scripts/linear-time.mjs           # 64 KB → 1 MB (the 1 MB single line, ~100k short lines)
//   node scripts/linear-time.mjs --short   # 4 KB → 64 KB, as in CI (tests/linear-time.test.ts)
import { fileURLToPath } from "node:url";

/**
 * Growth of time per KB between the two largest sizes (4× apart) that still
 * counts as linear: quadratic work shows ×4 there, linear ×1 give or take noise.
 * The step between the largest sizes is judged, as small inputs are mostly noise.
 */
export const MAX_GROWTH = 2.5;

/** Sizes of the short mode: 16× from the smallest to the largest, as in the full mode. */
export const SHORT_SIZES = [4 * 1024, 16 * 1024, 64 * 1024];

const repeatTo = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const SENTENCE =
  "Ủy ban nhân dân xã chủ trì, phối hợp với Công an xã thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND huyện, hoàn thành trước ngày 30/6/2025, đạt 100% chỉ tiêu. ";

/** name → (size in characters) → input text. */
export const CASES = {
  digits: (n) => repeatTo("0123456789", n),
  "digits and spaces": (n) => repeatTo("12 345 ", n),
  slashes: (n) => repeatTo("/", n),
  "number/number": (n) => repeatTo("12/", n),
  "symbol chain": (n) => repeatTo("QĐ-UBND/", n),
  dashes: (n) => repeatTo("-", n),
  "dash lines": (n) => repeatTo("- \n", n),
  "số": (n) => repeatTo("số ", n),
  "Số: with no number": (n) => repeatTo("Số: ", n),
  "Roman numerals": (n) => repeatTo("MCMXCIVXLIV", n),
  "Roman headings": (n) => repeatTo("IV. ", n),
  dots: (n) => repeatTo(".", n),
  "dotted numbering": (n) => repeatTo("1.", n),
  "dot leaders": (n) => repeatTo("Nơi nhận........", n),
  "unclosed quote": (n) => '"' + repeatTo("ngày 12 tháng 3 năm 2025 ", n - 1),
  "unclosed parentheses": (n) => repeatTo("(", n),
  "nested parentheses": (n) => repeatTo("(Quyết định số ", n),
  "curly quotes": (n) => repeatTo("“", n),
  "dates without end": (n) => repeatTo("ngày 1 tháng ", n),
  "one long line": (n) => repeatTo(SENTENCE, n),
  "short lines": (n) => repeatTo("a\n", n),
  "numbered short lines": (n) => repeatTo("1.\n", n),
  "table rows": (n) => repeatTo("| a |\n", n),
  "table cells": (n) => repeatTo("| ", n),
  "markdown marks": (n) => repeatTo("**#", n),
  "combining marks": (n) => "a" + repeatTo("\u0301", n - 1),
  "legacy letters": (n) => repeatTo("Vieät Nam UBND tØnh ", n),
};

/**
 * Times `run` on every case at each size, in CPU time (wall time swells when
 * other work shares the cores); each size's figure is the fastest of `runs`.
 */
export async function measure(run, { sizes, runs = 3, cases = CASES, maxMillis = 20_000, onResult } = {}) {
  const results = [];
  for (const [name, make] of Object.entries(cases)) {
    const row = { name, points: [], growth: 0, ok: true };
    for (const size of sizes) {
      const input = make(size);
      // Warm-up on this very input: V8 compiles, and may drop and recompile,
      // the code paths an odd input takes; the first pass can be tens of times
      // slower than the next, which would read as growth.
      await settle(run, input);
      const times = [];
      for (let i = 0; i < runs; i++) {
        const c0 = process.cpuUsage();
        try {
          await run(input);
        } catch (err) {
          // Refusing an input is fine; only the time matters here.
          if (err?.name !== "VnplanError") throw err;
        }
        const c = process.cpuUsage(c0);
        times.push((c.user + c.system) / 1000);
        if (times.at(-1) > maxMillis) break;
      }
      const best = Math.min(...times);
      row.points.push({ kb: size / 1024, ms: best, msPerKb: best / (size / 1024) });
      if (best > maxMillis) {
        row.ok = false;
        break;
      }
    }
    const [prev, last] = row.points.slice(-2);
    // Sub-millisecond totals are all noise: compare from a floor of 2 ms.
    row.growth = last ? last.msPerKb / Math.max(prev.msPerKb, 2 / prev.kb) : Infinity;
    row.ok = row.ok && row.points.length === sizes.length && row.growth <= MAX_GROWTH;
    results.push(row);
    onResult?.(row);
  }
  return results;
}

async function settle(run, input) {
  try {
    await run(input);
  } catch (err) {
    if (err?.name !== "VnplanError") throw err;
  }
}

export function formatRow(row) {
  const pts = row.points.map((p) => `${p.kb >= 1024 ? `${p.kb / 1024} MB` : `${p.kb} KB`}: ${p.msPerKb.toFixed(3)} ms/KB`).join("   ");
  return `${row.ok ? "ok  " : "FAIL"} ${row.name.padEnd(22)} growth ×${row.growth.toFixed(2)}   ${pts}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const short = process.argv.includes("--short");
  const { register } = await import("tsx/esm/api");
  register();
  const { extract } = await import("../src/index.ts");
  const sizes = short ? SHORT_SIZES : [64 * 1024, 256 * 1024, 1024 * 1024];
  console.log(`core pipeline (extract on a string), sizes ${sizes.map((s) => `${s / 1024} KB`).join(", ")}; fails above ×${MAX_GROWTH} growth in ms/KB between the two largest`);
  const results = await measure((text) => extract(text), { sizes, onResult: (r) => console.log(formatRow(r)) });
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`not linear: ${failed.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  } else console.log("all linear");
}
