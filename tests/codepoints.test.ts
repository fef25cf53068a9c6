import { describe, expect, it } from "vitest";
import { cleanCodepoints } from "../src/normalize/codepoints.js";
import { shiftAt, shiftMapOffsets } from "../src/normalize/offsets.js";

describe("cleanCodepoints", () => {
  it("composes NFD text and maps each letter to the start of its sequence", () => {
    const src = "Kế hoạch thực hiện".normalize("NFD");
    const r = cleanCodepoints(src);
    expect(r.text).toBe("Kế hoạch thực hiện");
    const at = r.text.indexOf("ệ");
    expect(src.slice(shiftAt(r.map!, at), shiftAt(r.map!, at + 1))).toBe("ệ".normalize("NFD"));
    expect(r.repairs).toEqual([]);
  });

  it("reads Ð/ð as Đ/đ and records it", () => {
    const r = cleanCodepoints("ÐẢNG BỘ XÃ, ðoàn thanh niên");
    expect(r.text).toBe("ĐẢNG BỘ XÃ, đoàn thanh niên");
    expect(r.repairs?.map((x) => [x.from, x.to, x.rule])).toEqual([["Ð", "Đ", "codepoint"], ["ð", "đ", "codepoint"]]);
  });

  it("drops zero-width characters and soft hyphens, and turns NBSP into a space", () => {
    const src = "Ủy\u00a0ban nhân\u200b dân tỉnh; thực\u00adhiện; ki\u200bểm tra";
    const r = cleanCodepoints(src);
    expect(r.text).toBe("Ủy ban nhân dân tỉnh; thựchiện; kiểm tra");
    // Offsets stay exact around the dropped characters.
    const at = r.text.indexOf("kiểm");
    expect(src.slice(shiftAt(r.map!, at), shiftAt(r.map!, at + 4))).toBe("ki\u200bểm");
    // The sparse map agrees with the full one, entry by entry, up to the source end.
    const full = shiftMapOffsets(r.map!);
    expect(full.length).toBe(r.text.length + 1);
    expect(full[r.text.length]).toBe(src.length);
    for (let i = 0; i < r.text.length; i++) expect(full[i]).toBe(shiftAt(r.map!, i));
  });

  it("passes clean NFC text through untouched with no map", () => {
    const t = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;";
    const r = cleanCodepoints(t);
    expect(r.text).toBe(t);
    expect(r.map).toBeNull();
  });
});
