import { describe, expect, it } from "vitest";
import { extractCitations } from "../src/extract/citations.js";
import { extractDeadlines } from "../src/extract/deadlines.js";
import { extractTasks, spanStarts, StartCursor } from "../src/extract/tasks.js";
import { extractUnits } from "../src/extract/units.js";
import { plan } from "./support/plan.js";

function tasks(...lines: string[]) {
  const seg = plan(lines, 2025);
  return extractTasks(seg, { citations: extractCitations(seg), deadlines: extractDeadlines(seg), units: extractUnits(seg) });
}

describe("tasks", () => {
  it("gives each numbered item of a task section its roles, deadline and citations", () => {
    const [t, ...rest] = tasks(
      "## I",
      "I. Mục đích, yêu cầu",
      "## I/1",
      "1. Nâng cao nhận thức của cán bộ, đảng viên về công tác thi đua.",
      "## II",
      "II. Nhiệm vụ và giải pháp",
      "## II/1",
      "1. Xây dựng Kế hoạch triển khai Chỉ thị số 01-CT/UBND ngày 12/01/2025 của Ủy ban nhân dân tỉnh; đồng thời quán triệt đến đảng viên.",
      "* Chủ trì: Lãnh đạo Ban, Chi ủy.",
      "* Chịu trách nhiệm tham mưu: Phòng Dân vận các cơ quan nhà nước.",
      "* Thời gian thực hiện: Trong tháng 02/2025.",
    );
    expect(rest).toEqual([]);
    expect(t.section).toBe("II/1");
    expect(t.summary).toBe("Xây dựng Kế hoạch triển khai Chỉ thị số 01-CT/UBND ngày 12/01/2025 của Ủy ban nhân dân tỉnh");
    expect(t.lead).toEqual(["Lãnh đạo Ban", "Chi ủy"]);
    expect(t.advise).toEqual(["Phòng Dân vận các cơ quan nhà nước"]);
    expect(t.deadline?.due).toBe("2025-02-28");
    expect(t.citations).toHaveLength(1);
  });

  it("carries a unit heading down to the items below it", () => {
    const found = tasks(
      "## III",
      "III. Tổ chức thực hiện",
      "## III/4",
      "4. Sở Y tế",
      "## III/4/a",
      "a) Chủ trì tổ chức tiêm chủng mở rộng cho trẻ em.",
      "## III/4/b",
      "b) Phối hợp với Công an tỉnh kiểm tra an toàn thực phẩm trước ngày 15/12/2025.",
      "## III/5",
      "5. Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp tuyên truyền, vận động Nhân dân.",
    );
    expect(found.map((t) => [t.section, t.assigned])).toEqual([
      ["III/4/a", ["Sở Y tế"]],
      ["III/4/b", ["Sở Y tế"]],
      ["III/5", ["Ủy ban MTTQ Việt Nam tỉnh"]],
    ]);
    expect(found[1].deadline?.due).toBe("2025-12-15");
    expect(found[2].summary).toBe("Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp tuyên truyền, vận động Nhân dân");
  });

  it("makes the unit given a task with 'chủ trì' its lead and the units after 'phối hợp với' its support", () => {
    const [t] = tasks(
      "## III",
      "III. Tổ chức thực hiện",
      "## III/1",
      "1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính và UBND các huyện, thị xã triển khai thực hiện Kế hoạch này.",
    );
    expect(t.assigned).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(t.lead).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(t.support).toEqual(["Sở Tài chính", "UBND các huyện", "thị xã"]);
  });

  it("reads the assigning articles of a decision, with the sentence that assigns", () => {
    const found = tasks(
      "## Điều 1",
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển rừng năm 2025.",
      "## Điều 2",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính triển khai thực hiện.",
    );
    expect(found.map((t) => [t.section, t.summary, t.lead, t.support])).toEqual([
      ["Điều 2", "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính triển khai thực hiện", ["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"]],
    ]);
  });

  it("does not end a summary at a title's abbreviation dot", () => {
    const [t] = tasks(
      "## 4",
      "4. Phân công nhiệm vụ",
      "## 4/4.1",
      "4.2. Bà. Lê Thị Hoa - Phó Trưởng đoàn: Chủ trì việc rà soát sổ sách. Thay Trưởng đoàn điều hành khi được phân công.",
    );
    expect(t.summary).toBe("Bà. Lê Thị Hoa - Phó Trưởng đoàn: Chủ trì việc rà soát sổ sách");
  });

  it("squeezes a doubled space and drops markup wherever they fall in the summary", () => {
    const summaries = ["Tổ chức  hội nghị", "Tổ chức hội  nghị sơ kết", "Tổ chức hội nghị **sơ kết** năm"].map((line) => {
      const [t] = tasks("## 4", "4. Phân công nhiệm vụ", "## 4/4.1", `4.1. ${line}. Thực hiện trong quý II.`);
      return t.summary;
    });
    expect(summaries).toEqual(["Tổ chức hội nghị", "Tổ chức hội nghị sơ kết", "Tổ chức hội nghị sơ kết năm"]);
  });

  it("reads each task-table row", () => {
    const found = tasks(
      "## II",
      "II. Nội dung và phân công thực hiện",
      "| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
      "|---|---|---|---|---|",
      "| 1 | Tuyên truyền về cuộc bầu cử trên các phương tiện thông tin đại chúng | Sở Văn hóa và Thông tin | Đài Phát thanh - Truyền hình tỉnh, Báo Lào Cai | Quý I/2026 |",
      "| 2 | Lập và niêm yết danh sách cử tri | UBND các xã, phường | Công an xã, phường | Trước ngày 20/02/2026 |",
    );
    expect(found.map((t) => [t.summary, t.lead, t.support])).toEqual([
      ["Tuyên truyền về cuộc bầu cử trên các phương tiện thông tin đại chúng", ["Sở Văn hóa và Thông tin"], ["Đài Phát thanh - Truyền hình tỉnh", "Báo Lào Cai"]],
      ["Lập và niêm yết danh sách cử tri", ["UBND các xã", "phường"], ["Công an xã", "phường"]],
    ]);
    expect(found.map((t) => t.deadline?.due)).toEqual(["2026-03-31", "2026-02-20"]);
  });

  it("makes each assigning paragraph a task in a task section without numbered items", () => {
    const found = tasks(
      "## IV",
      "IV. Tổ chức thực hiện",
      "- Các Phòng tham mưu lãnh đạo Ban triển khai thực hiện tốt các nội dung Kế hoạch.",
      "- Đề nghị Chi ủy, Ban Chấp hành Công đoàn phối hợp lãnh đạo, triển khai thực hiện.",
      "- Giao Phòng Dân vận các cơ quan nhà nước giúp lãnh đạo Ban theo dõi, đôn đốc.",
    );
    expect(found.map((t) => t.assigned)).toEqual([["Chi ủy", "Ban Chấp hành Công đoàn"], ["Phòng Dân vận các cơ quan nhà nước"]]);
    expect(found.every((t) => t.section === "IV")).toBe(true);
  });
});

describe("span starts", () => {
  it("lists the starts of a document's units in text order, one per unit", () => {
    const seg = plan(["## I", "I. Tổ chức thực hiện", "## I/1", "1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và UBND các huyện thực hiện."], 2025);
    const units = extractUnits(seg);
    const starts = spanStarts(units);
    expect(starts).toBeInstanceOf(Int32Array);
    expect(Array.from(starts)).toEqual(units.map((u) => u.span.start));
    expect(Array.from(starts)).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.length).toBeGreaterThan(0);
  });
});

describe("start cursor", () => {
  it("finds the first start at or after an offset, asked forward, far ahead or behind", () => {
    const starts = Int32Array.from([0, 5, 5, 9, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 40, 100]);
    const firstAtOrAfter = (x: number) => {
      const i = starts.findIndex((s) => s >= x);
      return i < 0 ? starts.length : i;
    };
    const at = new StartCursor(starts);
    for (const x of [0, 1, 5, 6, 9, 10, 22, 22, 41, 3, 5, 100, 101, 0, 35, 29, 200]) expect([x, at.from(x)]).toEqual([x, firstAtOrAfter(x)]);
  });
});
