import { describe, expect, it } from "vitest";
import { foldKey, foldToneStyle, foldToTraditional } from "../src/text/fold.js";

describe("tone-style fold", () => {
  it("folds both placements to one spelling", () => {
    expect(foldToneStyle("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(foldToneStyle("Sở Y tế tỉnh Khánh Hòa, khỏe mạnh")).toBe(foldToneStyle("Sở Y tế tỉnh Khánh Hoà, khoẻ mạnh"));
    expect(foldToneStyle("Hoàn thành")).toBe("Hoàn thành");
  });

  it("folds names of bodies to the traditional placement", () => {
    expect(foldToTraditional("Uỷ ban nhân dân tỉnh Khánh Hoà")).toBe("Ủy ban nhân dân tỉnh Khánh Hòa");
    expect(foldToTraditional("UỶ BAN KIỂM TRA; Phòng Y tế; quý")).toBe("ỦY BAN KIỂM TRA; Phòng Y tế; quý");
    expect(foldToneStyle("Ủy ban", "traditional")).toBe("Ủy ban");
  });

  it("makes keys that ignore case, spacing, NFD and Ð", () => {
    expect(foldKey("Ủy ban nhân dân  tỉnh Thanh Hóa")).toBe(foldKey("ủy ban nhân dân tỉnh Thanh Hoá".normalize("NFD")));
    expect(foldKey("ÐẢNG BỘ")).toBe(foldKey("Đảng bộ"));
    expect(foldKey("thủy lợi")).not.toBe(foldKey("thủ lợi"));
  });
});
