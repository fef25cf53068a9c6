import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLegacy, fontHints } from "../src/normalize/legacy/index.js";
import { decodeInto, decodeTcvn3, decodeWith, Pieces, type Encoding } from "../src/normalize/legacy/decoders.js";
import { scorer } from "../src/normalize/legacy/score.js";
import { isValidSyllable, TONE_MARKS } from "../src/normalize/syllable/index.js";
import { encodeLegacy } from "../scripts/damage.js";

const join0 = (p: [string, number, number][]) => p.map((x) => x[0]).join("");

// Every Vietnamese letter: 12 vowels × 6 tones, and đ.
const LOWER = [..."aăâeêioôơuưy"].flatMap((v) => TONE_MARKS.map((m) => (v + m).normalize("NFC"))).concat("đ");
const UPPER = LOWER.map((c) => c.toUpperCase());

describe("legacy code charts", () => {
  it("decode the examples of the published charts", () => {
    expect(join0(decodeTcvn3("KÕ ho¹ch"))).toBe("Kế hoạch");
    expect(join0(decodeWith("VNI", "Keá hoaïch"))).toBe("Kế hoạch");
    expect(join0(decodeWith("VIQR", "Vie^.t Nam"))).toBe("Việt Nam");
    // Windows-1258 bytes shown as Windows-1252: ê + the dot-below byte (F2 "ò").
    expect(join0(decodeWith("Windows-1258", "Viêòt Nam"))).toBe("Việt Nam");
  });

  for (const enc of ["TCVN3", "VNI", "VIQR", "Windows-1258"] as Encoding[]) {
    it(`${enc}: round-trips every Vietnamese letter, both cases`, () => {
      // Each letter inside a word, after a word (VIQR reads a final "?" or "." as punctuation).
      for (const c of LOWER) expect(join0(decodeWith(enc, encodeLegacy(`ba ${c}m`, enc))), `${enc} ${c}`).toBe(`ba ${c}m`);
      // VN3 has no toned capitals: the .VnTimeH fonts draw the lowercase codes as capitals.
      for (const c of UPPER) expect(join0(decodeWith(enc, encodeLegacy(`BA ${c}M`, enc), { capitals: true })), `${enc} ${c}`).toBe(`BA ${c}M`);
    });
  }

  it("TCVN3 keeps curly quotes and dashes (the VN1 capital positions) as punctuation", () => {
    expect(join0(decodeTcvn3("“Toµn d©n” – ®oµn kÕt"))).toBe("“Toàn dân” – đoàn kết");
  });

  it("TCVN3 takes case from the words around: capital words, sentence starts", () => {
    expect(join0(decodeTcvn3("QUYÕT §ÞNH cña ñY BAN NH¢N D¢N"))).toBe("QUYẾT ĐỊNH của ỦY BAN NHÂN DÂN");
    expect(join0(decodeTcvn3("HiÖn tr¹ng. øng dông CNTT"))).toBe("Hiện trạng. Ứng dụng CNTT");
    expect(join0(decodeTcvn3("(Së Néi vô)"))).toBe("(Sở Nội vụ)");
    // A document number is capitals of its own: the word before it keeps its case.
    expect(join0(decodeTcvn3("Sè: 45/KH-BC§"))).toBe("Số: 45/KH-BCĐ");
    expect(join0(decodeTcvn3("Sè: 102/Q§-UBND ngµy 15/3/2024"))).toBe("Số: 102/QĐ-UBND ngày 15/3/2024");
  });
});

describe("decodeLegacy", () => {
  it("leaves Unicode text alone", () => {
    const t = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nBan hành kèm theo";
    const r = decodeLegacy(t);
    expect(r.text).toBe(t);
    expect(r.encoding).toBe(null);
  });

  it("detects the encoding run by run in a mixed file, with an exact offset map", () => {
    const lines = ["KẾ HOẠCH tổng thể phát triển công nghệ thông tin", "Căn cứ Quyết định số 136/2001/QĐ-TTg của Thủ tướng Chính phủ;", "Đánh giá hiện trạng ứng dụng tin học trong các cơ quan", "Số: 991/QĐ-UBND"];
    const mixed = [encodeLegacy(lines[0], "TCVN3"), encodeLegacy(lines[1], "VNI"), lines[2], encodeLegacy(lines[3], "VNI")].join("\n");
    const r = decodeLegacy(mixed);
    expect(r.text).toBe(lines.join("\n"));
    expect(r.encoding?.split("+").sort()).toEqual(["TCVN3", "VNI"]);
    // "Quyết" in the output maps back to "Quyeát" in the source, "ế" to "eá".
    const at = r.text.indexOf("Quyết");
    expect(mixed.slice(r.map[at], r.map[at + 5])).toBe("Quyeát");
    expect(mixed.slice(r.map[at + 3], r.map[at + 4])).toBe("eá");
  });

  it("reads font names: .VnTimeH means capitals, VNI-Times means VNI", () => {
    expect(fontHints([".VnTimeH"])).toEqual({ prefer: "TCVN3", capitals: true });
    expect(fontHints([".VnTime", ".VnTimeH"]).capitals).toBe(false);
    expect(fontHints(["VNI-Times"]).prefer).toBe("VNI");
    expect(decodeLegacy("ñy ban nh©n d©n tØnh", [".VnTimeH"]).text).toBe("ỦY BAN NHÂN DÂN TỈNH");
  });
});

const originals = join(import.meta.dirname, "..", "..", "shared", "originals", "text");
describe.skipIf(!existsSync(originals))("real legacy files", () => {
  for (const f of existsSync(originals) ? readdirSync(originals).filter((n) => /_(TCVN3|VNI)-raw\.txt$/.test(n)) : []) {
    it(`${f.replace(/^(\d+)_.*_(\w+)-raw.txt$/, "$1 $2")}: decodes to valid Vietnamese`, () => {
      const r = decodeLegacy(readFileSync(join(originals, f), "utf8"));
      let ok = 0, bad = 0;
      for (const m of r.text.matchAll(/[\p{L}\p{M}]+/gu)) {
        if (!/[^\x00-\x7f]/.test(m[0]) || /^[A-ZĐ]+$/.test(m[0])) continue;
        if (isValidSyllable(m[0])) ok++;
        else bad++;
      }
      expect(ok).toBeGreaterThan(300);
      expect(bad / (ok + bad)).toBeLessThan(0.01);
      expect(r.text).toContain("Quyết định");
    });
  }
});

describe("line scoring", () => {
  /** The score as words of the joined text would give it: +1 a valid syllable, −1 not, 0 a capital abbreviation. */
  const plain = (text: string) => {
    let s = 0;
    for (const [w] of text.matchAll(/[\p{L}\p{M}\ufffd]+/gu)) {
      if (!/[^\x00-\x7f]/.test(w)) continue;
      const rest = w.slice(1);
      const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
      s += cased && isValidSyllable(w) ? 1 : /^[A-ZĐ]{2,}$/.test(w) ? 0 : -1;
    }
    return s;
  };
  const lines = ["Kế hoạch thực hiện công tác năm 2024", "UBND TỈNH ĐỒNG NAI", "MôC lôc, cña UBND", "KÕ ho¹ch sè 12/KH-UBND", "café ĐĐ ñ"];

  it("scores a line as its words read, and again from the pieces of each decoding", () => {
    for (const line of lines) {
      expect(scorer.text(line)).toBe(plain(line));
      for (const enc of ["TCVN3", "VNI", "Windows-1258", "VIQR"] as Encoding[]) {
        const p = decodeInto(enc, line, {}, new Pieces());
        expect(scorer.pieces(p)).toBe(plain(p.text()));
      }
    }
  });

  it("counts the words that were judged", () => {
    scorer.text("Kế hoạch UBND cña");
    expect(scorer.judged).toBe(3);
  });
});
