import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanCodepoints } from "../src/normalize/codepoints.js";
import { normalize } from "../src/normalize/index.js";
import { repairDiacritics } from "../src/normalize/repair/index.js";
import { DOMINATED, FNV_SEED, HAS_VARIANTS, HOLE, MARKED, MODERN, NONE, Spellings, TONED, TRADITIONAL, VALID, hashStep, lexicon } from "../src/normalize/repair/lexicon.js";
import { identityView } from "../src/normalize/repair/identity.js";
import { LetterKeys, learnLetter, letterCodes, MAX_PACKED, packHi, packLo, WIDE } from "../src/normalize/repair/letter-keys.js";
import { codeUnits } from "../src/normalize/repair/code-units.js";
import { outputOffsets, splice, type Edit } from "../src/normalize/repair/splice.js";
import { fromSource } from "../src/normalize/offsets.js";

const seeds = join(import.meta.dirname, "..", "fixtures", "seeds");
const seed = (name: string) => readFileSync(join(seeds, name), "utf8");
const repair = (t: string, o = {}) => repairDiacritics(cleanCodepoints(t).text, o);

describe("repairDiacritics on the damage PDF extraction leaves", () => {
  it("class 2: gathers marks that landed on a consonant and places them by rule", () => {
    expect(repair("Tăng cường kỷ luâṭ, kỷ cương").text).toBe("Tăng cường kỷ luật, kỷ cương");
    expect(repair("đề cao trách nhiêṃ, vai trò của người đứng đầu").text).toBe("đề cao trách nhiệm, vai trò của người đứng đầu");
    expect(repair("báo cáo kết qủa thực hiện").text).toBe("báo cáo kết quả thực hiện");
  });

  it("class 3: moves a mark back over the space it jumped", () => {
    const r = repair("Toàn dân bảo vê ạn ninh Tổ quốc");
    expect(r.text).toBe("Toàn dân bảo vệ an ninh Tổ quốc");
    expect(r.repairs?.map((x) => x.rule)).toEqual(["mark-shift", "mark-shift"]);
  });

  it("class 4: fills a U+FFFD hole, led by the mark that follows it", () => {
    expect(repair("hành ch\ufffd\u0301nh, đề cao").text).toBe("hành chính, đề cao");
    expect(repair("Quyết tâm vì sự phát tri\ufffdn của quê hương").text).toBe("Quyết tâm vì sự phát triển của quê hương");
    expect(repair("làm theo tư tưởng, đạo đ\ufffdc, phong cách Hồ Chí Minh").text).toBe("làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
  });

  it("class 5: restores a lost mark only on overwhelming evidence", () => {
    expect(repair("cán bộ thi đua thực hiên văn hóa công sở").text).toBe("cán bộ thi đua thực hiện văn hóa công sở");
    // Names carry marks no context predicts: left alone.
    expect(repair("Chủ tịch Đinh Thị Kim Tuyên").text).toBe("Chủ tịch Đinh Thị Kim Tuyên");
  });

  it("records each change with its span in the output", () => {
    const r = repair("tổ chức triển khai thực hiên kế hoạch");
    expect(r.repairs).toHaveLength(1);
    const x = r.repairs![0];
    expect([x.from, x.to, x.rule]).toEqual(["hiên", "hiện", "lost-mark"]);
    expect(r.text.slice(x.span.start, x.span.end)).toBe("hiện");
    expect(x.confidence).toBeGreaterThan(0.5);
  });

  it("rewrites the tone style only when asked", () => {
    const t = "Cộng hòa xã hội chủ nghĩa; sức khỏe; thủy lợi";
    expect(repair(t).text).toBe(t);
    expect(repair(t, { toneStyle: "modern" }).text).toBe("Cộng hoà xã hội chủ nghĩa; sức khoẻ; thuỷ lợi");
    expect(repair("Cộng hoà; khoẻ", { toneStyle: "traditional" }).text).toBe("Cộng hòa; khỏe");
  });
});

describe("seeds", () => {
  it("seed 003: every damaged word the analyst marked is repaired", () => {
    const r = normalize(seed("003_8247233825c21a00.txt"));
    for (const w of ["bảo vệ an ninh", "không để ai bỏ lại phía sau", "thực hiện văn hóa", "phát triển của quê hương", "tư tưởng, đạo đức", "kỷ luật, kỷ cương hành chính", "trách nhiệm, vai trò"]) {
      expect(r.text.replace(/\s+/g, " ")).toContain(w);
    }
    expect(r.text).not.toContain("\ufffd");
  });

  it("seed 004: the one word whose mark the source itself lost is kept as issued and reported", () => {
    // The plan writes "để phân đấu hoàn thành", a slip for "phấn đấu" (to strive).
    const t = cleanCodepoints(seed("004_87e88c7bcc850968.txt")).text;
    const r = repairDiacritics(t);
    expect(r.repairs).toEqual([]);
    expect(r.text).toBe(t);
    const s = r.suspects!.find((x) => x.word === "phân");
    expect(s?.candidates).toEqual(["phấn"]);
    expect(t.slice(s!.span.start, s!.span.end)).toBe("phân");
  });

  it("lost marks as dense as extraction damage are restored in a long text, a lone one is only reported", () => {
    const clean = seed("004_87e88c7bcc850968.txt").replace("phân đấu", "phấn đấu");
    const lone = cleanCodepoints(clean.replace("thực hiện", "thực hiên")).text;
    const one = repairDiacritics(lone);
    expect(one.repairs).toEqual([]);
    expect(one.suspects!.map((x) => `${x.word}→${x.candidates[0]}`)).toContain("hiên→hiện");
    // Every "thực hiện" unmarked: the marks were lost in extraction, not by the author.
    const dense = cleanCodepoints(clean.replaceAll("thực hiện", "thực hiên")).text;
    const many = repairDiacritics(dense);
    expect(many.text).not.toContain("thực hiên");
    expect(many.text.split("thực hiện").length).toBe(dense.split("thực hiên").length);
  });

  for (const name of ["000_bdb84c189a81ae0c.txt", "001_b71d370d0e19e38a.txt", "002_483dbd5260c90806.txt"]) {
    it(`seed ${name.slice(0, 3)}: clean text comes out unchanged`, () => {
      const t = cleanCodepoints(seed(name)).text;
      const r = repairDiacritics(t);
      expect(r.repairs).toEqual([]);
      expect(r.text).toBe(t);
    });
  }
});

describe("lexicon of spellings", () => {
  const lex = lexicon();
  const flags = (w: string) => lex.flags[lex.of(w)];

  it("finds a word in any case as one entry, from the text in place", () => {
    const text = "Công đoàn CÔNG ĐOÀN công đoàn";
    expect(lex.of("Công")).toBe(lex.of("CÔNG"));
    let h = FNV_SEED;
    for (let k = 0; k < 4; k++) h = hashStep(h, "công".charCodeAt(k));
    expect(lex.find(h, text, 10, 14)).toBe(lex.of("công"));
  });

  it("tells valid syllables, damaged words and holes apart", () => {
    expect(flags("thực") & VALID).toBeTruthy();
    expect(flags("luâṭ") & (VALID | MARKED)).toBe(MARKED);
    expect(flags("tri\ufffdn") & HOLE).toBeTruthy();
    expect(flags("UBND") & (VALID | MARKED)).toBe(0);
    expect(flags("hoà") & MODERN).toBeTruthy();
    expect(flags("hòa") & TRADITIONAL).toBeTruthy();
  });

  it("flags a toneless word whose marked reading is far more common", () => {
    expect(flags("hiên") & DOMINATED).toBeTruthy();
    expect(flags("và") & (DOMINATED | HAS_VARIANTS)).toBe(0);
    expect(flags("cho") & DOMINATED).toBe(0);
  });
});

describe("spellings as written", () => {
  const hash = (text: string, start: number, end: number) => {
    let h = FNV_SEED;
    for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
    return h;
  };

  it("finds each spelling again in place, case kept, and tells same-hash spellings apart", () => {
    const sp = new Spellings();
    const text = "Công đoàn CÔNG ĐOÀN công";
    sp.add(hash(text, 0, 4), text, 0, 4, 7);
    sp.add(hash(text, 10, 14), text, 10, 14, 8);
    expect(sp.find(hash(text, 0, 4), text, 0, 4)).toBe(7);
    expect(sp.find(hash(text, 10, 14), text, 10, 14)).toBe(8);
    expect(sp.find(hash(text, 20, 24), text, 20, 24)).toBe(-1);
    // A forced collision: the same hash for another spelling is compared letter by letter.
    sp.add(123, "đoàn", 0, 4, 1);
    sp.add(123, "đoan", 0, 4, 2);
    expect(sp.find(123, "x đoan", 2, 6)).toBe(2);
    expect(sp.find(123, "đoàn", 0, 4)).toBe(1);
    expect(sp.find(123, "đoạn", 0, 4)).toBe(-1);
  });

  it("keeps every spelling through growth", () => {
    const sp = new Spellings();
    const words = Array.from({ length: 20_000 }, (_, k) => `từ${k}`);
    words.forEach((w, k) => sp.add(hash(w, 0, w.length), w, 0, w.length, k));
    expect(words.every((w, k) => sp.find(hash(w, 0, w.length), w, 0, w.length) === k)).toBe(true);
  });

  it("gives each word its statistics id as context, and NONE for what is not a syllable", () => {
    const lex = lexicon();
    expect(lex.ctx[lex.of("thực")]).toBe(lex.ids[lex.of("thực")]);
    expect(lex.ctx[lex.of("UBND")]).toBe(NONE);
    expect(lex.flags[lex.of("thực")] & TONED).toBeTruthy();
    expect(lex.flags[lex.of("cho")] & TONED).toBe(0);
  });

  it("leaves a run of letters too long to be a syllable alone, and out of the process's lexicon", () => {
    const lex = lexicon();
    repair(`thực hiên ${"y".repeat(40)} kế hoạch`);
    const before = lex.words.length;
    const long = "a" + "\u0301".repeat(50_000) + "nh";
    const text = `thực hiên ${long} ${"x".repeat(40)}ệ kế hoạch`;
    const out = repair(text);
    expect(out.text.endsWith(`${cleanCodepoints(long).text} ${"x".repeat(40)}ệ kế hoạch`)).toBe(true);
    expect((out.repairs ?? []).every((r) => r.span.end <= "thực hiên".length)).toBe(true);
    expect(lex.words.length).toBe(before);
  });

  it("answers seen-twice pairs as the counts do", () => {
    const lm = lexicon().lm;
    const pairs = [["thực", "hiện"], ["công", "đoàn"], ["hiện", "thực"], ["đoàn", "công"], ["kế", "hoạch"], ["hoạch", "kế"]];
    for (const [a, b] of pairs) expect(lm.common(lm.id(a), lm.id(b))).toBe(lm.pair(lm.id(a), lm.id(b)) >= 2);
    expect(lm.common(-1, lm.id("hiện"))).toBe(false);
  });
});

describe("identity maps", () => {
  it("map every offset to itself, for short and long texts alike", () => {
    for (const n of [0, 5, 70_000, 200_000, 5_000_000]) {
      const m = identityView(n);
      expect(m.length).toBe(n + 1);
      expect(m[0]).toBe(0);
      expect(m[n]).toBe(n);
      expect(m[n >> 1]).toBe(n >> 1);
    }
  });

  it("unchanged text comes back as itself with an identity map", () => {
    const t = "Kế hoạch thực hiện công tác năm 2024";
    const r = repairDiacritics(t);
    expect(r.text).toBe(t);
    expect([...r.map]).toEqual([...Array(t.length + 1).keys()]);
  });
});

describe("words keyed by their letters", () => {
  const key = (w: string) => {
    let lo = 0, hi = 0;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      const v = letterCodes[c] || learnLetter(c);
      hi = packHi(hi, lo);
      lo = packLo(lo, v);
    }
    return [lo, hi] as const;
  };

  it("gives a letter one code in any case, and none to what is not a letter", () => {
    expect(learnLetter("Đ".charCodeAt(0))).toBe(learnLetter("đ".charCodeAt(0)));
    expect(learnLetter("ệ".charCodeAt(0))).not.toBe(learnLetter("ê".charCodeAt(0)));
    expect(learnLetter(" ".charCodeAt(0))).toBe(1);
    expect(learnLetter("7".charCodeAt(0))).toBe(1);
    for (const ch of "aăâđệỹ") expect(learnLetter(ch.charCodeAt(0))).toBeLessThan(WIDE);
  });

  it("spells words of up to eight letters exactly, whatever their length or case", () => {
    const words = ["a", "an", "na", "anh", "nghiêng", "nghiênga", "thực", "thửc", "Thực", "THỰC"];
    const keys = new Map(words.map((w) => [w, key(w).join(",")]));
    expect(keys.get("Thực")).toBe(keys.get("thực"));
    expect(keys.get("THỰC")).toBe(keys.get("thực"));
    const lower = new Set(words.map((w) => w.toLowerCase()));
    expect(new Set(keys.values()).size).toBe(lower.size);
    expect("nghiênga".length).toBe(MAX_PACKED);
  });

  it("finds each key again, after the table has grown", () => {
    const table = new LetterKeys(2);
    const words = ["công", "đoàn", "đoan", "kế", "hoạch", "thực", "hiện", "của", "ủy", "ban", "nhân", "dân"];
    words.forEach((w, e) => table.add(...key(w), e, 100 + e));
    words.forEach((w, e) => {
      const o = table.find(...key(w));
      expect(table.entryAt(o)).toBe(e);
      expect(table.extraAt(o)).toBe(100 + e);
    });
    expect(table.find(...key("đoạn"))).toBe(-1);
    table.clear();
    expect(table.find(...key("công"))).toBe(-1);
  });
});

describe("code units of a text", () => {
  it("copies every unit, lone surrogates included, into an array reused and grown", () => {
    const t = "Thực hiện \ud800 kế\udc00 hoạch\uffff";
    expect([...codeUnits(t).subarray(0, t.length)]).toEqual([...t].flatMap((ch) => [...Array(ch.length).keys()].map((k) => ch.charCodeAt(k))));
    const long = "ệ".repeat(100_000);
    const u = codeUnits(long);
    expect(u.length).toBeGreaterThanOrEqual(long.length);
    expect(u[99_999]).toBe("ệ".charCodeAt(0));
    const huge = "a".repeat((1 << 22) + 3) + "ệ";
    const h = codeUnits(huge);
    expect(h.length).toBe(huge.length);
    expect(h[huge.length - 1]).toBe("ệ".charCodeAt(0));
  });
});

describe("splicing edits into a text", () => {
  it("moves offsets by the edits alone exactly as the map built on demand does", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let round = 0; round < 200; round++) {
      const text = "x".repeat(5 + rand(60));
      const edits: Edit[] = [];
      for (let at = rand(4); at < text.length; at += 1 + rand(6)) {
        const end = Math.min(text.length, at + 1 + rand(4));
        edits.push({ start: at, end, to: "y".repeat(1 + rand(6)) });
        at = end;
      }
      const out = splice(text, edits);
      expect(out.text.length).toBe(out.map.length - 1);
      const to = outputOffsets(edits);
      for (let src = 0; src <= text.length; src++) expect(to(src)).toBe(fromSource(out.map, src));
    }
  });
});
