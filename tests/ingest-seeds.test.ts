// For every seed, the PDF and the DOCX made from it give the extraction its
// typed text gives: per kind, the items found from the file match those found
// from the text (F1 within 0.01).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract, type Extraction } from "../src/index.js";

const repo = join(import.meta.dirname, "..");
const seeds = readdirSync(join(repo, "fixtures", "seeds")).filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, ""));
const squash = (s: string | null | undefined) => (s ?? "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/** What identifies an item of each kind, as the scorer compares them. */
const KINDS: Record<string, (x: Extraction) => string[]> = {
  citations: (x) => x.citations.map((c) => c.key),
  sections: (x) => {
    const out: string[] = [];
    const walk = (ns: Extraction["sections"]) => ns.forEach((n) => (out.push(`${n.path.join(">")}|${squash(n.title)}`), walk(n.children)));
    walk(x.sections);
    return out;
  },
  deadlines: (x) => x.deadlines.map((d) => `${d.due ?? ""}|${d.start ?? ""}|${d.recurring}`),
  units: (x) => x.units.map((u) => `${u.normalizedName}|${u.role}`),
  targets: (x) => x.targets.map((t) => `${t.value}|${t.unit}|${t.comparator}`),
};

function f1(want: string[], got: string[]): number {
  if (!want.length && !got.length) return 1;
  const pool = new Map<string, number>();
  for (const w of want) pool.set(w, (pool.get(w) ?? 0) + 1);
  let tp = 0;
  for (const g of got) {
    const n = pool.get(g) ?? 0;
    if (n > 0) (tp++, pool.set(g, n - 1));
  }
  return (2 * tp) / (want.length + got.length);
}

describe.each(seeds)("seed %s", (seed) => {
  const fixture = (dir: string, ext: string) => join(repo, "fixtures", dir, `${seed}.${ext}`);
  let typed: Extraction;
  const typedOnce = async () => (typed ??= await extract(readFileSync(fixture("seeds", "txt")), { name: `${seed}.txt` }));

  for (const [dir, ext] of [["pdf", "pdf"], ["docx", "docx"]] as const) {
    it.skipIf(!existsSync(fixture(dir, ext)))(`${ext.toUpperCase()} extracts what the text does`, async () => {
      const want = await typedOnce();
      const got = await extract(readFileSync(fixture(dir, ext)), { name: `${seed}.${ext}` });
      for (const [kind, keys] of Object.entries(KINDS)) {
        expect(f1(keys(want), keys(got)), `${kind} F1`).toBeGreaterThanOrEqual(0.99);
      }
    });
  }
});

// The image-only PDF is read by Tesseract; its citations must still be found.
const ocrSeed = seeds[seeds.length - 1];
const ocrPdf = join(repo, "fixtures", "ocr", `${ocrSeed}.pdf`);
const tesseract = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
const canOcr = !tesseract.error && /^vie$/m.test(`${tesseract.stdout}${tesseract.stderr}`) && !spawnSync("pdftoppm", ["-v"]).error;

describe("scanned plan", () => {
  it.skipIf(!canOcr || !existsSync(ocrPdf))("is read by OCR, its pages marked, and its citations found (F1 ≥ 0.90)", async () => {
    const want = await extract(readFileSync(join(repo, "fixtures", "seeds", `${ocrSeed}.txt`)), { name: "typed.txt" });
    const got = await extract(readFileSync(ocrPdf), { name: "scan.pdf" });
    expect(got.source.pages.length).toBeGreaterThan(1);
    expect(got.source.pages.every((p) => p.ocr)).toBe(true);
    expect(f1(KINDS.citations(want), KINDS.citations(got))).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it.skipIf(!existsSync(ocrPdf))("with OCR off, says which pages have no text layer", async () => {
    const got = await extract(readFileSync(ocrPdf), { name: "scan.pdf", ocr: "never" });
    expect(got.warnings.join(" ")).toMatch(/pages 1, 2.* no text layer \(OCR is off\)/);
  });
});
