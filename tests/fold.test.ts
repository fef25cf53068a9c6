import { describe, expect, it } from "vitest";
import { foldKey, foldToneStyle } from "../src/text/fold.js";

describe("tone-style fold", () => {
  it("folds both placements to one spelling", () => {
    expect(foldToneStyle("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(foldToneStyle("Sở Y tế tỉnh Khánh Hòa, khỏe mạnh")).toBe(foldToneStyle("Sở Y tế tỉnh Khánh Hoà, khoẻ mạnh"));
    expect(foldToneStyle("Hoàn thành")).toBe("Hoàn thành");
  });

  it("makes keys that ignore case, spacing, NFD and Ð", () => {
    expect(foldKey("Ủy ban nhân dân  tỉnh Thanh Hóa")).toBe(foldKey("ủy ban nhân dân tỉnh Thanh Hoá".normalize("NFD")));
    expect(foldKey("ÐẢNG BỘ")).toBe(foldKey("Đảng bộ"));
    expect(foldKey("thủy lợi")).not.toBe(foldKey("thủ lợi"));
  });
});
