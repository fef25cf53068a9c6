import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractUnits, firstTrigger, textCursor, triggerSearch } from "../src/extract/units.js";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";
import { itemStart } from "../src/text/items.js";
import { tokenize } from "../src/text/tokens.js";
import { plan } from "./support/plan.js";

const units = (...lines: string[]) => extractUnits(plan(lines)).map((u) => `${u.role}: ${u.name}`);

describe("role fields", () => {
  it("reads a starred, italic field and splits it on commas", () => {
    expect(units("\\* *Chủ trì:* Lãnh đạo Ban, Chi ủy, Ban Chấp hành Công đoàn.")).toEqual([
      "lead: Lãnh đạo Ban",
      "lead: Chi ủy",
      "lead: Ban Chấp hành Công đoàn",
    ]);
  });

  it("reads two fields in one bullet and keeps ' và ' inside a department's name", () => {
    expect(units("- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; Cơ quan phối hợp: Sở Tài chính, UBND các huyện, thị xã, thành phố.")).toEqual([
      "lead: Sở Nông nghiệp và Môi trường",
      "support: Sở Tài chính",
      "support: UBND các huyện",
      "support: thị xã",
      "support: thành phố",
    ]);
  });

  it("splits a top-level ' và ' but not one inside a listed name", () => {
    expect(units("* Chịu trách nhiệm tham mưu: Phòng Đoàn thể và các hội.")).toEqual(["advise: Phòng Đoàn thể và các hội"]);
    expect(units("* Chịu trách nhiệm tham mưu: Ban Chấp hành Công đoàn và đoàn viên.")).toEqual([
      "advise: Ban Chấp hành Công đoàn",
      "advise: đoàn viên",
    ]);
  });

  it("takes the implementing field's semicolon list", () => {
    expect(units("\\* *Chịu trách nhiệm thực hiện:* Các phòng chuyên môn; cán bộ, công chức, đảng viên, đoàn viên cơ quan.")).toEqual([
      "implement: Các phòng chuyên môn",
      "implement: cán bộ",
      "implement: công chức",
      "implement: đảng viên",
      "implement: đoàn viên cơ quan",
    ]);
  });

  it("drops parentheticals and the description after a unit", () => {
    expect(units("- Đơn vị phối hợp: Ban Thi đua - Khen thưởng (Sở Nội vụ), Công an tỉnh.")).toEqual([
      "support: Ban Thi đua - Khen thưởng",
      "support: Công an tỉnh",
    ]);
    expect(units("- Cơ quan phối hợp: Phòng Văn hóa - Xã hội, các tổ chức đoàn thể tổ chức tuyên truyền tại thôn, Công an xã.")).toEqual([
      "support: Phòng Văn hóa - Xã hội",
      "support: các tổ chức đoàn thể",
      "support: Công an xã",
    ]);
    // The staff formula "tham mưu, giúp việc" describes the unit, across its comma.
    expect(units("- Đơn vị phối hợp: Trưởng các đoàn thể phường, các công chức văn phòng tham mưu, giúp việc thuộc Đảng ủy phường.")).toEqual([
      "support: Trưởng các đoàn thể phường",
      "support: các công chức văn phòng tham mưu, giúp việc thuộc Đảng ủy phường",
    ]);
  });
});

describe("assignment clauses", () => {
  it("ends the unit of 'Giao' before its verb", () => {
    expect(units("- Giao Phòng Dân vận các cơ quan nhà nước giúp lãnh đạo Ban đôn đốc, theo dõi việc triển khai thực hiện.")).toEqual([
      "assigned: Phòng Dân vận các cơ quan nhà nước",
    ]);
    expect(units("3. Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính và UBND các huyện triển khai thực hiện.")).toEqual(["assigned: Sở Xây dựng"]);
    expect(units("2. **Giao Văn phòng UBND xã:** Theo dõi, hướng dẫn, kiểm tra các cơ quan, đơn vị.")).toEqual(["assigned: Văn phòng UBND xã"]);
  });

  it("reads a lower-case 'giao' after an opening adverbial", () => {
    expect(units("2.3. Hằng năm, giao Sở Kế hoạch và Đầu tư bố trí vốn đối ứng cho các huyện.")).toEqual(["assigned: Sở Kế hoạch và Đầu tư"]);
    expect(units("- Hàng năm, giao ước thi đua giữa các cụm được ký kết.")).toEqual([]);
  });

  it("reads 'giao cho' after the giving unit, but not a passive 'được giao'", () => {
    expect(units("3. Đơn vị Trưởng khối giao cho phòng Tổng hợp cơ quan tham mưu, giúp Trưởng khối đôn đốc các đơn vị.")).toEqual([
      "assigned: phòng Tổng hợp cơ quan",
    ]);
    expect(units("- Hoàn thành tốt các nhiệm vụ được giao cho các cơ quan, đơn vị trong năm.")).toEqual([]);
  });

  it("reads 'Đề nghị' lists up to the verb or preposition", () => {
    expect(units("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh theo chức năng nhiệm vụ được phân công, hướng dẫn.")).toEqual([
      "requested: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "requested: các tổ chức chính trị - xã hội tỉnh",
    ]);
    expect(units("UBND xã phát động phong trào thi đua, đề nghị các bộ phận chuyên môn thuộc UBND xã, cán bộ, công chức tiếp tục phát huy sức mạnh.")).toEqual([
      "requested: các bộ phận chuyên môn thuộc UBND xã",
      "requested: cán bộ",
      "requested: công chức",
    ]);
    expect(units("- Bình xét, suy tôn các đơn vị tiêu biểu đề nghị khen thưởng theo quy định.")).toEqual([]);
  });

  it("reads the subject of 'có trách nhiệm' and 'chịu trách nhiệm'", () => {
    expect(units("2. Trưởng khối, Phó trưởng Khối có trách nhiệm theo dõi, đôn đốc, đánh giá các đơn vị trong Khối.")).toEqual([
      "responsible: Trưởng khối",
      "responsible: Phó trưởng Khối",
    ]);
    expect(units("- Thủ trưởng các sở, ban, ngành chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.")).toEqual([
      "responsible: Thủ trưởng các sở",
      "responsible: ban",
      "responsible: ngành",
    ]);
    expect(units("- Phát huy tinh thần dám nghĩ, dám làm, dám chịu trách nhiệm vì sự phát triển chung.")).toEqual([]);
    // The lead before the colon is the subject when the clause after it opens with a verb.
    expect(units("1. Đồng chí Chánh Văn phòng Đảng ủy - Trưởng Tổ giúp việc: Phụ trách chung, chịu trách nhiệm trước Ban Chỉ đạo.")).toEqual([
      "responsible: Đồng chí Chánh Văn phòng Đảng ủy - Trưởng Tổ giúp việc",
    ]);
  });

  it("reads 'X: <verb> ...' at the start of an item and a heading that only names a unit", () => {
    expect(units("3. Tài chính- kế toán xã: Phối hợp Văn phòng UBND xã tham mưu UBND xã cân đối kinh phí.")).toEqual([
      "responsible: Tài chính- kế toán xã",
    ]);
    expect(units("4. Sở Y tế", "- Chủ động xây dựng kế hoạch phòng, chống dịch.")).toEqual(["responsible: Sở Y tế"]);
    expect(units("5. Công an tỉnh:", "- Bảo đảm an ninh trật tự.")).toEqual(["responsible: Công an tỉnh"]);
  });

  it("reads a numbered item as a unit only when it is one list of units to its end", () => {
    expect(units("4. Sở Y tế, Sở Tài chính")).toEqual(["responsible: Sở Y tế", "responsible: Sở Tài chính"]);
    // A clause that ends is no heading of a unit, unless its end sits in an unclosed bracket.
    expect(units("4. Sở Y tế, Sở Tài chính.")).toEqual([]);
    expect(units("4. Sở Y tế, Sở Tài chính;")).toEqual([]);
    expect(units("4. Sở Y tế (Sở Tài chính.")).toEqual(["responsible: Sở Y tế"]);
  });

  it("reads the styles of provincial and Party plans", () => {
    expect(units("a) Sở Tài chính: Chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí.")).toEqual(["responsible: Sở Tài chính"]);
    expect(units("- Ủy ban nhân dân các huyện, thị xã, thành phố: Căn cứ Kế hoạch này xây dựng kế hoạch cụ thể.")).toEqual([
      "responsible: Ủy ban nhân dân các huyện",
      "responsible: thị xã",
      "responsible: thành phố",
    ]);
    expect(units("b) Đối với UBND cấp xã: Tổ chức tuyên truyền đến Nhân dân.")).toEqual(["responsible: UBND cấp xã"]);
    expect(units("2. Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ có trách nhiệm triển khai.")).toEqual(["responsible: Các cơ quan", "responsible: đơn vị"]);
    expect(units("Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy hướng dẫn thực hiện.")).toEqual(["assigned: Ban Tuyên giáo Tỉnh ủy"]);
    expect(units("- Đề nghị Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội các cấp tăng cường giám sát.")).toEqual([
      "requested: Mặt trận Tổ quốc",
      "requested: các đoàn thể chính trị - xã hội các cấp",
    ]);
    expect(units("* Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.")).toEqual(["lead: Sở Lao động - Thương binh và Xã hội"]);
  });

  it("gives nothing for headings, field labels and plain subjects without a marker", () => {
    expect(units("IV. Tổ chức thực hiện")).toEqual([]);
    expect(units("2. Các cơ quan truyền thông, thông tấn báo chí đẩy mạnh công tác tuyên truyền.")).toEqual([]);
    expect(units("- Nội dung: Tuyên truyền các văn bản về bầu cử.")).toEqual([]);
    expect(units("- Thời gian thực hiện: Thường xuyên.")).toEqual([]);
  });

  it("stops at 'Nơi nhận'", () => {
    expect(units("- Giao Sở Tư pháp theo dõi.", "Nơi nhận:", "- Sở Y tế: để thực hiện;", "- Giao Văn phòng lưu.")).toEqual(["assigned: Sở Tư pháp"]);
  });
});

describe("the search for markers over the whole text", () => {
  const forms = ["Giao cho", "giao cho", "Giao", ",giao", ", giao", "Đề nghị", "đề nghị", "có trách nhiệm", "chịu trách nhiệm"];
  const search = triggerSearch(forms, ["ách nhiệm", "iao", "ề nghị"]);
  const plain = new RegExp(forms.sort((a, b) => b.length - a.length).join("|"), "g");
  const first = (text: string, from: number) => {
    plain.lastIndex = from;
    return plain.exec(text)?.index ?? -1;
  };

  it("finds the first form at or after a position, as one pattern of all forms would", () => {
    const text = "Bàn giao tài sản; giao thông. Hàng năm, giao Sở Tài chính; UBND xã có trách nhiệm báo cáo. Đề nghị các đơn vị, giao cho Phòng";
    for (let from = 0; from <= text.length; from++) expect(firstTrigger(search, text, from), `from ${from}`).toBe(first(text, from));
  });

  it("tells the shortest form at the start it finds", () => {
    const found = { length: 0 };
    expect(firstTrigger(search, "Hàng năm, giao cho Sở", 0, found)).toBe(8);
    expect(found.length).toBe(", giao".length);
    expect(firstTrigger(search, "Giao cho Sở", 0, found)).toBe(0);
    expect(found.length).toBe("Giao".length);
  });

  it("does not return a form that starts before the position", () => {
    const text = "Sở Y tế có trách nhiệm";
    expect(firstTrigger(search, text, text.indexOf("có") + 1)).toBe(-1);
  });

  it("keeps a form without an anchor as its own anchor", () => {
    const own = triggerSearch(["Chủ trì"], ["iao"]);
    expect(firstTrigger(own, "Sở chủ trì; Sở Chủ trì", 0)).toBe(15);
  });
});

describe("forward searches over the whole text", () => {
  it("answers each paragraph's question from one search per hit", () => {
    let searches = 0;
    const cursor = textCursor((text, from) => (searches++, text.indexOf(":", from)));
    const text = "a b: c d e: f g h i";
    expect([0, 2, 3, 4, 5, 10, 11, 15].map((from) => cursor.next(text, from))).toEqual([3, 3, 3, 10, 10, 10, text.length, text.length]);
    expect(searches).toBe(3);
    // Asked again from further back, over another text, or after a reset, it searches again.
    expect(cursor.next(text, 0)).toBe(3);
    expect(cursor.next("x:", 0)).toBe(1);
    cursor.reset();
    expect(cursor.next("x:", 0)).toBe(1);
    expect(searches).toBe(6);
  });
});

describe("people in a role and positions", () => {
  it("names the whole lead of a person in a role before the colon", () => {
    expect(units("3.1. Bà. Trần Thị Mai - Trưởng đoàn: Phụ trách chung, phân công nhiệm vụ cho các thành viên.")).toEqual([
      "responsible: Bà. Trần Thị Mai - Trưởng đoàn",
    ]);
    expect(units("2. Đồng chí Phó Giám đốc Trung tâm dịch vụ nông nghiệp - Phó Trưởng ban: Chủ động tham mưu kế hoạch tuyên truyền.")).toEqual([
      "responsible: Đồng chí Phó Giám đốc Trung tâm dịch vụ nông nghiệp - Phó Trưởng ban",
    ]);
    expect(units("4. Đồng chí Phó Trưởng ban tổ chức Đảng ủy - Ủy viên: Trực tiếp chỉ đạo công tác khánh tiết.")).toEqual([
      "responsible: Đồng chí Phó Trưởng ban tổ chức Đảng ủy - Ủy viên",
    ]);
  });

  it("does not read a plain subject and its verbs before a colon as a person's lead", () => {
    expect(units("1. Sở Y tế chủ trì, phối hợp với các đơn vị: Tổ chức kiểm tra an toàn thực phẩm.")).toEqual([]);
  });

  it("reads 'Đối với <unit>:' as the unit responsible for what follows", () => {
    expect(units("5.1. Đối với Tổ công tác: Các thành viên Tổ thực hiện đúng quy chế.")).toEqual(["responsible: Tổ công tác"]);
    expect(units("5.2. Đối với cơ quan được thanh tra: Chuẩn bị hồ sơ, tài liệu theo yêu cầu.")).toEqual(["responsible: cơ quan được thanh tra"]);
  });

  it("reads a heading that names a position by its field", () => {
    expect(units("## III/4", "4. Công chức phụ trách lĩnh vực văn hóa và thông tin")).toEqual([
      "responsible: Công chức phụ trách lĩnh vực văn hóa và thông tin",
    ]);
    expect(units("## III/6", "6. Chuyên viên phụ trách lĩnh vực Tổng hợp")).toEqual(["responsible: Chuyên viên phụ trách lĩnh vực Tổng hợp"]);
  });

  it("keeps the fields of one position together", () => {
    expect(units("## III/5", "5. Các Phó Chủ tịch phụ trách lĩnh vực Kinh tế, Văn hóa và các Hội đặc thù")).toEqual([
      "responsible: Các Phó Chủ tịch phụ trách lĩnh vực Kinh tế, Văn hóa và các Hội đặc thù",
    ]);
  });

  it("still skips a field item that opens with the work", () => {
    expect(units("- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Dân chủ - Pháp luật.")).toEqual([
      "lead: Đồng chí Phó Chủ tịch Thường trực",
    ]);
  });

  it("finds the subject of 'chịu trách nhiệm' after an opening adverbial", () => {
    expect(units("3. Sau hội nghị, Ban Thường trực Ủy ban MTTQ Việt Nam xã chịu trách nhiệm tổng hợp ý kiến.")).toEqual([
      "responsible: Ban Thường trực Ủy ban MTTQ Việt Nam xã",
    ]);
  });
});

describe("where a name ends", () => {
  it("runs a lower-case name on through a verb-like word to the level that closes it", () => {
    expect(units("2.3. Giao Thường trực Ban Chỉ đạo phòng chống thiên tai và tìm kiếm cứu nạn huyện rà soát phương án.")).toEqual([
      "assigned: Thường trực Ban Chỉ đạo phòng chống thiên tai và tìm kiếm cứu nạn huyện",
    ]);
    expect(units("1.4. Giao Ban Quản lý dự án giảm nghèo bền vững tỉnh theo dõi tiến độ.")).toEqual([
      "assigned: Ban Quản lý dự án giảm nghèo bền vững tỉnh",
    ]);
  });

  it("ends a complete name at its verb", () => {
    expect(units("- Giao Phòng Kinh tế hạ tầng kiểm tra các xã trên địa bàn.")).toEqual(["assigned: Phòng Kinh tế hạ tầng"]);
    expect(units("- Giao UBND các xã hỗ trợ người dân thị trấn.")).toEqual(["assigned: UBND các xã"]);
    expect(units("- Giao Sở Tài nguyên và Môi trường kiểm tra việc sử dụng đất của xã.")).toEqual(["assigned: Sở Tài nguyên và Môi trường"]);
  });

  it("keeps ' và ' before a lower-case field of a proper name, splits it before another body", () => {
    expect(units("- Đề nghị Ủy ban MTTQ huyện và các đoàn thể phối hợp tuyên truyền.")).toEqual([
      "requested: Ủy ban MTTQ huyện",
      "requested: các đoàn thể",
    ]);
    expect(units("- Đề nghị Thủ trưởng các sở, đơn vị và cá nhân có liên quan triển khai.")).toEqual([
      "requested: Thủ trưởng các sở",
      "requested: đơn vị",
      "requested: cá nhân có liên quan",
    ]);
  });
});

describe("bodies the head nouns do not list", () => {
  it("reads an acronym or a capitalised proper name as a body", () => {
    expect(units("- Đề nghị VNPT tỉnh bảo đảm đường truyền.")).toEqual(["requested: VNPT tỉnh"]);
    expect(units("- Giao Cảng vụ Hàng hải Quảng Ninh kiểm tra các bến.")).toEqual(["assigned: Cảng vụ Hàng hải Quảng Ninh"]);
    expect(units("3. EVNCPC Đà Nẵng: Bảo đảm cấp điện trong ngày bầu cử.")).toEqual(["responsible: EVNCPC Đà Nẵng"]);
  });

  it("does not take a capitals heading, a cited document or a verb for one", () => {
    expect(units("- GIAO ĐẤT, CHO THUÊ ĐẤT")).toEqual([]);
    expect(units("- Giao Quyết định số 15/QĐ-UBND cho bộ phận một cửa.")).toEqual([]);
    expect(units("2. CÔNG TÁC TUYÊN TRUYỀN")).toEqual([]);
  });

  it("keeps the second syllable of a capitalised word and a determiner inside a head", () => {
    expect(units("- Đề nghị Bộ Ngoại giao phối hợp hướng dẫn.")).toEqual(["requested: Bộ Ngoại giao"]);
    expect(units("1. Các cấp, các ngành, địa phương có trách nhiệm:")).toEqual([
      "responsible: Các cấp",
      "responsible: các ngành",
      "responsible: địa phương",
    ]);
  });

  it("reads a lower-case 'đề nghị' only when it opens a clause", () => {
    expect(units("- Bình chọn các tập thể tiêu biểu đề nghị các cấp khen thưởng.")).toEqual([]);
    expect(units("- Hội nghị thống nhất nội dung, đề nghị các cơ quan chuyên môn tham mưu.")).toEqual(["requested: các cơ quan chuyên môn"]);
  });

  it("still reads the paragraph's other markers and its lead when a mid-clause 'đề nghị' is the only cue", () => {
    expect(units("- Theo đề nghị của Sở Nội vụ, giao Sở Tài chính bố trí kinh phí.")).toEqual(["assigned: Sở Tài chính"]);
    expect(units("- Sở Nội vụ: tổng hợp hồ sơ theo đề nghị của các xã.")).toEqual(["responsible: Sở Nội vụ"]);
    expect(units("- Tiếp nhận hồ sơ theo đề nghị của **Sở Nội vụ** và *bàn giao* lại.")).toEqual([]);
  });
});

describe("task tables", () => {
  it("reads the lead and supporting columns of each row", () => {
    expect(
      units(
        "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
        "|---|---|---|---|---|",
        "| 1 | Tuyên truyền về bầu cử | Sở Văn hóa và Thông tin | Đài Phát thanh - Truyền hình tỉnh, Báo Lào Cai | Quý II/2025 |",
        "| 2 | Kiểm tra, giám sát | Ủy ban MTTQ tỉnh | Các sở, ngành liên quan | Tháng 5/2025 |",
      ),
    ).toEqual([
      "lead: Sở Văn hóa và Thông tin",
      "support: Đài Phát thanh - Truyền hình tỉnh",
      "support: Báo Lào Cai",
      "lead: Ủy ban MTTQ tỉnh",
      "support: Các sở",
      "support: ngành liên quan",
    ]);
  });

  it("reads a 'Trách nhiệm' column as implementing units", () => {
    expect(units("| STT | Nhiệm vụ | Trách nhiệm | Thời hạn |", "| 1 | Lập danh sách cử tri | UBND xã; Công an xã | 15/02/2026 |")).toEqual([
      "implement: UBND xã",
      "implement: Công an xã",
    ]);
  });
});

describe("normalized names", () => {
  it("expands abbreviations and folds tone placement", () => {
    const [a, b, c] = extractUnits(plan(["- Phối hợp: Văn phòng UBND xã, BCH Công đoàn, Uỷ ban MTTQ Việt Nam xã."]));
    expect(a.normalizedName).toBe("Văn phòng Ủy ban nhân dân xã");
    expect(b.normalizedName).toBe("Ban Chấp hành Công đoàn");
    expect(c.normalizedName).toBe("Ủy ban Mặt trận Tổ quốc Việt Nam xã");
  });

  it("places each unit at its words in the text", () => {
    const seg = plan(["## III/2", "- Giao Ban Thi đua - Khen thưởng tỉnh theo dõi, kiểm tra."]);
    const [u] = extractUnits(seg);
    expect(seg.text.slice(u.span.start, u.span.end)).toBe("Ban Thi đua - Khen thưởng tỉnh");
    expect(u.section).toBe("III/2");
  });
});

const seeds = join(import.meta.dirname, "..", "fixtures", "seeds");
describe.skipIf(!existsSync(seeds))("on a seed plan", () => {
  it("reads the fields and clauses of the Ban Dân vận plan", () => {
    const seg = segment(normalize(readFileSync(join(seeds, "000_bdb84c189a81ae0c.txt"), "utf8")));
    const found = extractUnits(seg).map((u) => `${u.role}: ${u.name}`);
    expect(found.filter((u) => u === "lead: Lãnh đạo Ban")).toHaveLength(5);
    expect(found).toContain("advise: Phòng Đoàn thể và các hội");
    expect(found).toContain("requested: Ban Chấp hành Công đoàn");
    expect(found).toContain("assigned: Phòng Dân vận các cơ quan nhà nước");
    // Nothing from "Nơi nhận" ("Ban TĐ-KT tỉnh (Sở Nội vụ)", "BCH Công đoàn").
    expect(found.some((u) => u.includes("TĐ-KT") || u.includes("BCH"))).toBe(false);
  });
});

describe("tokens", () => {
  it("keys words in lower case, the same before and after the lower-case forms are forgotten", () => {
    const keys = (s: string) => tokenize(s).map((t) => t.key);
    expect(keys("**Giao** UBND xã, TN&MT-Đ/C 2.1")).toEqual(["giao", "ubnd", "xã", ",", "tn&mt-đ/c", "2.1"]);
    // More distinct capitalised words than the lower-case forms kept.
    const many = Array.from({ length: 9000 }, (_, i) => `Sở${i}`).join(" ");
    expect(tokenize(many).every((t, i) => t.key === `sở${i}` && t.text === `Sở${i}`)).toBe(true);
    expect(keys("Ủy ban UBND")).toEqual(["ủy", "ban", "ubnd"]);
  });
});

describe("where an item's words start", () => {
  it("skips bullets and numbering labels, and only those", () => {
    const at = (s: string) => {
      const i = itemStart(s, 0, s.length);
      return [s.slice(i.start), i.numbered];
    };
    expect(at("2.1. Sở Y tế")).toEqual(["Sở Y tế", true]);
    expect(at("**III- Nhiệm vụ")).toEqual(["Nhiệm vụ", true]);
    expect(at("4 – Công an")).toEqual(["Công an", true]);
    expect(at("a) Giao")).toEqual(["Giao", true]);
    expect(at("(2) Đối với")).toEqual(["Đối với", true]);
    expect(at("- Các sở")).toEqual(["Các sở", false]);
    expect(at("Chủ trì: Sở")).toEqual(["Chủ trì: Sở", false]);
    expect(at("Cà. 12")).toEqual(["Cà. 12", false]);
    expect(at("C. Sở")).toEqual(["Sở", true]);
    expect(at("ab) x")).toEqual(["ab) x", false]);
  });
});
