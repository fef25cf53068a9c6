import { describe, expect, it } from "vitest";
import { firstWords, timeGrammar } from "../src/extract/time/grammar.js";
import { parseTimes } from "../src/extract/time/parse.js";

const terms = (s: string, year: number | null = 2023) =>
  parseTimes(s, { year, bareYears: true }).map((t) => ({ kind: t.kind, text: s.slice(t.start, t.end), from: t.from, to: t.to }));
const one = (s: string, year: number | null = 2023) => {
  const all = terms(s, year);
  expect(all, s).toHaveLength(1);
  return all[0];
};

describe("calendar dates in every written form", () => {
  it.each([
    ["ngày 07/4/2014", "2014-04-07"],
    ["ngày 07-4-2014", "2014-04-07"],
    ["ngày 07.4.2014", "2014-04-07"],
    ["ngày 7 tháng 4 năm 2014", "2014-04-07"],
    ["ngày10 /3/2026", "2026-03-10"],
    ["13h30’ ngày 29/4/2026 (Thứ Tư)", "2026-04-29"],
  ])("%s", (s, iso) => {
    const t = one(s);
    expect(t.kind).toBe("date");
    expect([t.from, t.to]).toEqual([iso, iso]);
  });

  it("rejects a day the calendar does not have", () => {
    expect(terms("ngày 31/4/2023").filter((t) => t.from)).toEqual([]);
    expect(terms("ngày 29/02/2023").filter((t) => t.from)).toEqual([]);
    expect(one("ngày 29/02/2024").to).toBe("2024-02-29");
  });
});

describe("periods resolve to their first and last day", () => {
  it.each([
    ["tháng 02/2023", "month", "2023-02-01", "2023-02-28"],
    ["Tháng 11 năm 2025", "month", "2025-11-01", "2025-11-30"],
    ["quý II/2023", "quarter", "2023-04-01", "2023-06-30"],
    ["Quý IV/2025", "quarter", "2025-10-01", "2025-12-31"],
    ["quý 2 năm 2023", "quarter", "2023-04-01", "2023-06-30"],
    ["6 tháng đầu năm 2023", "half", "2023-01-01", "2023-06-30"],
    ["sáu tháng cuối năm 2024", "half", "2024-07-01", "2024-12-31"],
    ["05 tháng cuối năm 2023", "monthsOfYear", "2023-08-01", "2023-12-31"],
    ["năm 2025", "year", "2025-01-01", "2025-12-31"],
    ["2026 - 2030", "yearRange", "2026-01-01", "2030-12-31"],
    ["giai đoạn 2021-2025", "yearRange", "2021-01-01", "2025-12-31"],
    ["đầu năm 2024", "monthsOfYear", "2024-01-01", "2024-03-31"],
    ["cuối năm 2025", "monthsOfYear", "2025-10-01", "2025-12-31"],
  ])("%s", (s, kind, from, to) => {
    expect(one(s)).toEqual({ kind, text: s, from, to });
  });

  it("a list of quarters or months shares the year written after it", () => {
    // One term per item: "Quý I và III/2024" is not the second quarter; a dash joins a range.
    expect(terms("Quý I và III/2024").map((t) => [t.text, t.from, t.to])).toEqual([
      ["Quý I", "2024-01-01", "2024-03-31"],
      ["III/2024", "2024-07-01", "2024-09-30"],
    ]);
    expect(terms("tháng 3 - 4, 6/2024").map((t) => [t.text, t.from, t.to])).toEqual([
      ["tháng 3 - 4", "2024-03-01", "2024-04-30"],
      ["6/2024", "2024-06-01", "2024-06-30"],
    ]);
    expect(one("tháng 3 - 4/2024")).toMatchObject({ kind: "month", from: "2024-03-01", to: "2024-04-30" });
    // Items that repeat their word stay apart; the first takes the year written after the second.
    expect(terms("tháng 5 và tháng 11/2024", null).map((t) => [t.from, t.to])).toEqual([
      ["2024-05-01", "2024-05-31"],
      ["2024-11-01", "2024-11-30"],
    ]);
    expect(terms("quý IV và tháng 12/2024", null).map((t) => [t.kind, t.to])).toEqual([
      ["quarter", "2024-12-31"],
      ["month", "2024-12-31"],
    ]);
  });

  it("a number of months is a duration, not a month", () => {
    expect(terms("Định kỳ 6 tháng, năm").map((t) => t.kind)).toEqual(["recurring"]);
    expect(terms("tham mưu sơ kết 5 năm vào năm 2022").map((t) => t.text)).toEqual(["năm 2022"]);
  });
});

describe("stated and implied years", () => {
  it("a month without its year takes the plan's year, and says it was implied", () => {
    const [t] = parseTimes("Ban hành trong tháng 3", { year: 2025 });
    expect([t.from, t.to]).toEqual(["2025-03-01", "2025-03-31"]);
    expect(t.stated).toEqual({ month: 3 });
    expect(t.implied).toEqual({ year: 2025 });
  });

  it("without a plan year the period stays open", () => {
    expect(one("trong quý III", null)).toMatchObject({ kind: "quarter", from: null, to: null });
  });

  it("a day without a year inside a repetition names no single day", () => {
    const all = terms("trước ngày 25/12 hàng năm");
    expect(all.map((t) => [t.kind, t.to])).toEqual([
      ["before", null],
      ["recurring", null],
    ]);
  });

  it("the start of a range borrows the year of its end", () => {
    expect(one("từ ngày 01/12 đến ngày 14/12/2025")).toMatchObject({ kind: "range", from: "2025-12-01", to: "2025-12-14" });
  });
});

describe("bounds, ranges and phrases", () => {
  it.each([
    ["trước ngày 15/12/2023", "before", null, "2023-12-15"],
    ["chậm nhất là ngày 30/11/2024", "before", null, "2024-11-30"],
    ["Chậm nhất ngày 10/12/2025", "before", null, "2025-12-10"],
    ["Từ ngày 01/01/2023 đến ngày 30/6/2023", "range", "2023-01-01", "2023-06-30"],
    ["Từ tháng 12/2025 đến quý I/2026", "range", "2025-12-01", "2026-03-31"],
    ["Từ 01/7/2025", "after", "2025-07-01", null],
    ["sau ngày 15/3/2024", "after", "2024-03-15", null],
  ])("%s", (s, kind, from, to) => {
    expect(one(s)).toEqual({ kind, text: s, from, to });
  });

  it("reads the phrases that carry no date", () => {
    expect(terms("Thường xuyên và theo chỉ đạo của cấp trên").map((t) => [t.kind, t.text])).toEqual([
      ["continuous", "Thường xuyên"],
      ["onDirection", "theo chỉ đạo của cấp trên"],
    ]);
    expect(terms("Hằng năm").map((t) => t.kind)).toEqual(["recurring"]);
    expect(terms("Dự kiến tháng 11/2025 (sau khi Ban Thường trực ban hành Hướng dẫn)").map((t) => [t.kind, t.text])).toEqual([
      ["month", "tháng 11/2025"],
      ["relative", "sau khi Ban Thường trực ban hành Hướng dẫn"],
    ]);
  });

  it("marks a period that runs on without end", () => {
    const all = parseTimes("Năm 2025 và các năm tiếp theo", { year: 2025 });
    expect(all.map((t) => [t.kind, t.openEnded ?? false])).toEqual([
      ["year", false],
      ["recurring", true],
    ]);
  });
});

describe("the words a pattern needs", () => {
  // Every match of an atom or phrase, with what its lookahead reads after it, holds one word of each of
  // its groups: a slice without them is skipped safely.
  const samples = [
    "ngày 07/4/2014", "NGÀY 7 THÁNG 4 NĂM 2014", "ngày 05 tháng 02 tháng 2002", "Ngày 15/12", "ngày 20 hằng tháng",
    "tháng 3, 4/2024", "Tháng 11", "quý II, III/2024", "QUÝ IV", "6 tháng đầu năm 2024", "ba tháng cuối năm",
    "cuối năm 2024", "giai đoạn 2021 - 2025", "năm 2025", "2025", "và các năm tiếp theo", "Hằng năm", "Thường xuyên",
    "theo chỉ đạo của cấp trên", "sau khi Ban Thường trực ban hành Hướng dẫn", "trở đi",
  ];
  it("are in every match", () => {
    const g = timeGrammar();
    const all = [...g.atoms, ...g.phrases, { re: g.relative, needs: g.relativeNeeds }];
    let matched = 0;
    for (const { re, needs } of all)
      for (const s of samples) {
        re.lastIndex = 0;
        for (let m = re.exec(s); m; m = re.exec(s)) {
          matched++;
          const lower = s.slice(m.index).toLowerCase();
          for (const any of needs) expect(any.some((w) => lower.includes(w)), `${re.source.slice(0, 40)} on ${s}`).toBe(true);
        }
      }
    expect(matched).toBeGreaterThan(samples.length);
  });

  it("are the lower-case first words of phrases", () => {
    expect(firstWords(["Hàng năm", "hằng tháng", "hàng quý", "Định kỳ"])).toEqual(["hàng", "hằng", "định"]);
  });
});
