// Property tests on the public functions: whatever the input, `extract` gives a
// result that matches the contract or throws VnplanError; every span lies in
// `text`; the normalizer's offset map is monotonic and stays in the source.
// Run counts are bounded so the suite stays fast (FUZZ_RUNS raises them).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Extraction, VnplanError, extract } from "../src/index.js";
import { normalize } from "../src/normalize/index.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const seedsDir = join(import.meta.dirname, "..", "fixtures", "seeds");
const seeds = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8"));

/** Pieces of plans, and of what breaks them: markup, numbering, legacy bytes, combining marks, controls. */
const TOKENS = [
  "KẾ HOẠCH", "Số:", "Số: 12/KH-UBND", "số", " ", "  ", "\n", "\n\n", "\r\n", "\t", "I.", "II.", "IV.", "1.", "2.1.", "1.2.3.", "a)", "b)", "-", "+", "–", "*",
  "Điều 1.", "Căn cứ", "Quyết định số 123/QĐ-UBND ngày 05/3/2025", "Chỉ thị số 05-CT/TW", "Kế hoạch số 45/KH-BCĐ",
  "ngày", "tháng", "năm", "12/3/2025", "trước ngày 30/6", "hằng tháng", "Quý II", "năm 2025", "100%", "≥ 95%", "đạt", "trên",
  "UBND xã", "Công an huyện", "chủ trì", "phối hợp", "Sở Y tế", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
  "#", "## ", "**", "| a | b |", "|", "(", ")", "\"", "“", "”", "'", "/", "//", "...", "…", "0", "9999999999",
  "\u0301", "\u0300", "\u0323", "\u0309", "\u0303", "\u00a0", "\u200b", "\ufeff", "\u0000", "\u001f", "\ud800", "\udc00", "😀",
  "¸", "µ", "¶", "·", "¹", "Ò", "ñ", "õ", "aø", "eá", "oä", "Vieät Nam", "UBND tØnh", "Cña", "ñoàng",
];

const planLike = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(""));
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 400 }),
  planLike,
);
/** A real plan with a slice cut out and noise put in. */
const damagedSeed = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.nat({ max: 2000 }), planLike)
  .map(([i, at, cut, insert]) => {
    const s = seeds[i];
    const p = at % (s.length + 1);
    return s.slice(0, p) + insert + s.slice(Math.min(s.length, p + cut));
  });

type Spanned = { span: { start: number; end: number } };

function spans(result: Extraction): Spanned[] {
  const sections: Spanned[] = [];
  const walk = (nodes: Extraction["sections"]) => nodes.forEach((n) => (sections.push(n), walk(n.children)));
  walk(result.sections);
  return [...sections, ...result.citations, ...result.deadlines, ...result.units, ...result.targets, ...result.tasks, ...result.repairs, ...result.suspects];
}

/** Bytes that start like a known format (or not) and go on as noise or text: every parser's error path. */
const MAGIC = ["%PDF-1.4\n", "PK\u0003\u0004", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1", "{\\rtf1\\ansi ", "<html><body>", "\u00ef\u00bb\u00bf", ""];
const anyFile = fc
  .tuple(fc.constantFrom(...MAGIC), fc.oneof(fc.uint8Array({ maxLength: 600 }), planLike.map((t) => new TextEncoder().encode(t))))
  .map(([magic, rest]) => {
    const head = Buffer.from(magic, "latin1");
    return new Uint8Array(Buffer.concat([head, Buffer.from(rest)]));
  });

async function checkExtract(input: string | Uint8Array): Promise<void> {
  let result: Extraction;
  try {
    result = await extract(input);
  } catch (err) {
    expect(err).toBeInstanceOf(VnplanError);
    expect((err as VnplanError).message.length).toBeGreaterThan(0);
    return;
  }
  expect(Extraction.safeParse(result).success).toBe(true);
  for (const { span } of spans(result)) {
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(result.text.length);
  }
  for (const p of result.source.pages) expect(p.end).toBeLessThanOrEqual(result.text.length);
}

function checkMap(input: string): void {
  const norm = normalize(input);
  const { map, text } = norm;
  expect(map.length).toBe(text.length + 1);
  for (let i = 1; i < map.length; i++) if (map[i] < map[i - 1]) expect.fail(`map decreases at ${i}: ${map[i - 1]} → ${map[i]}`);
  expect(map[0]).toBeGreaterThanOrEqual(0);
  expect(map[map.length - 1]).toBeLessThanOrEqual(input.length);
  for (const p of norm.paragraphs) {
    expect(p.start).toBeLessThanOrEqual(p.end);
    expect(p.end).toBeLessThanOrEqual(text.length);
  }
}

describe("extract on any input", () => {
  it("returns a contract-valid result with spans inside text, or throws VnplanError", async () => {
    await fc.assert(fc.asyncProperty(anyText, checkExtract), { numRuns: RUNS });
  });

  it("holds for any bytes, whatever format they start like", async () => {
    await fc.assert(fc.asyncProperty(anyFile, (bytes) => checkExtract(bytes)), { numRuns: RUNS });
  });

  it("holds on real plans with pieces cut out and noise put in", async () => {
    await fc.assert(fc.asyncProperty(damagedSeed, checkExtract), { numRuns: Math.ceil(RUNS / 3) });
  });
});

describe("normalize offset map", () => {
  it("is monotonic, one entry per character plus the end, and stays inside the source", () => {
    fc.assert(fc.property(anyText, checkMap), { numRuns: RUNS });
  });

  it("is monotonic on damaged real plans", () => {
    fc.assert(fc.property(damagedSeed, checkMap), { numRuns: Math.ceil(RUNS / 3) });
  });
});
