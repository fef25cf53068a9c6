import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";

const repoRoot = join(import.meta.dirname, "..");
const seedsDir = join(repoRoot, "fixtures", "seeds");
const goldDir = join(repoRoot, "..", "shared", "eval", "gold");
const seedNames = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
const docOf = (text: string) => segment(normalize(text)).document;
const seedDoc = (prefix: string) => docOf(readFileSync(join(seedsDir, seedNames.find((f) => f.startsWith(prefix))!), "utf8"));

describe("header", () => {
  it("reads issuer, blank-numbered symbol, draft mark, place and a date with a blank day", () => {
    const d = seedDoc("002");
    expect(d.issuer).toEqual(["TỈNH HÀ GIANG", "KHỐI GIAO ƯỚC THI ĐUA", "CÁC BAN ĐẢNG TỈNH ỦY"]);
    expect(d).toMatchObject({ symbol: "-KH/KTĐ", draft: true, place: "Hà Giang", date: null, year: 2023, typeCode: "KH", typeName: "KẾ HOẠCH" });
    expect(d.title).toBe("triển khai công tác thi đua, khen thưởng năm 2023");
  });

  it("reads a header laid out in two columns", () => {
    const d = docOf(
      [
        "      ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "       TỈNH LÀO CAI                     Độc lập - Tự do - Hạnh phúc",
        "",
        "   Số: 125 /KH-UBND                Lào Cai, ngày 05 tháng 3 năm 2024",
        "",
        "                           KẾ HOẠCH",
        "     Kiểm tra việc chấp hành quy định pháp luật trong sử dụng vật",
        "               liệu nổ công nghiệp trên địa bàn tỉnh",
        "",
        "      Căn cứ Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ;",
      ].join("\n"),
    );
    expect(d).toMatchObject({ issuer: ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], symbol: "125/KH-UBND", place: "Lào Cai", date: "2024-03-05", year: 2024, draft: false });
    expect(d.title).toBe("Kiểm tra việc chấp hành quy định pháp luật trong sử dụng vật liệu nổ công nghiệp trên địa bàn tỉnh");
  });

  it("reads a header whose columns ran together with too few spaces", () => {
    const d = docOf(["ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ HÒA PHONG  Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND  Hòa Phong, ngày 15 tháng 4 năm 2023", "KẾ HOẠCH", "Phát động phong trào thi đua năm 2023"].join("\n"));
    expect(d).toMatchObject({ symbol: "12/KH-UBND", place: "Hòa Phong", date: "2023-04-15", year: 2023 });
    expect(d.issuer[0]).toBe("ỦY BAN NHÂN DÂN");
  });

  it("reads a header written as a table with line breaks in its cells", () => {
    const d = docOf(
      [
        "| **ỦY BAN NHÂN DÂN**<br>**TỈNH LÀO CAI**<br>Số: 125/KH-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Lào Cai, ngày 15/3/2024* |",
        "|---|---|",
        "",
        "**KẾ HOẠCH**",
        "",
        "**Tổ chức Hội nghị quán triệt Nghị quyết năm 2024**",
      ].join("\n"),
    );
    expect(d).toMatchObject({ issuer: ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], symbol: "125/KH-UBND", place: "Lào Cai", date: "2024-03-15", title: "Tổ chức Hội nghị quán triệt Nghị quyết năm 2024" });
  });

  it("takes the numbered 'Số:' line over a number inside the issuer's name", () => {
    const d = docOf(["SỞ CÔNG THƯƠNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THEO QUYẾT ĐỊNH", "SỐ 1050/QĐ-SCT\t\tLào Cai, ngày 10 tháng 3 năm 2026", "Số: 1105/KH-ĐKT", "KẾ HOẠCH", "Kiểm tra việc chấp hành quy định"].join("\n"));
    expect(d.symbol).toBe("1105/KH-ĐKT");
    expect(d.date).toBe("2026-03-10");
  });

  it("finds a type line whose capitals were lost under the header", () => {
    const d = docOf(["Bộ tài chính\t\tCộng hoà xã hội chủ nghĩa Việt Nam", "SỐ: 120 /2002/TT-BTC", "Hà nội, ngày 30 tháng 12 năm 2002", "Thông tư", "Hướng dẫn thi hành Nghị định số 89/2002/NĐ-CP của Chính phủ", "Căn cứ Nghị định số 89/2002/NĐ-CP ngày 07 tháng 11 năm 2002;"].join("\n"));
    expect(d).toMatchObject({ typeCode: "TT", typeName: "Thông tư", symbol: "120/2002/TT-BTC", place: "Hà nội", date: "2002-12-30", title: "Hướng dẫn thi hành Nghị định số 89/2002/NĐ-CP của Chính phủ" });
  });

  it("takes the year from the trích yếu when there is no date line", () => {
    expect(seedDoc("000")).toMatchObject({ place: null, date: null, year: 2023, symbol: null, title: "triển khai thực hiện phong trào thi đua yêu nước năm 2023" });
    expect(seedDoc("001").year).toBeNull();
  });
});

describe("closing", () => {
  it("reads the signature under an authority line and skips bracket-only notes", () => {
    const d = seedDoc("000");
    expect(d.signer).toEqual({ authority: "K/T TRƯỞNG BAN", position: "PHÓ TRƯỞNG BAN", name: "Nguyễn Linh Nhơn" });
    expect(d.recipientCount).toBe(9);
    expect(d.recipients).toContain("(Văn phòng Tỉnh ủy)");
    expect(d.recipients.some((r) => r.includes("Báo cáo"))).toBe(false);
  });

  it("reads recipients and signature laid out side by side", () => {
    const d = seedDoc("003");
    expect(d.signer).toEqual({ authority: null, position: "CHỦ TỊCH", name: "Đoàn Anh Dũng" });
    expect(d.recipients[0]).toBe("Hội đồng Thi đua - Khen thưởng Trung ương");
    expect(d.recipients.at(-1)).toBe("Lưu: VT, KGVXNV. Trâm");
    expect(d.recipientCount).toBe(9);
  });

  it("counts a recipient's wrapped line and ignores a note in the right column", () => {
    const d = seedDoc("001");
    expect(d.recipients).toContain("(Ban Tuyên giáo Tỉnh ủy)");
    expect(d.recipients).toContain("Trưởng Khối thi đua 6");
    expect(d.recipientCount).toBe(8);
    expect(d.signer).toEqual({ authority: null, position: "TRƯỞNG BAN", name: "Đặng Hồng Sỹ" });
  });

  it("takes the title line above the name, not the honours below it", () => {
    expect(seedDoc("002").signer).toEqual({ authority: null, position: "TRƯỞNG KHỐI", name: "Vũ Mạnh Hà" });
  });

  it("reads a closing written as a table", () => {
    const d = docOf(
      [
        "KẾ HOẠCH",
        "Tổ chức Hội nghị năm 2024",
        "I. NHIỆM VỤ",
        "Giao Văn phòng theo dõi, đôn đốc thực hiện./.",
        "| **Nơi nhận:**<br>- Sở Nội vụ (để b/c);<br>- Như mục I;<br>- Lưu: VT, NC. | **KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br>*(Đã ký)*<br><br>**Nguyễn Văn Sơn** |",
      ].join("\n"),
    );
    expect(d.signer).toEqual({ authority: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn Sơn" });
    expect(d.recipients).toEqual(["Sở Nội vụ (để b/c)", "Như mục I", "Lưu: VT, NC"]);
  });

  it("reads authority prefixes written T/M., TM., KT., K/T and with a space before the dot", () => {
    const signer = (authority: string) =>
      docOf(["KẾ HOẠCH", "Kiểm tra năm 2026", "1. Mục tiêu", "Kiểm tra các đơn vị./.", "Nơi nhận:", "- Lưu: VT.", authority, "TRƯỞNG ĐOÀN", "Hoàng Văn Thuận"].join("\n")).signer;
    expect(signer("T/M. ĐOÀN KIỂM TRA").authority).toBe("T/M. ĐOÀN KIỂM TRA");
    expect(signer("K/T TRƯỞNG BAN").authority).toBe("K/T TRƯỞNG BAN");
    expect(signer("tm . ubnd thành phố").authority).toBe("tm . ubnd thành phố");
    expect(signer("Kt nối các hệ thống thông tin, cơ sở dữ liệu").authority).toBeNull();
  });

  it("splits recipients run into the heading's line", () => {
    const d = docOf(["KẾ HOẠCH", "Kiểm tra năm 2026", "1. Mục tiêu", "Kiểm tra các đơn vị./.", "Nơi nhận: - Như Điều 3; - Sở Nội vụ (để b/c); - Lưu: VT.", "GIÁM ĐỐC", "Hoàng Văn Thuận"].join("\n"));
    expect(d.recipients).toEqual(["Như Điều 3", "Sở Nội vụ (để b/c)", "Lưu: VT"]);
    expect(d.signer).toEqual({ authority: null, position: "GIÁM ĐỐC", name: "Hoàng Văn Thuận" });
  });

  it("counts a recipient split across two lines as two physical lines, and keeps its name whole", () => {
    const d = docOf(
      ["KẾ HOẠCH", "Tuyên truyền bầu cử năm 2026", "1. Mục tiêu", "Tuyên truyền sâu rộng đến cử tri./.", "Nơi nhận:", "", "- Thường trực Đảng ủy xã;", "", "- Bí thư Chi bộ, Trưởng thôn, Ban công", "", "tác Mặt trận thôn;", "", "- Lưu: VT.", "", "CHỦ TỊCH", "", "Hoàng Thị Mai"].join("\n"),
    );
    expect(d.recipients).toEqual(["Thường trực Đảng ủy xã", "Bí thư Chi bộ, Trưởng thôn, Ban công tác Mặt trận thôn", "Lưu: VT"]);
    expect(d.recipientCount).toBe(4);
  });

  it("has no recipient count without 'Nơi nhận'", () => {
    const d = docOf(["QUYẾT ĐỊNH", "Về việc phê duyệt Kế hoạch năm 2008", "Điều 1. Phê duyệt Kế hoạch.", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "TM. ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH", "Trương Tấn Thiệu"].join("\n"));
    expect(d.recipientCount).toBeNull();
    expect(d.signer).toEqual({ authority: "TM. ỦY BAN NHÂN DÂN TỈNH", position: "CHỦ TỊCH", name: "Trương Tấn Thiệu" });
  });
});

describe.skipIf(!existsSync(goldDir))("seeds against the analyst's document fields", () => {
  const fields = ["typeCode", "title", "symbol", "draft", "place", "date", "year", "recipientCount"] as const;
  it.each(seedNames)("%s", (name) => {
    const gold = JSON.parse(readFileSync(join(goldDir, name.replace(/\.txt$/, ".json")), "utf8")).document;
    const d = docOf(readFileSync(join(seedsDir, name), "utf8"));
    for (const f of fields) expect(d[f], f).toEqual(gold[f]);
    expect(d.signer.name).toBe(gold.signer.name);
    expect(d.signer.position).toBe(gold.signer.position);
  });
});
