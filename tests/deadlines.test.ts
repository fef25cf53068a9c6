import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Deadline } from "../src/contract/schema.js";
import { extractDeadlines } from "../src/extract/deadlines.js";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";
import { plan } from "./support/plan.js";

const deadlines = (lines: string[], year: number | null = 2023) => extractDeadlines(plan(lines, year));
const brief = (d: Deadline) => ({ text: d.text, due: d.due, recurring: d.recurring });

describe("labelled time fields", () => {
  it("takes the value after the label, without markup or the final stop", () => {
    expect(deadlines(["\\* *Thời gian thực hiện:* Ban hành Kế hoạch trong tháng 02/2023 và thường xuyên tổ chức quán triệt, triển khai."]).map(brief)).toEqual([
      { text: "Ban hành Kế hoạch trong tháng 02/2023 và thường xuyên tổ chức quán triệt, triển khai", due: "2023-02-28", recurring: true },
    ]);
  });

  it.each([
    ["- Thời hạn hoàn thành: Quý IV/2025 và Quý I/2026;", "Quý IV/2025 và Quý I/2026", "2026-03-31", false],
    ["Tiến độ: 6 tháng đầu năm 2024.", "6 tháng đầu năm 2024", "2024-06-30", false],
    ["* Thời gian thực hiện: Thường xuyên.", "Thường xuyên", null, true],
    ["* Thời gian thực hiện: Định kỳ 6 tháng, năm và theo chỉ đạo của cấp trên.", "Định kỳ 6 tháng, năm và theo chỉ đạo của cấp trên", null, true],
    ["* Thời gian thực hiện: Theo chỉ đạo của cấp trên.", "Theo chỉ đạo của cấp trên", null, false],
    ["- Thời gian: Năm 2025 và các năm tiếp theo.", "Năm 2025 và các năm tiếp theo", null, true],
    ["- Thời hạn: trước ngày 25/12 hàng năm.", "trước ngày 25/12 hàng năm", null, true],
    ["- Thời gian thực hiện: Từ 01/7/2025.", "Từ 01/7/2025", null, false],
    ["- Thời gian thực hiện: 2026 - 2030.", "2026 - 2030", "2030-12-31", false],
    ["+ Thời gian hoàn thành: Dự kiến tháng 11/2025 (sau khi Ban Thường trực ban hành Hướng dẫn).", "Dự kiến tháng 11/2025 (sau khi Ban Thường trực ban hành Hướng dẫn)", "2025-11-30", false],
    ["Thời gian thực hiện: Thường xuyên; tổ chức giám sát vào năm 2022; tham mưu sơ kết vào năm 2023, tổng kết vào năm 2025.", "Thường xuyên; tổ chức giám sát vào năm 2022; tham mưu sơ kết vào năm 2023, tổng kết vào năm 2025", "2025-12-31", true],
  ])("%s", (line, text, due, recurring) => {
    expect(deadlines([line]).map(brief)).toEqual([{ text, due, recurring }]);
  });

  it("reads a field inside a paragraph and ends a field at the next one", () => {
    expect(
      deadlines([
        "- Rà soát, cập nhật dữ liệu cán bộ; đơn vị chủ trì: Phòng Nội vụ; thời gian hoàn thành: tháng 6/2024.",
        "- Thời hạn: Quý III/2024; Cơ quan phối hợp: Văn phòng HĐND và UBND.",
      ]).map(brief),
    ).toEqual([
      { text: "tháng 6/2024", due: "2024-06-30", recurring: false },
      { text: "Quý III/2024", due: "2024-09-30", recurring: false },
    ]);
  });

  it("allows a remark between the label and its colon", () => {
    expect(deadlines(["- Thời gian thực hiện (dự kiến): Quý II/2024."]).map(brief)).toEqual([{ text: "Quý II/2024", due: "2024-06-30", recurring: false }]);
  });

  it("gives a month without its year the plan's year", () => {
    const [d] = deadlines(["- Thời gian thực hiện: trong tháng 3."], 2025);
    expect(d.due).toBe("2025-03-31");
    expect(d.terms.map((t) => [t.kind, t.start, t.end])).toEqual([["month", "2025-03-01", "2025-03-31"]]);
  });

  it("gives the start of a range", () => {
    const [d] = deadlines(["* Thời gian thực hiện: Trong khoảng thời gian từ ngày 04/02/2026 đến ngày 08/02/2026."], 2025);
    expect([d.start, d.due]).toEqual(["2026-02-04", "2026-02-08"]);
  });

  it("follows a value wrapped onto the next lines", () => {
    const [d] = deadlines(["* Thời gian thực hiện: Thường xuyên; báo cáo hàng năm; tham mưu sơ kết", "5 năm vào năm 2022.", "- Tổ chức kiểm tra."], 2021);
    expect(brief(d)).toEqual({ text: "Thường xuyên; báo cáo hàng năm; tham mưu sơ kết 5 năm vào năm 2022", due: "2022-12-31", recurring: true });
  });
});

describe("time fields in other shapes", () => {
  it("reads labels naming the activity, after a heading's number, with a clock time", () => {
    const ds = deadlines([
      "## 3/3.3",
      "3.3. Thời gian sát hạch: Dự kiến 03 ngày làm việc tại mỗi đơn vị, tính từ ngày công bố Quyết định.",
      "## II/1",
      "1. Thời gian làm việc: 08h00’ ngày 15/5/2025 (Thứ Năm).",
    ]);
    expect(ds.map((d) => [d.text, d.due, d.section])).toEqual([
      ["Dự kiến 03 ngày làm việc tại mỗi đơn vị, tính từ ngày công bố Quyết định", null, "3/3.3"],
      ["08h00’ ngày 15/5/2025 (Thứ Năm)", "2025-05-15", "II/1"],
    ]);
  });

  it("takes the items under a label left empty as its values", () => {
    const ds = deadlines([
      "* Thời gian thực hiện:",
      "+ Đợt 1: Trong khoảng thời gian từ ngày 05/01/2026 đến ngày 12/01/2026.",
      "+ Đợt 2: Từ khi tiếp nhận hồ sơ đến khi công bố danh sách chính thức.",
      "- Công tác vận động: Trong khoảng thời gian từ ngày 20/02/2026 đến 07 giờ 00 ngày 14/3/2026.",
      "Thời gian tuyên truyền:",
      "Thực hiện theo các đợt nêu tại phần II của Kế hoạch này.",
      "Các đoàn thể phối hợp thực hiện.",
    ]);
    expect(ds.map((d) => [d.text, d.due])).toEqual([
      ["Trong khoảng thời gian từ ngày 05/01/2026 đến ngày 12/01/2026", "2026-01-12"],
      ["Từ khi tiếp nhận hồ sơ đến khi công bố danh sách chính thức", null],
      ["Trong khoảng thời gian từ ngày 20/02/2026 đến 07 giờ 00 ngày 14/3/2026", "2026-03-14"],
      ["Thực hiện theo các đợt nêu tại phần II của Kế hoạch này", null],
    ]);
  });

  it("reads headings that only say when", () => {
    const ds = deadlines(
      [
        "## II/1",
        "1. Đợt 1: Trong tháng 11/2025",
        "Tuyên truyền về ý nghĩa của cuộc bầu cử.",
        "## II/2",
        "2. Từ tháng 01 đến ngày bầu cử 15/3/2026",
        "## II/3",
        "3. Sau ngày bầu cử 15/3/2026",
        "## III",
        "III. TỔ CHỨC THỰC HIỆN",
      ],
      2025,
    );
    expect(ds.map((d) => [d.text, d.due, d.section])).toEqual([
      ["Trong tháng 11/2025", "2025-11-30", "II/1"],
      ["Từ tháng 01 đến ngày bầu cử 15/3/2026", "2026-03-15", "II/2"],
      ["Sau ngày bầu cử 15/3/2026", null, "II/3"],
    ]);
  });

  it("reads the dates of a table laid out with tabs under a time column", () => {
    const ds = deadlines([
      "TT\tĐơn vị được kiểm tra\tThời gian công bố Quyết định\tThời hạn",
      "1 Công ty cổ phần Minh Phát\t14/4/2025\t02 ngày",
      "Gói thầu số 3: thi công đường nội thị",
      "2 15/4/2025\t02 ngày",
    ]);
    expect(ds.map((d) => [d.text, d.due])).toEqual([
      ["14/4/2025", "2025-04-14"],
      ["15/4/2025", "2025-04-15"],
    ]);
  });
});

describe("explicit bounds in running text", () => {
  it("finds the bound and keeps the section", () => {
    const ds = deadlines([
      "## III/1",
      "1. Các cấp, các ngành có trách nhiệm:",
      "- Báo cáo kết quả triển khai thực hiện về UBND tỉnh qua Thường trực Hội đồng Thi đua - Khen thưởng trước ngày 15/12/2023 để làm cơ sở đánh giá.",
      "(1) Tổ chức hiệp thương lần thứ nhất: Chậm nhất ngày 10/12/2023 (trước ngày bầu cử 95 ngày theo Điều 39).",
      "- Các đơn vị gửi báo cáo chậm nhất là ngày 30/11/2023.",
      "- Chậm nhất đến ngày 15/12/2023, các xã hoàn thành việc rà soát.",
    ]);
    expect(ds.map((d) => [d.text, d.due, d.section])).toEqual([
      ["trước ngày 15/12/2023", "2023-12-15", "III/1"],
      ["Chậm nhất ngày 10/12/2023", "2023-12-10", "III/1"],
      ["chậm nhất là ngày 30/11/2023", "2023-11-30", "III/1"],
      ["Chậm nhất đến ngày 15/12/2023", "2023-12-15", "III/1"],
    ]);
  });

  it("keeps the repetition that follows a bound and leaves a relative year open", () => {
    const ds = deadlines([
      "4. Trước ngày 20 tháng 7 hằng năm, các cơ quan chuyên môn tổ chức lập kế hoạch.",
      "Chậm nhất là ngày 01 tháng 3 của năm trước, các cơ quan gửi đề xuất.",
      "- Các đơn vị gửi báo cáo tháng về Văn phòng trước ngày 20 hằng tháng.",
    ]);
    expect(ds.map(brief)).toEqual([
      { text: "Trước ngày 20 tháng 7 hằng năm", due: null, recurring: true },
      { text: "Chậm nhất là ngày 01 tháng 3", due: null, recurring: false },
      { text: "trước ngày 20 hằng tháng", due: null, recurring: true },
    ]);
  });

  it("reads range headings, parenthesised periods, 'vào năm' and an item opening with its year", () => {
    const ds = deadlines(
      [
        "## III/1",
        "1. Từ ngày 01/01/2023 đến ngày 30/6/2023",
        "- Tổ chức kiểm tra việc thực hiện theo Kế hoạch số 189-KH/TU, ngày 30/3/2020 của Ban Thường vụ Tỉnh ủy (quý III/2022).",
        "- Tham mưu tổ chức Hội nghị tổng kết, giai đoạn 2021 – 2025 (Năm 2025).",
        "- Năm 2023, tham mưu Ban Thường vụ Tỉnh ủy tổng kết 10 năm thực hiện Quyết định.",
        "- Hoàn thành việc số hóa hồ sơ vào năm 2024.",
      ],
      2021,
    );
    expect(ds.map(brief)).toEqual([
      { text: "Từ ngày 01/01/2023 đến ngày 30/6/2023", due: "2023-06-30", recurring: false },
      { text: "(quý III/2022)", due: "2022-09-30", recurring: false },
      { text: "(Năm 2025)", due: "2025-12-31", recurring: false },
      { text: "Năm 2023", due: "2023-12-31", recurring: false },
      { text: "vào năm 2024", due: "2024-12-31", recurring: false },
    ]);
  });

  it("reads a period 'trong' a year, an expected year, and a bound with a clock time and an event", () => {
    const ds = deadlines(
      [
        "- Sở Tài chính bố trí vốn trong quý II năm 2004 để triển khai.",
        "- Cân đối vốn ủy thác cho Ngân hàng (dự kiến năm 2004 sẽ ủy thác khoảng 5 tỷ đồng).",
        "- Các đơn vị gửi báo cáo trước 16h30 ngày 12/4/2004.",
        "- Niêm yết danh sách cử tri từ ngày 10/3/2004 đến 17 giờ 00, ngày 20/3/2004.",
        "- Tổ chức kiểm tra chéo vào quý I và III/2004.",
        "- Tổng kết, rút kinh nghiệm vào đầu năm 2005.",
      ],
      2004,
    );
    expect(ds.map((d) => [d.text, d.due])).toEqual([
      ["trong quý II năm 2004", "2004-06-30"],
      ["dự kiến năm 2004", "2004-12-31"],
      ["trước 16h30 ngày 12/4/2004", "2004-04-12"],
      ["từ ngày 10/3/2004 đến 17 giờ 00, ngày 20/3/2004", "2004-03-20"],
      ["vào quý I và III/2004", "2004-09-30"],
      ["vào đầu năm 2005", "2005-03-31"],
    ]);
    expect(ds[4].terms.map((t) => [t.text, t.end])).toEqual([
      ["quý I", "2004-03-31"],
      ["III/2004", "2004-09-30"],
    ]);
  });

  it("leaves reference periods, goal horizons, anniversaries and history alone", () => {
    expect(
      deadlines([
        "- Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2023, đánh giá kết quả thực hiện trong năm 2023.",
        "- Phấn đấu đến năm 2030 đạt 100% xã đạt chuẩn nông thôn mới.",
        "- Năm 2025, phấn đấu 95% hồ sơ được xử lý trực tuyến.",
        "- Phấn đấu trong giai đoạn từ năm 2026 đến năm 2030, tỷ lệ hộ nghèo giảm bình quân 1%/năm.",
        "- Tập trung nguồn lực để vào năm 2025 đạt chuẩn nông thôn mới nâng cao.",
        "nhân kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua Ái quốc (11/6/1948 - 11/6/2023);",
        "Ngày thành lập Đảng Cộng sản Việt Nam (3/2); phát triển kinh tế - xã hội 5 năm (2021 - 2025).",
        "Năm 2023 là năm giữa nhiệm kỳ.",
        "kế hoạch lập từ năm 1998 (tháng 7/1997).",
      ]),
    ).toEqual([]);
  });
});

describe("task tables", () => {
  it("gives one deadline per row from the time column", () => {
    const ds = deadlines([
      "| STT | Nội dung công việc | Cơ quan chủ trì | Thời gian thực hiện |",
      "| 1 | Xây dựng kế hoạch tuyên truyền | Văn phòng | Tháng 3/2024 |",
      "| 2 | Tổ chức hội nghị sơ kết | Phòng Nội vụ | Quý III/2024 |",
      "| 3 | Kiểm tra, giám sát | Các phòng | Thường xuyên |",
      "Sau bảng là đoạn văn.",
      "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện (dự kiến) |",
      "| (1) | (2) | (3) | (4) | (5) |",
      "| 1 | Hội nghị triển khai | Văn phòng | Các phòng | Tháng 3 - 4/2024 |",
      "| Tổ chức tập huấn | Phòng Nội vụ | Trước 30/6/2024 |",
    ]);
    expect(ds.map((d) => [d.text, d.due, d.recurring])).toEqual([
      ["Tháng 3/2024", "2024-03-31", false],
      ["Quý III/2024", "2024-09-30", false],
      ["Thường xuyên", null, true],
      ["Tháng 3 - 4/2024", "2024-04-30", false],
      ["Trước 30/6/2024", "2024-06-30", false],
    ]);
  });
});

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const gold = join(repoRoot, "..", "shared", "eval", "gold");

describe.skipIf(!existsSync(gold))("seed plans against the analysts' gold", () => {
  it("finds the deadlines with their due dates", () => {
    let matched = 0;
    let dueOk = 0;
    let pred = 0;
    let want = 0;
    const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const jaccard = (a: string, b: string) => {
      const A = words(a);
      const B = words(b);
      const inter = [...A].filter((w) => B.has(w)).length;
      return inter / (A.size + B.size - inter || 1);
    };
    for (const f of readdirSync(gold).filter((x) => x.endsWith(".json"))) {
      const g = JSON.parse(readFileSync(join(gold, f), "utf8"));
      const seed = join(repoRoot, "fixtures", "seeds", f.replace(/\.json$/, ".txt"));
      if (!g.deadlines || !existsSync(seed)) continue;
      const got = extractDeadlines(segment(normalize(readFileSync(seed, "utf8"))));
      const pool = [...got];
      for (const w of g.deadlines) {
        const i = pool.findIndex((p) => jaccard(p.text, w.text) >= 0.5);
        if (i < 0) continue;
        matched++;
        dueOk += Number(pool[i].due === w.due);
        pool.splice(i, 1);
      }
      pred += got.length;
      want += g.deadlines.length;
    }
    expect((2 * matched) / (pred + want)).toBeGreaterThanOrEqual(0.95);
    expect(dueOk / matched).toBeGreaterThanOrEqual(0.95);
  });
});
