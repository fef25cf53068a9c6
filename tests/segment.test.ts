import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Section } from "../src/contract/schema.js";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";
import { loadGrammar } from "../src/grammar/load.js";
import { bulletAt, bulletIn, hasLabel, hasLabelIn, labelsAt, PageFootnotes } from "../src/segment/numbering.js";
import { CONTENTS, MAY_CLOSE, NOTE, paragraphFlags } from "../src/segment/records.js";

const repoRoot = join(import.meta.dirname, "..");
const seedsDir = join(repoRoot, "fixtures", "seeds");
const goldDir = join(repoRoot, "..", "shared", "eval", "gold");

const seg = (lines: string[]) => segment(normalize(lines.join("\n\n")));
const flat = (nodes: Section[], out: string[] = []): string[] => {
  for (const n of nodes) {
    out.push(n.section);
    flat(n.children, out);
  }
  return out;
};
const sections = (lines: string[]) => flat(seg(lines).sections);
/** Section of the block whose text starts with `start`. */
const sectionOf = (lines: string[], start: string) => {
  const s = seg(lines);
  return s.blocks.find((b) => s.text.slice(b.start, b.end).startsWith(start))?.section;
};

const PLAN_HEAD = ["KẾ HOẠCH", "Triển khai công tác thi đua, khen thưởng năm 2024", "Căn cứ Kế hoạch số 12-KH/TU ngày 05/01/2024 của Tỉnh ủy, Ban Dân vận xây dựng Kế hoạch như sau:"];

describe("numbering schemes", () => {
  it("reads Roman numerals written I., I-, bold and as markdown headings", () => {
    expect(
      sections([
        ...PLAN_HEAD,
        "**I- MỤC ĐÍCH, YÊU CẦU**",
        "Nhằm tạo sự thống nhất trong chỉ đạo.",
        "II. NỘI DUNG",
        "Tổ chức các phong trào thi đua.",
        "### **III- THỜI GIAN TRIỂN KHAI THỰC HIỆN**",
        "Trong năm 2024.",
        "#### **IV- Tổ chức thực hiện**",
        "Các phòng triển khai thực hiện.",
      ]),
    ).toEqual(["I", "II", "III", "IV"]);
  });

  it("nests Arabic items written 1., 1-, 2.1., 2.4.1- and 4.1- and lettered items a), đ)", () => {
    expect(
      sections([
        ...PLAN_HEAD,
        "I. Mục đích, yêu cầu",
        "1- Nhằm tạo sự thống nhất, tính tự giác và tinh thần trách nhiệm.",
        "2- Phong trào thi đua phải được phát động nghiêm túc.",
        "II. Nội dung thi đua",
        "1. Thi đua phòng, chống dịch bệnh",
        "2. Thi đua thực hiện hoàn thành tốt nhiệm vụ chính trị.",
        "2.1. Thường xuyên chủ động nắm bắt tình hình nhân dân.",
        "2.2. Phối hợp tham mưu Ban Thường vụ Tỉnh ủy.",
        "2.4. Tham mưu Ban Thường vụ Tỉnh ủy tiếp tục chỉ đạo:",
        "2.4.1- Về đổi mới nội dung, phương thức hoạt động:",
        "2.4.2- Về nâng cao hiệu quả công tác giám sát.",
        "3. Tổ chức các hoạt động thi đua xây dựng chi bộ.",
        "a) Chi bộ tổ chức sinh hoạt chuyên đề;",
        "b) Công đoàn tổ chức phong trào thi đua;",
        "c) Đoàn thanh niên tổ chức ra quân;",
        "d) Hội Cựu chiến binh tổ chức gặp mặt;",
        "đ) Các phòng đăng ký thi đua.",
        "4. Triển khai ký kết thi đua ngay từ đầu năm.",
        "4.1- Triển khai, sơ kết và kịp thời biểu dương.",
        "4.2- Triển khai ký kết thi đua.",
      ]),
    ).toEqual(["I", "I/1", "I/2", "II", "II/1", "II/2", "II/2/2.1", "II/2/2.2", "II/2/2.4", "II/2/2.4/2.4.1", "II/2/2.4/2.4.2", "II/3", "II/3/a", "II/3/b", "II/3/c", "II/3/d", "II/3/đ", "II/4", "II/4/4.1", "II/4/4.2"]);
  });

  it("reads the older styles I/, 1/, a/ and 1.-", () => {
    expect(
      sections([...PLAN_HEAD, "I/ Đối tượng và phạm vi áp dụng.", "1/ Tổ chức, cá nhân bán hàng hoá, dịch vụ.", "a/ Hộ kinh doanh;", "b/. Doanh nghiệp;", "2.- Tổ chức, cá nhân mua hàng hoá.", "II/ Tổ chức thực hiện."]),
    ).toEqual(["I", "I/1", "I/1/a", "I/1/b", "I/2", "II"]);
  });

  it("numbers Arabic items from the top when the plan has no Roman level", () => {
    expect(
      sections([
        ...PLAN_HEAD,
        "1. Mục tiêu",
        "- Đánh giá toàn diện tình hình chấp hành các quy định của pháp luật.",
        "2. Yêu cầu",
        "3. Đối tượng, nội dung kiểm tra:",
        "3.1. Đối tượng kiểm tra: các đơn vị sử dụng vật liệu nổ công nghiệp.",
        "3.2. Nội dung kiểm tra",
        "a) Kiểm tra hồ sơ, tài liệu;",
        "b) Kiểm tra thực địa.",
      ]),
    ).toEqual(["1", "2", "3", "3/3.1", "3/3.2", "3/3.2/a", "3/3.2/b"]);
  });

  it("keeps articles under chapters, numbered through the whole decision", () => {
    const lines = [
      "QUYẾT ĐỊNH",
      "Ban hành Quy chế làm việc của Ban Chỉ đạo",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Chương I",
      "QUY ĐỊNH CHUNG",
      "Điều 1. Phạm vi điều chỉnh",
      "Quy chế này quy định nguyên tắc làm việc.",
      "Điều 2. Nguyên tắc làm việc",
      "1. Ban Chỉ đạo làm việc theo chế độ tập thể.",
      "2. Trưởng ban phân công nhiệm vụ cho các thành viên.",
      "Chương II",
      "NHIỆM VỤ, QUYỀN HẠN",
      "Điều 3. Nhiệm vụ của Trưởng ban",
      "Điều 4. Nhiệm vụ của các thành viên",
    ];
    expect(sections(lines)).toEqual(["Chương I", "Chương I/Điều 1", "Chương I/Điều 2", "Chương I/Điều 2/1", "Chương I/Điều 2/2", "Chương II", "Chương II/Điều 3", "Chương II/Điều 4"]);
  });

  it("puts sections (Mục) between chapters and articles", () => {
    const lines = ["NGHỊ ĐỊNH", "Quy định chi tiết thi hành Luật Hợp tác xã", "Chương II", "TỔ CHỨC VÀ HOẠT ĐỘNG", "Mục 1", "THÀNH LẬP", "Điều 1. Hồ sơ đăng ký", "Mục 2", "GIẢI THỂ", "Điều 2. Thủ tục giải thể", "Mục tiêu của việc giải thể là bảo đảm quyền lợi của thành viên."];
    const s = seg(lines);
    expect(flat(s.sections).slice(1)).toEqual(["Chương II/Mục 1", "Chương II/Mục 1/Điều 1", "Chương II/Mục 2", "Chương II/Mục 2/Điều 2"]);
  });

  it("gives a decision's articles and its attached plan's sections their own paths", () => {
    const lines = [
      "QUYẾT ĐỊNH",
      "Về việc ban hành Kế hoạch cải cách hành chính năm 2024",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "QUYẾT ĐỊNH:",
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2024.",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
      "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.",
      "Nơi nhận:",
      "- Như Điều 3;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "Nguyễn Văn Sơn",
      "KẾ HOẠCH",
      "Cải cách hành chính năm 2024",
      "(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh)",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "2. Yêu cầu",
      "II. NHIỆM VỤ",
    ];
    expect(sections(lines)).toEqual(["Điều 1", "Điều 2", "Điều 3", "I", "I/1", "I/2", "II"]);
    const s = seg(lines);
    expect(s.document.typeCode).toBe("QĐ");
    expect(s.document.signer).toEqual({ authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Nguyễn Văn Sơn" });
  });

  it("gives appendices their own numbering below them", () => {
    const lines = [
      ...PLAN_HEAD,
      "I. MỤC ĐÍCH",
      "II. NHIỆM VỤ",
      "1. Tuyên truyền.",
      "Nơi nhận:",
      "- Lưu: VT.",
      "TRƯỞNG BAN",
      "Nguyễn Văn Hòa",
      "PHỤ LỤC I",
      "DANH SÁCH CÁC ĐƠN VỊ",
      "1. Sở Nội vụ",
      "2. Sở Tài chính",
      "Phụ lục II",
      "BÁO CÁO",
      "TÌNH HÌNH THỰC HIỆN",
      "1. Thông tin chung",
    ];
    expect(sections(lines)).toEqual(["I", "II", "II/1", "Phụ lục I", "Phụ lục I/1", "Phụ lục I/2", "Phụ lục II", "Phụ lục II/1"]);
  });
});

describe("capital letters and Roman numerals", () => {
  it("nest in the order the document puts them first", () => {
    expect(sections([...PLAN_HEAD, "I- ĐÁNH GIÁ KẾT QUẢ", "II- MỤC TIÊU", "III- NỘI DUNG CHƯƠNG TRÌNH", "A- Cải cách thể chế", "1. Rà soát văn bản.", "1.1. Rà soát văn bản quy phạm pháp luật.", "B- Cải cách tổ chức bộ máy", "IV- TỔ CHỨC THỰC HIỆN"])).toEqual([
      "I",
      "II",
      "III",
      "III/A",
      "III/A/1",
      "III/A/1/1.1",
      "III/B",
      "IV",
    ]);
    expect(sections([...PLAN_HEAD, "A. KẾT QUẢ THỰC HIỆN", "I. Công tác tuyên truyền", "II. Công tác kiểm tra", "B. PHƯƠNG HƯỚNG", "I. Nhiệm vụ trọng tâm"])).toEqual(["A", "A/I", "A/II", "B", "B/I"]);
  });
});

describe("a program attached after the decision's signature", () => {
  it("starts at its own header, even with its capitals lost, and numbers from the start", () => {
    const lines = [
      "QUYẾT ĐỊNH",
      "V/v ban hành Chương trình cải cách hành chính giai đoạn 2004 - 2010",
      "Điều 1. Nay ban hành kèm theo Quyết định này Chương trình cải cách hành chính.",
      "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.",
      "tm . ubnd thành phố cần thơ",
      "Nơi nhận:\tchủ tịch",
      "- Bộ Nội vụ",
      "- Lưu TTLT\tVõ Thanh Tòng",
      "Ủy Ban Nhân Dân\tCộng Hòa Xã Hội Chủ Nghĩa Việt Nam",
      "Chương trình",
      "Cải cách hành chính của thành phố giai đoạn 2004-2010",
      "I- Đánh giá kết quả thực hiện cải cách hành chính",
      "1. Những kết quả đạt được:",
    ];
    const s = seg(lines);
    expect(flat(s.sections)).toEqual(["Điều 1", "Điều 2", "I", "I/1"]);
    expect(s.document.signer).toEqual({ authority: "tm . ubnd thành phố cần thơ", position: "chủ tịch", name: "Võ Thanh Tòng" });
    expect(s.document.recipientCount).toBe(2);
    const header = s.blocks.find((b) => s.text.slice(b.start, b.end).startsWith("Ủy Ban Nhân Dân"))!;
    expect(header.region).toBe("header");
  });
});

describe("a level whose first item has no number", () => {
  const lines = [
    ...PLAN_HEAD,
    "I. MỤC TIÊU VÀ YÊU CẦU",
    "Mục tiêu",
    "- Bảo đảm cuộc bầu cử diễn ra an toàn, đúng luật.",
    "- Phát hiện kịp thời những thiếu sót để kiến nghị khắc phục.",
    "2. Yêu cầu",
    "- Việc kiểm tra phải đúng quy trình, đúng phạm vi.",
    "II. NỘI DUNG",
  ];

  it("opens the second item when the first paragraph of the level was an unnumbered heading", () => {
    expect(sections(lines)).toEqual(["I", "I/2", "II"]);
    expect(sectionOf(lines, "- Việc kiểm tra")).toBe("I/2");
  });

  it("does not when the section opened on body text, or on a table's short cells", () => {
    const prose = lines.map((l) => (l === "Mục tiêu" ? "Ban Thường trực xây dựng mục tiêu như sau:" : l));
    expect(sections(prose)).toEqual(["I", "II"]);
    const cells = [...PLAN_HEAD, "I. NỘI DUNG KIỂM TRA", "Hồ sơ kỹ thuật", "Đánh giá", "Ghi chú", "2. Kiểm tra bên ngoài", "II. TỔ CHỨC THỰC HIỆN"];
    expect(sections(cells)).toEqual(["I", "II"]);
  });

  it("does not under an appendix, whose first line is its title", () => {
    expect(sections([...PLAN_HEAD, "I. NỘI DUNG", "1. Tổ chức hội nghị.", "Phụ lục I", "Danh sách đơn vị", "2. Đơn vị phối hợp"])).toEqual(["I", "I/1", "Phụ lục I"]);
  });
});

describe("footnotes at a page foot", () => {
  const lines = [
    ...PLAN_HEAD,
    "I. NỘI DUNG",
    "1. Tổ chức quán triệt Nghị quyết của Ban Chấp hành Trung ương khóa XIII.1",
    "2. Tuyên truyền sâu rộng đến cán bộ, đảng viên.",
    "1 Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.",
    "STT",
    "12 Trạm y tế xã được sửa chữa, nâng cấp",
  ];

  it("puts a numbered note whose number is set after a word above into the notes", () => {
    expect(sectionOf(lines, "1 Nghị quyết số 18")).toBe("notes");
    expect(sections(lines)).toEqual(["I", "I/1", "I/2"]);
  });

  it("leaves a line opening with a number nothing refers to, as a table's order number", () => {
    expect(sectionOf(lines, "12 Trạm y tế")).toBe("I/2");
  });
});

describe("label matches shared by their reading", () => {
  it("gives a label written the same way the same match, and one of another length its own", () => {
    const [a] = labelsAt("3. Tổ chức thực hiện");
    const [b] = labelsAt("3. Kinh phí");
    const [c] = labelsAt("3.  Kinh phí");
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect([a.label, a.length, c.label, c.length]).toEqual(["3", 3, "3", 4]);
  });
});

describe("page footnote marks", () => {
  /** Whether each line of `lines` (joined by line breaks) is a page footnote, asked in order. */
  const notes = (lines: string[]) => {
    const text = lines.join("\n");
    const pf = new PageFootnotes(text);
    let at = 0;
    return lines.map((l) => {
      const r = pf.at(at);
      at += l.length + 1;
      return r;
    });
  };

  it("finds a mark after a word or a closing mark, written with a leading zero too", () => {
    expect(notes(["xem Quyết định.01", "1 Quyết định số 5/QĐ-UBND."])).toEqual([false, true]);
    expect(notes(["theo Luật2 và", "2 Luật Đầu tư."])).toEqual([false, true]);
  });

  it("takes no mark inside a longer number, after a space, or before a letter", () => {
    expect(notes(["năm 2021, có 1 đơn vị", "1 Đơn vị"])).toEqual([false, false]);
    expect(notes(["mã A1B", "1 Bảng"])).toEqual([false, false]);
  });

  it("looks no farther back than the reach, and keeps a mark found for later notes with the number", () => {
    const far = ["theo Nghị quyết.3", "x".repeat(9000), "3 Nghị quyết số 1."];
    expect(notes(far)).toEqual([false, false, false]);
    const twice = ["theo Nghị quyết.3", "3 Nghị quyết số 1.", "nội dung", "3 Nghị quyết số 1."];
    expect(notes(twice)).toEqual([false, true, false, true]);
  });
});

describe("paragraph flags", () => {
  it("marks notes, table-of-contents entries and lines that may open the closing", () => {
    const norm = normalize(["[1] Ghi chú.", "Nơi nhận:", "MỤC LỤC", "I. Nội dung", "1. Việc làm."].join("\n\n"));
    const texts = norm.paragraphs.map((p) => norm.text.slice(p.start, p.end));
    const flags = paragraphFlags(norm.text, norm.paragraphs, texts, new Set([3]));
    expect(flags.length).toBe(5);
    expect(flags[0] & NOTE).toBe(NOTE);
    expect(flags[1] & MAY_CLOSE).toBe(MAY_CLOSE);
    expect(flags[3]).toBe(CONTENTS);
    expect(flags[4]).toBe(0);
  });
});

describe("a table of contents", () => {
  it("opens no section under 'MỤC LỤC', and the body's own headings still do", () => {
    const lines = [
      ...PLAN_HEAD,
      "MỤC LỤC",
      "Phần thuyết minh",
      "I. Định mức lao động nghề Điện công nghiệp",
      "II. Định mức thiết bị nghề Điện công nghiệp",
      "PHẦN THUYẾT MINH",
      "Định mức kinh tế - kỹ thuật là lượng tiêu hao các yếu tố về lao động, vật tư, thiết bị để đào tạo một người học.",
      "I. ĐỊNH MỨC LAO ĐỘNG",
      "Định mức lao động là thời gian lao động cần thiết để hoàn thành việc đào tạo.",
      "II. ĐỊNH MỨC THIẾT BỊ",
    ];
    expect(sections(lines)).toEqual(["I", "II"]);
    expect(sectionOf(lines, "I. ĐỊNH MỨC LAO ĐỘNG")).toBe("I");
  });

  it("takes lines with dot leaders and page numbers for entries even without a heading", () => {
    const lines = [
      ...PLAN_HEAD,
      "I. MỤC ĐÍCH, YÊU CẦU ........................ 2",
      "II. NỘI DUNG ....................................... 3",
      "III. TỔ CHỨC THỰC HIỆN .................... 7",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "Nâng cao nhận thức của cán bộ, đảng viên.",
      "II. NỘI DUNG",
    ];
    expect(sections(lines)).toEqual(["I", "II"]);
    expect(sectionOf(lines, "Nâng cao")).toBe("I");
  });
});

describe("the first two characters of a label", () => {
  const g = loadGrammar<{ schemes: { scheme: string; pattern: string; flags?: string; second?: string }[] }>("numbering");
  const LABELS = ["Phụ lục I.", "PHỤ LỤC số 2", "Phần thứ hai", "PHẦN II.", "Chương III:", "CHƯƠNG 2", "Mục 1.", "MỤC IV", "Điều 12.", "ĐIỀU 3:", "A.", "Đ-", "B/", "IV.", "XII-", "I/.", "2.1.", "12.3.4", "3.", "15)", "7/", "4.-", "a)", "đ.", "b/", "c–", "e.-"];

  it("is a label of some scheme in every example", () => {
    for (const l of LABELS) expect(labelsAt(l).length, l).toBeGreaterThan(0);
  });

  it("has its second character in the scheme's `second` class whenever the pattern takes it", () => {
    for (const spec of g.schemes) {
      if (!spec.second) continue;
      const re = new RegExp(`^(?:${spec.pattern})(?=\\s|$)`, spec.flags ?? "u");
      const second = new RegExp(`^${spec.second}$`, spec.flags ?? "u");
      for (const l of LABELS) {
        for (let c = 0; c < 0x3000; c++) {
          const ch = String.fromCharCode(c);
          if (!second.test(ch) && re.test(l[0] + ch + l.slice(2))) expect(`${spec.scheme}: ${JSON.stringify(l[0] + ch + l.slice(2))}`).toBe("not a label");
        }
      }
    }
  });
});

describe("labels read in place in a longer text", () => {
  /** Every line of `text`, trimmed as reflow trims it: [start, end) in the text. */
  const linesOf = (text: string) => {
    const out: [number, number][] = [];
    let pos = 0;
    for (const line of text.split("\n")) {
      let a = pos;
      let b = pos + line.length;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push([a, b]);
      pos += line.length + 1;
    }
    return out;
  };
  const same = (text: string) => {
    for (const [a, b] of linesOf(text)) {
      const line = text.slice(a, b);
      expect(hasLabelIn(text, a, b), line).toBe(hasLabel(line));
      expect(bulletIn(text, a, b), line).toBe(bulletAt(line));
    }
  };

  it("reads each line as the line alone, when a label could run on into the next line", () => {
    same("Phụ lục\nI. Danh mục\nChương II\n- nội dung\nPhần\n2. Mục tiêu\n1.2.\n- việc\n-\nx\na.\n-b\nĐiều\n3. Hiệu lực\nMục 1 \n+ \ny");
  });

  it("reads every line of the seeds as the line alone", () => {
    for (const f of readdirSync(seedsDir).filter((f) => /\.(txt|md)$/.test(f))) same(readFileSync(join(seedsDir, f), "utf8"));
  });
});

describe("what is not a section", () => {
  it("does not take items inside targets, (1)-, for sections", () => {
    expect(
      sections([
        ...PLAN_HEAD,
        "I. CHỈ TIÊU",
        "Phấn đấu đạt các chỉ tiêu:",
        "(1)- 100% cán bộ, công chức hoàn thành tốt nhiệm vụ;",
        "(2)- 100% tập thể đạt danh hiệu “Tập thể lao động tiên tiến”.",
        "II. NHIỆM VỤ",
      ]),
    ).toEqual(["I", "II"]);
  });

  it("does not take numbers that open a line by chance for sections", () => {
    const lines = [
      ...PLAN_HEAD,
      "I. NỘI DUNG",
      "1. Theo dõi việc thực hiện Chỉ thị số",
      "11-CT/TU, ngày 07/9/2021 của Ban Thường vụ Tỉnh ủy.",
      "2023. Phát huy truyền thống yêu nước.",
      "5 năm vào năm 2022.",
      "3. Tổng kết việc thực hiện.",
      "2. Tổ chức sơ kết.",
    ];
    expect(sections(lines)).toEqual(["I", "I/1", "I/2"]);
    expect(sectionOf(lines, "3. Tổng kết")).toBe("I/1");
  });

  it("does not open a top-level section with a lettered item", () => {
    expect(sections([...PLAN_HEAD, "a) Tổ chức hội nghị quán triệt;", "b) Tổ chức tuyên truyền.", "I. MỤC ĐÍCH"])).toEqual(["I"]);
  });
});

describe("regions and blocks", () => {
  const lines = [
    "ỦY BAN NHÂN DÂN",
    "XÃ HÒA PHONG",
    "Số: /KH-UBND",
    "KẾ HOẠCH",
    "Phát động phong trào thi đua yêu nước năm 2024",
    "Thực hiện Chỉ thị số 01/CT-UBND ngày 20/4/2024 của UBND huyện.",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Nâng cao niềm tin, tinh thần phấn khởi.",
    "* Thời gian thực hiện: Thường xuyên.",
    "Trên đây là Kế hoạch phát động phong trào thi đua năm 2024./.",
    "[1] Chỉ thị số 01/CT-UBND ngày 20/4/2024.",
    "Nơi nhận:",
    "- UBND huyện (thay b/c);",
    "- Lưu: VT.",
    "CHỦ TỊCH",
    "Đinh Thị Kim Tuyên",
  ];
  const s = seg(lines);
  const at = (start: string) => s.blocks.find((b) => s.text.slice(b.start, b.end).startsWith(start))!;

  it("places header, preamble, body, notes and closing", () => {
    expect(at("XÃ HÒA PHONG").region).toBe("header");
    expect(at("KẾ HOẠCH")).toMatchObject({ region: "preamble", section: "preamble" });
    expect(at("Thực hiện Chỉ thị").section).toBe("preamble");
    expect(at("[1] Chỉ thị").section).toBe("notes");
    expect(at("Nơi nhận").section).toBe("closing");
    expect(at("- UBND huyện").region).toBe("closing");
    expect(at("Đinh Thị").region).toBe("closing");
  });

  it("attaches bullets and the closing paragraph to the numbered block above", () => {
    expect(at("- Nâng cao niềm tin")).toMatchObject({ section: "I/1", path: ["I", "1"], heading: false });
    expect(at("* Thời gian thực hiện").section).toBe("I/1");
    expect(at("Trên đây là Kế hoạch").section).toBe("I/1");
  });

  it("marks headings with the length of their label", () => {
    const b = at("1. Mục đích");
    expect(b.heading).toBe(true);
    expect(s.text.slice(b.start + b.labelLength, b.end)).toBe("Mục đích");
  });

  it("spans each section from its heading to the end of its content", () => {
    const i = s.sections[0];
    expect(s.text.slice(i.span.start, i.span.start + 20)).toBe("I. MỤC ĐÍCH, YÊU CẦU");
    expect(s.text.slice(i.span.start, i.span.end).endsWith("năm 2024./.")).toBe(true);
    expect(i.children[0]).toMatchObject({ label: "1", title: "Mục đích", level: 2, path: ["I", "1"] });
  });

  it("keeps the cells of table rows in the body, in the section above", () => {
    const t = segment(normalize(["KẾ HOẠCH", "Kiểm tra năm 2024", "I. NHIỆM VỤ", "| TT | Nội dung | Đơn vị chủ trì |", "|---|---|---|", "| 1 | Kiểm tra hồ sơ | Sở Công Thương |"].join("\n")));
    const row = t.blocks.find((b) => b.kind === "row" && t.text.slice(b.start, b.end).startsWith("1 |"))!;
    expect(row.section).toBe("I");
    expect(row.cells!.map((c) => t.text.slice(c.start, c.end))).toEqual(["1", "Kiểm tra hồ sơ", "Sở Công Thương"]);
  });
});

const seedNames = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
describe.skipIf(!existsSync(goldDir))("seeds against the analyst's sections", () => {
  it.each(seedNames)("%s", (name) => {
    const gold = JSON.parse(readFileSync(join(goldDir, name.replace(/\.txt$/, ".json")), "utf8"));
    const got = flat(segment(normalize(readFileSync(join(seedsDir, name), "utf8"))).sections);
    expect(got).toEqual(gold.sections);
  });
});

describe("closing vocabulary read by first and last letter", () => {
  it("knows a position in any case, with spaces around, and nothing that only starts or ends like one", async () => {
    const { isKnownPosition, isMotto } = await import("../src/segment/vocabulary.js");
    expect(isKnownPosition("GIÁM ĐỐC")).toBe(true);
    expect(isKnownPosition("  Phó Chủ tịch ")).toBe(true);
    expect(isKnownPosition("GIÁM ĐỐC SỞ")).toBe(false);
    expect(isKnownPosition("Chủ tịch nước")).toBe(false);
    expect(isMotto(" Độc lập - Tự do - Hạnh phúc")).toBe(true);
    expect(isMotto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe(true);
    expect(isMotto("- Độc lập - Tự do - Hạnh phúc")).toBe(false);
  });
});
