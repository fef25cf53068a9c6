import { describe, expect, it } from "vitest";
import { generateBareSyllables, generateSyllables, isValidSyllable, placeTone, restyle, styleOf, toneAllowed } from "../src/normalize/syllable/index.js";

describe("syllable model", () => {
  it("generates the syllables of ordinary administrative text", () => {
    const all = new Set(generateSyllables());
    for (const w of "kế hoạch thực hiện nhiệm vụ phát triển kinh tế xã hội quốc phòng an ninh giữa người khuyến khích huỳnh gìn giữ thuở quyết nghĩa".split(" ")) {
      expect(all.has(w), w).toBe(true);
    }
  });

  it("rejects spellings the rules forbid", () => {
    // stop codas take only sắc or nặng; c/k, g/gh, ng/ngh before front vowels; no ă without a coda
    for (const w of ["làc", "hỏt", "kan", "ce", "ghá", "nghu", "ngi", "tă", "luâṭ", "nhiêṃ", "hóan"]) expect(isValidSyllable(w), w).toBe(false);
    expect(toneAllowed("tiêt", 2)).toBe(false);
    expect(toneAllowed("tiêt", 5)).toBe(true);
  });

  it("places tones by the orthographic rule in both styles", () => {
    expect(placeTone("hoa", 2, "modern")).toBe("hoà");
    expect(placeTone("hoa", 2, "traditional")).toBe("hòa");
    expect(placeTone("thuy", 3, "traditional")).toBe("thủy");
    expect(placeTone("hoan", 2, "traditional")).toBe("hoàn");
    expect(placeTone("nguoi", 0, "modern")).toBe("nguoi");
    expect(placeTone("người".normalize("NFD").replace(/\u0300/, "").normalize("NFC"), 2)).toBe("người");
    expect(placeTone("quôc", 1)).toBe("quốc");
    expect(placeTone("gia", 3)).toBe("giả");
  });

  it("tells the tone style and rewrites it", () => {
    expect(styleOf("hòa")).toBe("traditional");
    expect(styleOf("hoà")).toBe("modern");
    expect(styleOf("hoàn")).toBe(null);
    expect(restyle("Khỏe", "modern")).toBe("Khoẻ");
    expect(restyle("thuý", "traditional")).toBe("thúy");
    expect(restyle("quý", "traditional")).toBe("quý");
  });

  it("is generated, not listed: a few thousand toneless forms", () => {
    const n = generateBareSyllables().length;
    expect(n).toBeGreaterThan(2000);
    expect(n).toBeLessThan(5000);
  });
});
