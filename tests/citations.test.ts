import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Citation } from "../src/contract/schema.js";
import { extractCitations } from "../src/extract/citations.js";
import { logicalParagraphs } from "../src/extract/paragraphs.js";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";
import { plan } from "./support/plan.js";

const cite = (...lines: string[]) => extractCitations(plan(lines));
const brief = (c: Citation) => ({ typeCode: c.typeCode, number: c.number, issuerCode: c.issuerCode, symbol: c.symbol, date: c.date, issuer: c.issuer });

describe("both numbering conventions", () => {
  it("reads a Party-style symbol with its date, issuer and trích yếu", () => {
    const [c] = cite("Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng; Chỉ thị số 05-CT/TW của Bộ Chính trị.");
    expect(brief(c)).toEqual({ typeCode: "CT", number: "34", issuerCode: "TW", symbol: "34-CT/TW", date: "2014-04-07", issuer: "Bộ Chính trị" });
    expect(c.typeName).toBe("Chỉ thị");
    expect(c.subject).toBe("về tiếp tục đổi mới công tác thi đua, khen thưởng");
  });

  it("reads State-style symbols, with a year, with two issuer parts, and mistyped", () => {
    const cs = cite(
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
      "Căn cứ Kế hoạch số 16/KH-MTTQ-BTT ngày 20/10/2025 của Ban Thường trực Ủy ban MTTQ Việt Nam xã Quảng Ninh về công tác bầu cử;",
      "Chỉ thị số 19/CT-TTG, ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát động thi đua;",
      "Chỉ thị số 012/CT-UBND ngày 07-4-2014 của UBND tỉnh.",
    );
    expect(cs.map(brief)).toEqual([
      { typeCode: "NĐ", number: "30", issuerCode: "CP", symbol: "30/2020/NĐ-CP", date: "2020-03-05", issuer: "Chính phủ" },
      { typeCode: "KH", number: "16", issuerCode: "MTTQ-BTT", symbol: "16/KH-MTTQ-BTT", date: "2025-10-20", issuer: "Ban Thường trực Ủy ban MTTQ Việt Nam xã Quảng Ninh" },
      { typeCode: "CT", number: "19", issuerCode: "TTG", symbol: "19/CT-TTG", date: "2021-07-16", issuer: "Thủ tướng Chính phủ" },
      { typeCode: "CT", number: "012", issuerCode: "UBND", symbol: "012/CT-UBND", date: "2014-04-07", issuer: "UBND tỉnh" },
    ]);
    expect(cs[0].year).toBe(2020);
  });

  it("takes the type from the word when the symbol has none", () => {
    const cs = cite(
      "Thực hiện Công văn số 5973/UBND-KT ngày 12/10/2023 của UBND tỉnh về việc rà soát;",
      "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015.",
    );
    expect(cs.map((c) => [c.typeCode, c.typeName, c.number, c.issuerCode, c.date])).toEqual([
      ["CV", "Công văn", "5973", "UBND-KT", "2023-10-12"],
      ["Luật", "Luật", "85", "QH13", "2015-06-25"],
    ]);
  });

  it("reads the Party's Quy định code and a symbol carrying a footnote mark", () => {
    const cs = cite("thực hiện Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương; Chỉ thị số 05-CT/TW¹ của Bộ Chính trị.");
    expect(cs.map((c) => [c.typeCode, c.number, c.issuerCode, c.date])).toEqual([
      ["QĐi", "08", "TW", "2018-10-25"],
      ["CT", "05", "TW", null],
    ]);
  });

  it("reads numbers with a suffix and a doubled slash", () => {
    const cs = cite("giảm nghèo theo Nghị quyết số 30a/2008/NQ-CP ngày 27 tháng 12 năm 2008 của Chính phủ; Nghị định số 64//2023/NĐ-CP ngày 23 tháng 8 năm 2023.");
    expect(cs.map((c) => [c.number, c.year, c.typeCode, c.issuerCode, c.date])).toEqual([
      ["30a", 2008, "NQ", "CP", "2008-12-27"],
      ["64", 2023, "NĐ", "CP", "2023-08-23"],
    ]);
  });

  it("rejoins a symbol split across lines and tolerates a doubled 'số'", () => {
    const cs = cite("Theo dõi thực hiện Hướng dẫn số 03-", "HD/TU, ngày 17/07/2018 của Ban Thường vụ Tỉnh ủy; Chỉ thị số số 46 - CT/TW ngày 16/5/2025 của Bộ Chính trị.");
    expect(cs.map((c) => [c.symbol, c.date, c.issuer])).toEqual([
      ["03-HD/TU", "2018-07-17", "Ban Thường vụ Tỉnh ủy"],
      ["46-CT/TW", "2025-05-16", "Bộ Chính trị"],
    ]);
  });
});

describe("lists and shared issuers", () => {
  it("expands a list of numbers sharing one symbol", () => {
    const cs = cite("xây dựng chính quyền theo Quyết định số 217, 218-QĐ/TW của Bộ Chính trị (khóa XI).");
    expect(cs.map((c) => [c.number, c.symbol, c.issuer])).toEqual([
      ["217", "217-QĐ/TW", "Bộ Chính trị"],
      ["218", "218-QĐ/TW", "Bộ Chính trị"],
    ]);
  });

  it("gives the issuer named after the last mention to the whole list", () => {
    const cs = cite("hưởng ứng phong trào theo Chỉ thị số 16/CT-UBND và Kế hoạch số 4088/KH-UBND của Ủy ban nhân dân tỉnh Bình Thuận và Phong trào thi đua “Dân vận khéo”.");
    expect(cs.map((c) => [c.symbol, c.issuer])).toEqual([
      ["16/CT-UBND", "Ủy ban nhân dân tỉnh Bình Thuận"],
      ["4088/KH-UBND", "Ủy ban nhân dân tỉnh Bình Thuận"],
    ]);
  });

  it("does not lend an issuer across a trích yếu", () => {
    const cs = cite("Kế hoạch số 34-KH/BDVTU, ngày 01/11/2021 về hưởng ứng phong trào theo Chỉ thị số 16/CT-UBND của UBND tỉnh.");
    expect(cs.map((c) => c.issuer)).toEqual([null, "UBND tỉnh"]);
  });

  it("reads an issuer named before the mention", () => {
    const [c] = cite("triển khai chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 116-CV/TU, ngày 30/3/2021 về giám sát.");
    expect(c.issuer).toBe("Ban Thường vụ Tỉnh ủy");
  });

  it("ends an issuer at a stop word or a type word in any case, and at a place's level", () => {
    const cs = cite(
      "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh CĂN CỨ tình hình thực tế;",
      "Thực hiện Chỉ thị số 05-CT/TU ngày 15/5/2016 của Ban Thường vụ Tỉnh ủy và KẾ HOẠCH số 20-KH/TU;",
      "Thực hiện Công văn số 45/UBND-VX ngày 12/3/2024 của UBND thị xã Sông Cầu về việc tổ chức.",
    );
    expect(cs.map((c) => c.issuer)).toEqual(["UBND tỉnh", "Ban Thường vụ Tỉnh ủy", null, "UBND thị xã Sông Cầu"]);
  });

  it("ends an issuer before the verb of the clause", () => {
    const [c] = cite("Nghị quyết số 54/2022/QH15 ngày 16 tháng 6 năm 2022 của Quốc hội thí điểm mô hình tổ chức chính quyền đô thị.");
    expect(c.issuer).toBe("Quốc hội");
  });

  it("keeps a comma inside a ministry's name but not after a place", () => {
    const cs = cite(
      "Căn cứ Thông tư số 08/2023/TT-BVHTTDL ngày 30/6/2023 của Bộ Văn hóa, Thể thao và Du lịch hướng dẫn thi hành;",
      "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh Phú Yên, Sở Nội vụ hướng dẫn thực hiện.",
    );
    expect(cs.map((c) => c.issuer)).toEqual(["Bộ Văn hóa, Thể thao và Du lịch", "UBND tỉnh Phú Yên"]);
  });

  it("repairs a unit code misread by OCR only into a known code", () => {
    const cs = cite("Thực hiện Chỉ thị số 05-CT/IW ngày 15/5/2016 của Bộ Chính trị; Kế hoạch số 12/KH-UBND-KI; Công văn số 7/UBND-XZ.");
    expect(cs.map((c) => [c.symbol, c.issuerCode])).toEqual([
      ["05-CT/IW", "TW"],
      ["12/KH-UBND-KI", "UBND-KT"],
      ["7/UBND-XZ", "UBND-XZ"],
    ]);
  });

  it("repairs and types a code met again as it did the first time", () => {
    const cs = cite("Chỉ thị số 05-CT/IW; Chỉ thị số 06-CT/IW; Kế hoạch số 12/KH-UBND-KI; Kế hoạch số 13/KH-UBND-KI; Kế hoạch 14/QD-UBND; Kế hoạch 15/QD-UBND.");
    expect(cs.map((c) => [c.typeCode, c.issuerCode])).toEqual([
      ["CT", "TW"],
      ["CT", "TW"],
      ["KH", "UBND-KT"],
      ["KH", "UBND-KT"],
      ["QĐ", "UBND"],
      ["QĐ", "UBND"],
    ]);
  });

  it("reads a date written before the number", () => {
    const cs = cite(
      "Thực hiện Công văn ngày 12/3/2024 số 45/UBND-VX của UBND tỉnh về việc tổ chức các hoạt động;",
      "Căn cứ Quyết định ngày 05 tháng 01 năm 2024, số 12/QĐ-UBND của Chủ tịch UBND huyện.",
    );
    expect(cs.map((c) => [c.typeCode, c.typeName, c.symbol, c.date, c.issuer])).toEqual([
      ["CV", "Công văn", "45/UBND-VX", "2024-03-12", "UBND tỉnh"],
      ["QĐ", "Quyết định", "12/QĐ-UBND", "2024-01-05", "Chủ tịch UBND huyện"],
    ]);
  });

  it("keeps an electoral body's name and a joint issuers' list whole, and reads a mistyped year word", () => {
    const cs = cite(
      "Căn cứ Quyết định số 07/QĐ-UBBC ngày 10/12/2025 của Ủy ban bầu cử xã Tân Lập về việc thành lập các Tiểu ban;",
      "theo Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 26/9/2025 của Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam hướng dẫn việc hiệp thương;",
      "cấp bù lãi suất theo Công văn số 227/UB-KT ngày 12 tháng 03 tháng 2003 của Ủy ban nhân dân thành phố.",
    );
    expect(cs.map((c) => [c.issuer, c.date])).toEqual([
      ["Ủy ban bầu cử xã Tân Lập", "2025-12-10"],
      ["Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "2025-09-26"],
      ["Ủy ban nhân dân thành phố", "2003-03-12"],
    ]);
  });

  it("ends an issuer after its place's name", () => {
    const [c] = cite("Thực hiện Chỉ thị số 01/CT-UBND ngày 20/4/2023 của UBND huyện Tây Hòa phát động phong trào thi đua yêu nước năm 2023.");
    expect(c.issuer).toBe("UBND huyện Tây Hòa");
  });
});

describe("where citations are and are not", () => {
  it("finds them in footnotes, table rows and as bare symbols", () => {
    const cs = cite(
      "| 1 | Triển khai Kế hoạch số 56/KH-UBND ngày 31/3/2023 của UBND xã | Văn phòng | Quý II/2023 |",
      "Tiếp tục thực hiện 34-CT/TW trong toàn tỉnh.",
      "[1] Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI).",
    );
    expect(cs.map((c) => [c.symbol, c.typeName, c.date])).toEqual([
      ["56/KH-UBND", "Kế hoạch", "2023-03-31"],
      ["34-CT/TW", null, null],
      ["25-NQ/TW", "Nghị quyết", "2013-06-03"],
    ]);
  });

  it("skips the plan's own number in its header and appendix titles", () => {
    const cs = cite(
      "Số: 1105/KH-ĐKT",
      "KẾ HOẠCH",
      "Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương.",
      "(Kèm theo Kế hoạch số 1105 /KH-ĐKT ngày10 /3/2026 của Đoàn kiểm tra)",
    );
    expect(cs.map((c) => c.symbol)).toEqual(["1050/QĐ-SCT"]);
    // A decision attaching the plan: its appendix title names the decision, whatever the plan's type.
    const decision = cite("Phụ lục I", "(Kèm theo Quyết định số 256/2004/QĐ-UB ngày 01/7/2004 của UBND thành phố)", "Thực hiện Quyết định số 136/2001/QĐ-TTg ngày 17/9/2001 ban hành kèm theo Quyết định số 60/QĐ-TTg.");
    expect(decision.map((c) => c.symbol)).toEqual(["136/2001/QĐ-TTg", "60/QĐ-TTg"]);
    expect(cite("Luật số: 15/2012/QH13", "Căn cứ Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khoá X, kỳ họp thứ 10;").map((c) => [c.symbol, c.issuer])).toEqual([
      ["51/2001/QH10", "Quốc hội"],
    ]);
  });

  it("cites a decision named in the header above the title, but not the plan's own 'Số:'", () => {
    const text = [
      "UBND TỈNH HÀ GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TỔ CÔNG TÁC\tĐộc lập - Tự do - Hạnh phúc",
      "THEO QUYẾT ĐỊNH",
      "SỐ 215/QĐ-UBND\tHà Giang, ngày 05 tháng 4 năm 2025",
      "Số: 38/KH-TCT",
      "",
      "KẾ HOẠCH",
      "Kiểm tra công tác cải cách hành chính năm 2025",
      "",
      "Thực hiện Quyết định số 215/QĐ-UBND ngày 01/4/2025 của Chủ tịch UBND tỉnh về việc thành lập Tổ công tác.",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Kiểm tra việc thực hiện nhiệm vụ năm 2025.",
    ].join("\n");
    const cs = extractCitations(segment(normalize(text, {})));
    expect(cs.map((c) => [c.symbol, c.section, c.date])).toEqual([
      ["215/QĐ-UBND", "header", null],
      ["215/QĐ-UBND", "preamble", "2025-04-01"],
    ]);
  });

  it("reads companies' letters as công văn, whatever their numbering", () => {
    const cs = cite(
      "Xét đề nghị của Công ty TNHH An Phát tại Văn bản số 14/ĐN-Cty ngày 02/5/2025; Công ty cổ phần Minh Long tại văn bản số 07/2025/MLG/CV-KT ngày 03/5/2025; Công ty Hòa Bình tại Văn bản số 03-ĐN-HB ngày 04/5/2025; Công ty Đông Á tại Văn bản số 21/2025/GĐN-KD ngày 05/5/2025.",
      "Căn cứ Quyết định 1234/QĐ-UBND ngày 06/5/2025 của UBND tỉnh; theo đề nghị tại số 88/UBND-VX ngày 07/5/2025.",
    );
    expect(cs.map((c) => [c.typeCode, c.number, c.issuerCode, c.date])).toEqual([
      ["CV", "14", "ĐN-Cty", "2025-05-02"],
      ["CV", "07", "KT", "2025-05-03"],
      ["CV", "03", "ĐN-HB", "2025-05-04"],
      ["CV", "21", "GĐN-KD", "2025-05-05"],
      ["QĐ", "1234", "UBND", "2025-05-06"],
      ["CV", "88", "UBND-VX", "2025-05-07"],
    ]);
    // A letter numbered without a symbol is cited by its type word, "số" and date only.
    const bare = cite("Công ty TNHH Đại Phúc tại Văn bản số 02 ngày 21/4/2025; gói thầu số 13 ngày 22/4/2025; Biểu số 04 ngày 23/4/2025.");
    expect(bare.map((c) => [c.typeCode, c.number, c.issuerCode, c.symbol, c.date])).toEqual([["CV", "02", null, "02", "2025-04-21"]]);
  });

  it("ignores dates, periods, named documents and a symbol without a type after no type word", () => {
    expect(
      cite(
        "Căn cứ Chỉ thị số 16/CT-UBND, ngày 13/9/2021 của UBND tỉnh.",
        "phát triển kinh tế - xã hội 5 năm (2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng;",
        "phòng, chống dịch COVID-19; chấp hành nghiêm chỉnh Luật Giao thông đường bộ; 2/ BAN CHỈ ĐẠO; tỷ lệ 3/5 thành viên.",
        "Đơn vị đã gửi 12/UBND-VP.",
        "Báo cáo theo Mẫu số 02/BC-UBND và Biểu số 01/KH-TC kèm theo.",
      ).map((c) => c.symbol),
    ).toEqual(["16/CT-UBND"]);
  });
});

describe("Party and ministry styles", () => {
  it("tells HD from HĐ, names a Party conference, reads a 'Thông báo kết luận'", () => {
    const cs = cite(
      "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng; Hướng dẫn số 12-HD/BTGTW, ngày 20/12/2021 của Ban Tuyên giáo Trung ương;",
      "Thông báo kết luận số 123-TB/TU ngày 5/6/2023 của Thường trực Tỉnh ủy.",
    );
    expect(cs.map((c) => [c.typeCode, c.typeName, c.issuer])).toEqual([
      ["KL", "Kết luận", "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng"],
      ["HD", "Hướng dẫn", "Ban Tuyên giáo Trung ương"],
      ["TB", "Thông báo kết luận", "Thường trực Tỉnh ủy"],
    ]);
  });

  it("ends an issuer at a table cell's edge", () => {
    const [c] = cite("| 1 | Tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị | Ban Tuyên giáo | Quý I/2025 |");
    expect([c.symbol, c.issuer]).toEqual(["57-NQ/TW", "Bộ Chính trị"]);
  });
});

describe("trích yếu", () => {
  it("ends where the citing sentence goes on", () => {
    const cs = cite(
      "Căn cứ Chỉ thị số 01-CT/UBND, ngày 12/01/2023 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua yêu nước năm 2023 và để triển khai có hiệu quả các hoạt động của Khối thi đua 6 trong năm 2023; Ban Dân vận Tỉnh ủy xây dựng Kế hoạch.",
      "Thực hiện Kế hoạch số 160/KH-UBND ngày 23/8/2021 của UBND huyện về xây dựng, bồi dưỡng và nhân điển hình tiên tiến trên địa bàn huyện, giai đoạn 2021-2025; tiến hành tổ chức sơ kết.",
    );
    expect(cs.map((c) => c.subject)).toEqual([
      "về việc phát động phong trào thi đua yêu nước năm 2023",
      "về xây dựng, bồi dưỡng và nhân điển hình tiên tiến trên địa bàn huyện, giai đoạn 2021-2025",
    ]);
  });
});

describe("identity keys", () => {
  it("merges one document written two ways and separates two documents with one symbol", () => {
    const cs = cite(
      "Căn cứ Chỉ thị số 01-CT/UBND, ngày 12/01/2023 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua yêu nước năm 2023;",
      "Chỉ thị số 01/CT-UBND, ngày 12/01/2023 của UBND tỉnh về việc phát động phong trào thi đua;",
      "Thực hiện Chỉ thị số 01/CT-UBND ngày 20/4/2023 của UBND huyện Tây Hòa;",
      "Chỉ thị số 01/CT-UBND của UBND huyện Tây Hoà.",
    );
    const [a, b, c, d] = cs.map((x) => x.key);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    // Undated, tone placed the other way: resolves to the dated mention of the same body.
    expect(d).toBe(c);
  });

  it("resolves an undated mention only when one dated mention fits it", () => {
    const cs = cite(
      "Chỉ thị số 16/CT-UBND ngày 13/9/2021 của UBND tỉnh;",
      "theo Chỉ thị số 16/CT-UBND của Ủy ban nhân dân tỉnh Bình Thuận;",
      "Chỉ thị số 16/CT-UBND của UBND xã;",
      "Kế hoạch số 21/KH-UBND ngày 02/3/2023 của UBND huyện; Kế hoạch số 21/KH-UBND ngày 05/6/2023 của UBND huyện; Kế hoạch số 21/KH-UBND.",
    );
    const keys = cs.map((c) => c.key);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[4]);
    expect([keys[3], keys[4]]).not.toContain(keys[5]);
  });
});

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const gold = join(repoRoot, "..", "shared", "eval", "gold");

describe.skipIf(!existsSync(gold))("seed plans against the analysts' gold", () => {
  it("finds every cited directive with its date and issuer", () => {
    let tp = 0;
    let pred = 0;
    let want = 0;
    let attrs = 0;
    let attrsOk = 0;
    const fold = (s: string | null) => (s ?? "").normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toUpperCase();
    const id = (c: { typeCode: string | null; number: string | null; issuerCode: string | null }) => `${fold(c.typeCode)}|${Number(c.number)}|${fold(c.issuerCode)}`;
    for (const f of readdirSync(gold).filter((x) => x.endsWith(".json"))) {
      const g = JSON.parse(readFileSync(join(gold, f), "utf8"));
      const seed = join(repoRoot, "fixtures", "seeds", f.replace(/\.json$/, ".txt"));
      if (!g.citations || !existsSync(seed)) continue;
      const got = extractCitations(segment(normalize(readFileSync(seed, "utf8"))));
      const pool = [...got];
      for (const w of g.citations) {
        const i = pool.findIndex((p) => id(p) === id(w));
        if (i < 0) continue;
        tp++;
        attrs += 2;
        attrsOk += Number(pool[i].date === w.date) + Number((pool[i].issuer ?? "").toLowerCase() === (w.issuer ?? "").toLowerCase());
        pool.splice(i, 1);
      }
      pred += got.length;
      want += g.citations.length;
    }
    const f1 = (2 * tp) / (pred + want);
    expect(f1).toBeGreaterThanOrEqual(0.98);
    expect(attrsOk / attrs).toBeGreaterThanOrEqual(0.95);
  });
});

describe("logical paragraphs", () => {
  const spans = (...lines: string[]) => {
    const seg = plan(lines);
    return logicalParagraphs(seg.text, seg.blocks).map((p) => seg.text.slice(p.start, p.end).replace(/\n/g, " / "));
  };

  it("joins a line cut mid-sentence to the next, and ends one at a stop, even behind quotes and markup", () => {
    expect(spans("Thực hiện Kế hoạch số 12/KH-UBND của", "UBND tỉnh về việc phòng chống dịch.", "Các sở thực hiện **“Chương trình”.**", "Tiếp theo")).toEqual([
      "Thực hiện Kế hoạch số 12/KH-UBND của / UBND tỉnh về việc phòng chống dịch.",
      "Các sở thực hiện **“Chương trình”.**",
      "Tiếp theo",
    ]);
  });

  it("starts a new paragraph at an item, a bullet or a label, not at a capitalised continuation", () => {
    expect(spans("Giao các cơ quan", "a) Sở Y tế", "b) Sở Tài chính", "- Thời gian", "Thời gian thực hiện: năm 2025", "Ủy ban nhân dân tỉnh", "đôn đốc", "II- Nội dung")).toEqual([
      "Giao các cơ quan",
      "a) Sở Y tế",
      "b) Sở Tài chính",
      "- Thời gian",
      "Thời gian thực hiện: năm 2025 / Ủy ban nhân dân tỉnh / đôn đốc",
      "II- Nội dung",
    ]);
  });
});
