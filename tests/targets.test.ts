import { describe, expect, it } from "vitest";
import { extractTargets } from "../src/extract/targets.js";
import { plan } from "./support/plan.js";

const targets = (...lines: string[]) => extractTargets(plan(lines, 2025));
const brief = (...lines: string[]) => targets(...lines).map((t) => `${t.comparator} ${t.value}${t.valueMax === null ? "" : `-${t.valueMax}`} ${t.unit}`);

describe("percentages set as goals", () => {
  it("reads each numbered goal of a paragraph, with its clause", () => {
    const found = targets(
      'Phấn đấu đạt các chỉ tiêu: (1)- 100% cán bộ, công chức phấn đấu hoàn thành tốt nhiệm vụ được giao; (2)- 100% tập thể phòng thuộc Ban đạt danh hiệu "Tập thể lao động tiên tiến".',
    );
    expect(found.map((t) => [t.value, t.unit, t.comparator])).toEqual([
      [100, "%", "eq"],
      [100, "%", "eq"],
    ]);
    expect(found[0].text).toBe("100% cán bộ, công chức phấn đấu hoàn thành tốt nhiệm vụ được giao");
    expect(found[1].subject).toBe("tập thể phòng thuộc Ban");
  });

  it("reads the comparators trên, tối thiểu, ít nhất, trở lên, dưới, không quá", () => {
    expect(brief("- Phấn đấu trên 90% đảng viên được xếp loại hoàn thành tốt nhiệm vụ.")).toEqual(["gt 90 %"]);
    expect(brief("- Tỷ lệ che phủ rừng đạt tối thiểu 30%.")).toEqual(["gte 30 %"]);
    expect(brief("- Có ít nhất 80% số hộ gia đình được tuyên truyền về bầu cử.")).toEqual(["gte 80 %"]);
    expect(brief("- 95% trở lên số thủ tục hành chính được giải quyết trực tuyến.")).toEqual(["gte 95 %"]);
    expect(brief("- Giữ tỷ lệ hộ nghèo dưới 2%.")).toEqual(["lt 2 %"]);
    expect(brief("- Tỷ lệ hồ sơ trễ hạn không quá 1,5%.")).toEqual(["lte 1.5 %"]);
  });

  it("records a range as its lower bound with the upper bound beside it", () => {
    const [t] = targets("- Tốc độ tăng trưởng kinh tế bình quân đạt 10 - 13%/năm.");
    expect([t.value, t.valueMax, t.comparator, t.unit]).toEqual([10, 13, "gte", "%"]);
    expect(brief("- Thu ngân sách tăng từ 8% đến 10% so với dự toán.")).toEqual(["gte 8-10 %"]);
    expect(brief("- Phấn đấu tỷ lệ gia đình đạt chuẩn văn hóa từ 90% trở lên.")).toEqual(["gte 90 %"]);
    expect(brief("- Kéo giảm từ 5 - 10% số vụ tai nạn giao thông so với năm 2024.")).toEqual(["gte 5-10 %"]);
    expect(brief("- Phấn đấu giảm tỷ lệ hộ nghèo từ 1,5 - 2%/năm.")).toEqual(["gte 1.5-2 %"]);
  });

  it("gives the horizon year of the goal", () => {
    const [t] = targets("- Phấn đấu đến năm 2030, 100% xã đạt chuẩn nông thôn mới.");
    expect(t.by).toBe(2030);
    const [v] = targets("5.1.2. Đến năm 2027 phấn đấu đạt các chỉ tiêu: 100% công chức hành chính được bồi dưỡng kiến thức quản lý nhà nước.");
    expect(v.by).toBe(2027);
    const [u] = targets("- Trong giai đoạn 2026 - 2030 phấn đấu 90% hồ sơ được xử lý trực tuyến.");
    expect(u.by).toBe(2030);
    expect(u.subject).toBe("hồ sơ");
  });

  it("leaves out shares, past results and years before the plan", () => {
    expect(brief("- Năm 1998 đào tạo 28 người, chiếm 50% tổng số nhân viên.")).toEqual([]);
    expect(brief("- Đã thụ lý và giải quyết được 3.004 vụ, đạt 95,6%.")).toEqual([]);
    expect(brief("- Năm 2024 tỷ lệ hộ dùng nước sạch đạt 85%.")).toEqual([]);
    expect(brief("| 2 | Trang bị máy móc | 68% | 340.000.000 |")).toEqual([]);
    const review = ["## I", "I. Kết quả thực hiện năm 2024", "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97%."];
    expect(extractTargets(plan(review, 2025))).toEqual([]);
    const reviewWithGoal = ["## I", "I. Tình hình thực hiện", "- Phấn đấu đến năm 2026 tỷ lệ hồ sơ giải quyết đúng hạn đạt 99%."];
    expect(extractTargets(plan(reviewWithGoal, 2025)).map((t) => t.value)).toEqual([99]);
  });
});

describe("counted deliverables", () => {
  it("reads a counted goal after a verb of doing", () => {
    const [t] = targets("6. Thực hiện được 01 công trình hoặc phần việc có ý nghĩa thiết thực hưởng ứng phong trào thi đua.");
    expect([t.value, t.unit, t.comparator]).toEqual([1, "công trình", "eq"]);
    expect(t.text.startsWith("Thực hiện được 01 công trình")).toBe(true);
    expect(brief("- Mỗi xã xây dựng ít nhất 02 mô hình “Dân vận khéo”.")).toEqual(["gte 2 mô hình"]);
    expect(brief("- Tổ chức 03 hội nghị tuyên truyền trong quý II/2025.")).toEqual(["eq 3 hội nghị"]);
  });

  it("leaves out dates, document numbers, anniversaries and amounts", () => {
    expect(brief("- Quán triệt Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị.")).toEqual([]);
    expect(brief("- Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023).")).toEqual([]);
    expect(brief('- Thực hiện mô hình "Mỗi ngày tiết kiệm 1.000 đồng để làm việc thiện".')).toEqual([]);
    expect(brief("- Góp phần giảm tai nạn giao thông trên cả 3 tiêu chí.")).toEqual([]);
    expect(brief("- Đã giải quyết 162 trường hợp nghỉ hưu trước tuổi.")).toEqual([]);
  });
});

describe("placement", () => {
  it("spans the comparator, number and unit in the text", () => {
    const seg = plan(["## II/3/3.3", "- Phấn đấu trên 90% đảng viên được xếp loại hoàn thành tốt nhiệm vụ."], 2025);
    const [t] = extractTargets(seg);
    expect(seg.text.slice(t.span.start, t.span.end)).toBe("trên 90%");
    expect(t.section).toBe("II/3/3.3");
  });
});
