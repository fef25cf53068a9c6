import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codesOf } from "../src/normalize/markdown.js";
import { reflow } from "../src/normalize/reflow.js";

const seedsDir = join(import.meta.dirname, "..", "fixtures", "seeds");
const seedNames = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
const seed = (prefix: string) => readFileSync(join(seedsDir, seedNames.find((f) => f.startsWith(prefix))!), "utf8");

const paragraphsOf = (src: string) => {
  const r = reflow(src);
  return r.paragraphs.map((p) => ({ ...p, text: r.text.slice(p.start, p.end) }));
};
const words = (s: string) => s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

describe.each(seedNames)("reflow of seed %s", (name) => {
  const src = readFileSync(join(seedsDir, name), "utf8");
  const r = reflow(src);
  const paras = paragraphsOf(src);

  it("joins paragraphs with single newlines and nothing else", () => {
    expect(r.text.split("\n")).toEqual(paras.map((p) => p.text));
    expect(paras.every((p) => p.text.length > 0 && p.text === p.text.trim())).toBe(true);
  });

  it("drops markup and loses no word", () => {
    expect(r.text).not.toMatch(/\*\*|\\\*|^#+ |^-{3,}$/m);
    expect(words(r.text)).toEqual(words(src));
  });

  it("never starts a paragraph inside a wrapped sentence", () => {
    // A paragraph opening in lower case continues the line above, unless it is the
    // trích yếu under a type name in capitals ("KẾ HOẠCH" / "triển khai ...").
    paras.forEach((p, i) => {
      if (/^\p{Ll}/u.test(p.text)) expect(paras[i - 1]?.text, p.text).toMatch(/^[^\p{Ll}]+$/u);
    });
  });
});

describe("hard-wrapped text with a blank line between wrapped lines", () => {
  it("joins a hyphen at a line end without losing it", () => {
    const text = reflow(seed("001")).text;
    expect(text).toContain("chiến thắng đại dịch COVID-19” với quyết tâm cao cao nhất");
    expect(text).toContain("Hướng dẫn số 03-HD/TU, ngày 17/07/2018");
    expect(text).toContain("Quyết định số 99-QĐ/TW, ngày 03/10/2017");
  });

  it("keeps a wrapped line that starts with a number inside its paragraph", () => {
    const paras = paragraphsOf(seed("001")).map((p) => p.text);
    const p22 = paras.find((t) => t.startsWith("2.2. Phối hợp Ban cán sự Đảng"))!;
    expect(p22).toContain("Theo dõi việc triển khai thực hiện Chỉ thị số 11-CT/TU, ngày 07/9/2021 của Ban Thường vụ Tỉnh ủy");
    expect(paras.some((t) => t.startsWith("11-CT/TU"))).toBe(false);
    expect(paras).toContain("* Thời gian thực hiện: Thường xuyên; báo cáo hàng năm; tham mưu sơ kết 5 năm vào năm 2022.");
    const p1 = paragraphsOf(seed("003")).map((p) => p.text);
    expect(p1.some((t) => t.includes("được Tỉnh ủy, HĐND, UBND tỉnh giao trong năm 2023. Phát huy truyền thống yêu nước"))).toBe(true);
  });

  it("breaks between an article's full-width heading line and its first item", () => {
    const src = [
      "Các cơ quan, đơn vị có trách nhiệm tổ chức thực hiện đầy đủ, kịp thời các nội dung",
      "của Kế hoạch này, bảo đảm đúng tiến độ, chất lượng và hiệu quả theo quy định hiện",
      "hành; định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 tháng",
      "cuối quý để tổng hợp, báo cáo cơ quan cấp trên theo đúng quy định hiện hành ạ.",
      "Điều 7. Trách nhiệm của các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã",
      "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan hướng dẫn thực hiện.",
    ].join("\n");
    const paras = paragraphsOf(src).map((p) => p.text);
    expect(paras.at(-2)).toBe("Điều 7. Trách nhiệm của các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã");
    expect(paras.at(-1)).toMatch(/^1\. Sở Nội vụ/);
  });

  it("keeps headings, items and the closing lines apart", () => {
    const paras = paragraphsOf(seed("001")).map((p) => p.text);
    expect(paras).toContain("1. Thi đua phòng, chống và chiến thắng đại dịch COVID -19");
    expect(paras).toContain("II. Nội dung thi đua");
    expect(paras.slice(-3)).toEqual(["- Lưu Văn thư.", "TRƯỞNG BAN", "Đặng Hồng Sỹ"]);
    // The title's three centred lines are one trích yếu, the type name stays apart.
    expect(paras[0]).toBe("KẾ HOẠCH");
    expect(paras[1]).toBe("hưởng ứng và tổ chức thực hiện phong trào thi đua yêu nước theo Chỉ thị số 16/CT-UBND và Kế hoạch số 4088/KH-UBND của Ủy ban nhân dân tỉnh Bình Thuận");
  });

  it("drops the leading spaces a page break leaves and joins the line it opens", () => {
    // "... trong phòng chống; \n hỗ trợ nhau vượt qua khó khăn ..." in the source.
    expect(paragraphsOf(seed("001")).some((p) => p.text.includes("trong chăm lo đời sống nhân dân, trong phòng chống; hỗ trợ nhau vượt qua khó khăn"))).toBe(true);
    expect(paragraphsOf(seed("003")).some((p) => p.text.startsWith("Để thực hiện thắng lợi các chỉ tiêu"))).toBe(true);
  });
});

describe("page furniture of a PDF", () => {
  // Hard-wrapped prose, so that the document has a line width.
  const body = (n: number) =>
    Array.from({ length: n / 2 }, (_, i) => [`Nội dung số ${i + 10} của kế hoạch được các cơ quan, đơn vị triển khai thực`, "hiện đầy đủ, kịp thời và đúng quy định hiện hành."]).flat();
  const page = [
    ...body(14),
    "Ủy ban nhân dân các xã, phường chủ trì tổ chức tuyên truyền, phổ biến sâu rộng đến",
    "",
    "CÔNG BÁO/Số 12/Ngày 05-02-2026",
    "2",
    "",
    "toàn thể cán bộ, đảng viên và nhân dân trên địa bàn.",
    ...body(14),
    "Điều 3. Trách nhiệm của các sở, ban, ngành và Ủy ban nhân dân các cấp",
    "CÔNG BÁO/Số 12/Ngày 05-02-2026",
    "3",
    "Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
    ...body(4),
  ].join("\n");

  it("drops page numbers in sequence and the running head beside them, and joins the paragraph they cut", () => {
    const paras = paragraphsOf(page).map((p) => p.text);
    expect(paras).toContain("Ủy ban nhân dân các xã, phường chủ trì tổ chức tuyên truyền, phổ biến sâu rộng đến toàn thể cán bộ, đảng viên và nhân dân trên địa bàn.");
    expect(paras.some((t) => t.includes("CÔNG BÁO") || /^\d+$/.test(t))).toBe(false);
  });

  it("joins across the page break only a line going on in lower case, however full the line above", () => {
    const paras = paragraphsOf(page).map((p) => p.text);
    expect(paras).toContain("Điều 3. Trách nhiệm của các sở, ban, ngành và Ủy ban nhân dân các cấp");
    expect(paras).toContain("Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.");
  });

  it("keeps numbers that follow each other a few lines apart, a table's order column", () => {
    const table = ["STT", "1", "Hồ sơ kỹ thuật", "2", "Giấy chứng nhận hợp quy", "3", "Biên bản kiểm tra lần trước"].join("\n\n");
    expect(paragraphsOf(table).map((p) => p.text)).toContain("2");
  });
});

describe("layouts in columns", () => {
  it("separates the two columns of the closing with a tab and never joins such lines", () => {
    const paras = paragraphsOf(seed("003")).map((p) => p.text);
    expect(paras).toContain("Nơi nhận:\tCHỦ TỊCH");
    expect(paras).toContain("- Ban Thi đua - Khen thưởng tỉnh;\tĐoàn Anh Dũng");
    expect(paras).toContain("- Các tỉnh miền Đông Nam bộ;");
  });

  it("reads a tab after a list label as a space, so the item still wraps", () => {
    const src = ["1.\tTổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của", "cuộc bầu cử đại biểu Quốc hội khóa XVI.", "-\tBảo đảm an ninh, trật tự."].join("\n");
    expect(paragraphsOf(src).map((p) => p.text)).toEqual([
      "1. Tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của cuộc bầu cử đại biểu Quốc hội khóa XVI.",
      "- Bảo đảm an ninh, trật tự.",
    ]);
  });

  it("keeps a note beside a recipient in its own column", () => {
    const paras = paragraphsOf(seed("001")).map((p) => p.text);
    expect(paras).toContain("- Trưởng Khối thi đua 6\t(Báo cáo)");
    expect(paras).toContain("(Ban Tuyên giáo Tỉnh ủy),");
  });
});

describe("markdown", () => {
  it("turns headings and whole-bold lines into heading and strong paragraphs", () => {
    const paras = paragraphsOf(seed("000"));
    const iv = paras.find((p) => p.text === "IV- Tổ chức thực hiện")!;
    expect(iv).toMatchObject({ kind: "heading", strong: true });
    expect(paras.find((p) => p.text === "I- Mục đích, yêu cầu")).toMatchObject({ kind: "text", strong: true });
    expect(paras.find((p) => p.text === "K/T TRƯỞNG BAN")?.strong).toBe(true);
    expect(paras.find((p) => p.text.startsWith("1. Xây dựng Kế hoạch"))?.strong).toBe(false);
  });

  it("keeps escaped stars as bullets and drops emphasis stars", () => {
    const paras = paragraphsOf(seed("000")).map((p) => p.text);
    expect(paras).toContain("* Chủ trì: Lãnh đạo Ban, Chi ủy, Ban Chấp hành Công đoàn.");
    expect(paras).toContain("- } (Báo cáo)");
  });

  it("does not call a paragraph strong when only a part of it is bold", () => {
    const [p] = paragraphsOf("2. **Giao Văn phòng UBND xã:** Theo dõi, hướng dẫn, kiểm tra các cơ quan, đơn vị.");
    expect(p).toMatchObject({ text: "2. Giao Văn phòng UBND xã: Theo dõi, hướng dẫn, kiểm tra các cơ quan, đơn vị.", strong: false });
    expect(paragraphsOf("***“Đoàn kết, chủ động, đổi mới, sáng tạo”***")[0]).toMatchObject({ text: "“Đoàn kết, chủ động, đổi mới, sáng tạo”", strong: true });
  });

  it("turns table rows into row paragraphs with their cells, without the rule row", () => {
    const src = [
      "| TT | Nội dung công việc | Đơn vị chủ trì | Thời gian thực hiện |",
      "|---|:---|---|---:|",
      "| 1 | Tổ chức hội nghị **quán triệt** Nghị quyết | Sở Nội vụ<br>Sở Tư pháp | Quý I/2024 |",
      "|  | Tổng hợp, báo cáo \\| đánh giá | | Tháng 12/2024 |",
    ].join("\n");
    const r = reflow(src);
    expect(r.paragraphs).toHaveLength(3);
    const cells = r.paragraphs.map((p) => p.cells!.map((c) => r.text.slice(c.start, c.end)));
    expect(cells[0]).toEqual(["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện"]);
    expect(cells[1]).toEqual(["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Sở Nội vụ / Sở Tư pháp", "Quý I/2024"]);
    expect(cells[2]).toEqual(["", "Tổng hợp, báo cáo | đánh giá", "", "Tháng 12/2024"]);
    expect(r.paragraphs.every((p) => p.kind === "row")).toBe(true);
    expect(r.text.split("\n")[1]).toBe("1 | Tổ chức hội nghị quán triệt Nghị quyết | Sở Nội vụ / Sở Tư pháp | Quý I/2024");
  });
});

describe("blank lines", () => {
  it("separate paragraphs in single-spaced text, unless the line goes on in lower case", () => {
    const src = [
      "1. Mục đích",
      "Tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của",
      "cuộc bầu cử đại biểu Quốc hội khóa XVI.",
      "",
      "Bảo đảm an ninh, trật tự, an toàn xã hội trước, trong và sau ngày bầu cử.",
      "2. Yêu cầu",
    ].join("\n");
    expect(paragraphsOf(src).map((p) => p.text)).toEqual([
      "1. Mục đích",
      "Tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của cuộc bầu cử đại biểu Quốc hội khóa XVI.",
      "Bảo đảm an ninh, trật tự, an toàn xã hội trước, trong và sau ngày bầu cử.",
      "2. Yêu cầu",
    ]);
  });
});

describe("the source's codes in a typed array", () => {
  it("holds every UTF-16 code of the text, half surrogate pairs included", () => {
    const text = "Điều 1.\tỦy ban \u00a0*x*\n\ud835\udc00 \ud800 lẻ \udc00";
    const codes = codesOf(text);
    expect(codes.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(codes[i]).toBe(text.charCodeAt(i));
  });

  it("reads a line opening with a small letter outside the BMP as going on in lower case", () => {
    // 𝐚 (U+1D41A, a small letter) after a line cut short: joined as a wrap.
    expect(reflow("Kế hoạch triển khai\n\ud835\udc1a tiếp").paragraphs.length).toBe(1);
    // A half pair alone is no letter: the lines stay apart.
    expect(reflow("Kế hoạch triển khai\n\ud835 tiếp").paragraphs.length).toBe(2);
  });
});
