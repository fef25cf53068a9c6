import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../src/normalize/index.js";
import { cleanCodepoints } from "../src/normalize/codepoints.js";
import { composeMaps, fromSource, shiftMapOffsets, toSource } from "../src/normalize/offsets.js";
import { PieceMap } from "../src/normalize/piece-map.js";
import { reflow } from "../src/normalize/reflow.js";
import { segment } from "../src/segment/index.js";

const seedsDir = join(import.meta.dirname, "..", "fixtures", "seeds");
const seedNames = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();

const back = (src: string, map: Int32Array, start: number, end: number) => {
  const r = toSource(map, start, end);
  return src.slice(r.start, r.end);
};

describe.each(seedNames)("offset map of seed %s", (name) => {
  const src = readFileSync(join(seedsDir, name), "utf8");

  it("has one non-decreasing source offset per character, and the source end last", () => {
    const r = reflow(src);
    expect(r.map.length).toBe(r.text.length + 1);
    for (let i = 1; i < r.map.length; i++) expect(r.map[i] >= r.map[i - 1]).toBe(true);
    expect(r.map[r.text.length]).toBe(src.length);
  });

  it("maps every word of the reflowed text back to the same word in the source", () => {
    const r = reflow(src);
    for (const m of r.text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const got = back(src, r.map, m.index, m.index + m[0].length);
      if (got !== m[0]) expect(got).toBe(m[0]);
    }
  });

  it("maps each section heading's label back to the label as written", () => {
    const norm = normalize(src);
    const seg = segment(norm);
    const headings = seg.blocks.filter((b) => b.heading);
    expect(headings.length).toBeGreaterThan(5);
    for (const b of headings) {
      const label = norm.text.slice(b.start, b.start + b.labelLength).trim();
      expect(back(src, norm.map, b.start, b.start + label.length)).toBe(label);
    }
  });
});

describe("offsets across markup and joins", () => {
  it("maps a span that crosses a dropped bold marker to the source range that holds it", () => {
    const src = "#### **IV- Tổ chức thực hiện**\n\n- Giao Phòng Dân vận theo dõi./.";
    const r = reflow(src);
    const at = r.text.indexOf("Tổ chức");
    expect(back(src, r.map, at, at + "Tổ chức thực hiện".length)).toBe("Tổ chức thực hiện");
    const whole = r.text.split("\n")[0];
    expect(back(src, r.map, 0, whole.length)).toBe("IV- Tổ chức thực hiện");
  });

  it("maps a hyphen-joined symbol to its two source lines", () => {
    const src = "Theo dõi, tham mưu chỉ đạo thực hiện hiệu quả Hướng dẫn số 03-\n\nHD/TU, ngày 17/07/2018 của Ban Thường vụ Tỉnh ủy thực hiện Quyết định số 99-\n\nQĐ/TW, ngày 03/10/2017.";
    const r = reflow(src);
    const at = r.text.indexOf("03-HD/TU");
    expect(at).toBeGreaterThan(0);
    expect(back(src, r.map, at, at + "03-HD/TU".length)).toBe("03-\n\nHD/TU");
  });

  it("maps each table cell back to the source, from its first to its last visible character", () => {
    const src = "| 1 | Tổ chức hội nghị **quán triệt** | Sở Nội vụ | Quý I/2024 |";
    const r = reflow(src);
    const cells = r.paragraphs[0].cells!;
    expect(cells.map((c) => back(src, r.map, c.start, c.end))).toEqual(["1", "Tổ chức hội nghị **quán triệt", "Sở Nội vụ", "Quý I/2024"]);
  });
});

describe("maps kept in pieces and composed on first read", () => {
  const marked = "# **KẾ HOẠCH**\n\n| 1 | Tổ chức **hội nghị** | Sở<br>Nội vụ |\n\nCăn cứ Luật  số 19/2015;\tvà\n  các văn bản\n\n- 7 -\n";
  const texts = [...seedNames.map((n) => readFileSync(join(seedsDir, n), "utf8")), marked];

  it("finds the same output offset for every source offset as a search of the full map", () => {
    for (const src of texts) {
      const r = reflow(src);
      const map = r.pieces.build();
      for (let s = 0; s <= src.length + 1; s++) {
        const want = fromSource(map, s);
        if (r.pieces.fromSource(s) !== want) expect([s, r.pieces.fromSource(s)]).toEqual([s, want]);
      }
    }
  });

  it("composes normalize's map, once read, as the stage maps composed one by one", () => {
    // NFD text, NBSP and a look-alike eth: a code point stage that changes things before reflow.
    const src = "ÐẢNG BỘ\u00a0XÃ\n\nKế hoạch thực hiện".normalize("NFD") + "\n" + texts[0];
    const norm = normalize(src, { repair: false });
    const clean = cleanCodepoints(src);
    const flowed = reflow(clean.text);
    const want = composeMaps(shiftMapOffsets(clean.map!), flowed.map);
    expect([...norm.map]).toEqual([...want]);
    expect(norm.map).toBe(norm.map);
  });

  it("builds runs, glue and buffered offsets, and searches a map that goes back as the full map is searched", () => {
    const buffer = Int32Array.from([5, 9, 7, 12]);
    const m = new PieceMap(() => buffer, 20);
    m.run(0, 3); // 0 1 2
    m.at(3, 2); // 3 3
    m.run(4, 1); // 4
    m.buffered(0, 4); // 5 9 7 12: not non-decreasing
    m.run(13, 2); // 13 14
    const map = m.build();
    expect([...map]).toEqual([0, 1, 2, 3, 3, 4, 5, 9, 7, 12, 13, 14, 20]);
    for (let s = 0; s <= 21; s++) expect(m.fromSource(s)).toBe(fromSource(map, s));
  });
});
