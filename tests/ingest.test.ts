// Ingest of real file formats: detection by content, Word numbering, tables,
// legacy fonts, font charsets, spreadsheets, HTML, text encodings and errors.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { VnplanError } from "../src/errors.js";
import { detectFormat, ingest } from "../src/ingest/index.js";
import { decodeText } from "../src/ingest/text.js";
import { openZip } from "../src/ingest/zip.js";

const repo = join(import.meta.dirname, "..");
const fx = (...p: string[]) => join(repo, "fixtures", ...p);
const read = (...p: string[]) => readFileSync(fx(...p));
const hasPoppler = !spawnSync("pdftotext", ["-v"]).error;

describe("format detection by content", () => {
  it("reads a DOCX named .pdf and a PDF named .txt by their bytes", async () => {
    expect(detectFormat(read("docx", "numbering.docx"), "plan.pdf")).toBe("zip");
    expect(detectFormat(read("pdf", "004_87e88c7bcc850968.pdf"), "plan.txt")).toBe("pdf");
    expect(detectFormat(read("doc", "000_bdb84c189a81ae0c.doc"), "plan.docx")).toBe("doc");
    expect(detectFormat(read("xlsx", "tasks.xls"), "tasks.doc")).toBe("xls");
    expect(detectFormat(read("rtf", "charset-ce.rtf"), "x.txt")).toBe("rtf");
    expect(detectFormat(read("html", "portal.html"), null)).toBe("html");
    const docx = await ingest(read("docx", "numbering.docx"), { name: "ke-hoach.pdf" });
    expect(docx.format).toBe("docx");
  });
});

describe("DOCX", () => {
  it("writes Word's automatic numbers out as typed labels: I., 1., a)", async () => {
    const r = await ingest(read("docx", "numbering.docx"), { name: "numbering.docx" });
    const lines = r.text.split("\n").filter(Boolean);
    expect(lines).toContain("**I. MỤC ĐÍCH, YÊU CẦU**");
    expect(lines).toContain("1. Mục đích");
    expect(lines).toContain("b) Phấn đấu 100% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng trước ngày 31/12/2026.");
    // numbering goes on across levels: the second top-level item restarts the levels below it
    expect(lines).toContain("**II. NHIỆM VỤ VÀ GIẢI PHÁP**");
    expect(lines).toContain("1. Hoàn thiện hạ tầng số");
    expect(lines).toContain("**III. TỔ CHỨC THỰC HIỆN**");
  });

  it("turns the task table into rows the extractors read", async () => {
    const r = await ingest(read("docx", "numbering.docx"), { name: "numbering.docx" });
    expect(r.text).toContain("| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n| 1 | Rà soát hạ tầng mạng và thiết bị | Văn phòng - Thống kê | Công an xã | Quý II/2026 |");
  });

  it("gives the same section paths as the typed version of the plan", async () => {
    const paths = (x: Awaited<ReturnType<typeof extract>>) => {
      const out: string[] = [];
      const walk = (ns: typeof x.sections) => ns.forEach((n) => (out.push(`${n.path.join(" > ")} | ${n.title}`), walk(n.children)));
      walk(x.sections);
      return out;
    };
    const fromDocx = await extract(read("docx", "numbering.docx"), { name: "numbering.docx" });
    const typed = await extract(read("docx", "numbering.txt"), { name: "numbering.txt" });
    expect(paths(typed).length).toBeGreaterThanOrEqual(8);
    expect(paths(fromDocx)).toEqual(paths(typed));
  });

  it("reports the .VnTime font and its TCVN3 text decodes to the typed Unicode", async () => {
    const r = await ingest(read("docx", "vntime.docx"), { name: "vntime.docx" });
    expect(r.fonts).toContain(".VnTime");
    const x = await extract(read("docx", "vntime.docx"), { name: "vntime.docx" });
    const want = readFileSync(fx("docx", "vntime.txt"), "utf8").split("\n").filter(Boolean);
    // TCVN3 has no toned capitals: compare letters, not case
    expect(x.text.toLowerCase().split("\n")).toEqual(want.map((l) => l.toLowerCase()));
  });
});

describe("DOCX packages written by other producers", () => {
  const seed = "000_bdb84c189a81ae0c";
  const keys = async (bytes: Uint8Array, name: string) => (await extract(bytes, { name })).citations.map((c) => c.key).sort();
  it("another namespace prefix (ns0:) and Strict OOXML under it are read through mammoth, with a warning, and give the seed's citations", async () => {
    const want = await keys(read("seeds", `${seed}.txt`), "typed.txt");
    expect(want.length).toBeGreaterThan(3);
    for (const variant of ["ns0", "strict-ns0"]) {
      const bytes = read("docx", `${seed}.${variant}.docx`);
      const r = await ingest(bytes, { name: `${variant}.docx` });
      expect(r.format).toBe("docx");
      expect(r.warnings.join(" ")).toMatch(/read through mammoth .*list numbers/);
      expect(r.text).toContain("**KẾ HOẠCH**\n**triển khai thực hiện phong trào thi đua yêu nước năm 2023**");
      expect(await keys(bytes, `${variant}.docx`)).toEqual(want);
    }
  });

  it("Strict OOXML under the w: prefix is read directly, as the transitional package is", async () => {
    const strict = await ingest(read("docx", `${seed}.strict.docx`), { name: "strict.docx" });
    const transitional = await ingest(read("docx", `${seed}.docx`), { name: "t.docx" });
    expect(strict.warnings).toEqual([]);
    expect(strict.text).toBe(transitional.text);
  });

  it("an ordered HTML list is numbered as a browser shows it", async () => {
    const html = '<html><body><ol type="I"><li><b>MỤC ĐÍCH</b></li><li><b>NHIỆM VỤ</b><ol type="a" start="2"><li>Rà soát hạ tầng</li></ol></li></ol><ol><li>Mục đích</li></ol></body></html>';
    const r = await ingest(Buffer.from(html), { name: "list.html" });
    expect(r.text.split("\n").filter(Boolean)).toEqual(["**I. MỤC ĐÍCH**", "**II. NHIỆM VỤ**", "b. Rà soát hạ tầng", "1. Mục đích"]);
  });
});

describe("DOCX footnotes, endnotes and text boxes", () => {
  it("notes follow the body as [n] paragraphs, numbered in order of reference, and land in the notes region", async () => {
    const r = await ingest(read("docx", "notes.docx"), { name: "notes.docx" });
    const paras = r.text.split("\n\n");
    expect(paras).toContain("Triển khai đồng bộ các nhiệm vụ chuyển đổi số theo Nghị quyết số 57-NQ/TW[2] và Kế hoạch của tỉnh[3].");
    expect(paras.slice(-3)).toEqual([
      "[1] Mục này áp dụng cho các xã sau sắp xếp.",
      "[2] Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
      "[3] Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh.",
    ]);
    const x = await extract(read("docx", "notes.docx"), { name: "notes.docx" });
    const noted = x.citations.filter((c) => c.section === "notes").map((c) => c.key.split("@")[0]);
    expect(noted.sort()).toEqual(["kh:12:ubnd", "nq:57:tw"]);
  });

  it("a text box is read once, not again from its VML fallback", async () => {
    const r = await ingest(read("docx", "notes.docx"), { name: "notes.docx" });
    expect(r.text.split("Số: 15/KH-UBND").length).toBe(2);
  });
});

describe("RTF", () => {
  it("decodes each font by its charset: a Central European font's đ and ă are not ð and ã", async () => {
    const r = await ingest(read("rtf", "charset-ce.rtf"), { name: "charset-ce.rtf" });
    expect(r.text).toBe("Đăng ký kế hoạch đột xuất: Đề nghị các phòng chủ động triển khai.");
  });

  it("passes the bytes of a legacy Vietnamese font through for the legacy decoder", async () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fcharset0 Times New Roman;}{\\f1\\fcharset238 .VnTime;}}\\pard\\f1 K\\'b7 ho\\'b9ch\\par}";
    const r = await ingest(Buffer.from(rtf, "latin1"), { name: "a.rtf" });
    expect(r.fonts).toEqual([".VnTime"]);
    expect(r.text).toBe("K\u00b7 ho\u00b9ch");
  });
});

describe("DOC and RTF made from a seed", () => {
  const citations = async (bytes: Uint8Array, name: string) => (await extract(bytes, { name })).citations.map((c) => c.key).sort();
  it.skipIf(!existsSync(fx("doc", "000_bdb84c189a81ae0c.doc")))("find the same citations as the seed's text", async () => {
    const want = await citations(read("seeds", "000_bdb84c189a81ae0c.txt"), "000.txt");
    expect(want.length).toBeGreaterThan(3);
    expect(await citations(read("doc", "000_bdb84c189a81ae0c.doc"), "000.doc")).toEqual(want);
    expect(await citations(read("rtf", "000_bdb84c189a81ae0c.rtf"), "000.rtf")).toEqual(want);
  });
});

describe("spreadsheets", () => {
  for (const f of ["tasks.xlsx", "tasks.xls"]) {
    it(`${f}: each sheet is a heading and its rows are table rows`, async () => {
      const r = await ingest(read("xlsx", f), { name: f });
      expect(r.format).toBe(f.endsWith("x") ? "xlsx" : "xls");
      expect(r.text.split("\n")).toEqual(
        expect.arrayContaining(["## Nhiệm vụ", "| 3 | Tuyên truyền về chuyển đổi số | Văn hóa - Xã hội | Ủy ban Mặt trận Tổ quốc Việt Nam xã | Cả năm 2026 |"]),
      );
    });
  }
});

describe("HTML", () => {
  it("keeps the document body and drops navigation, scripts, header and footer", async () => {
    const r = await ingest(read("html", "portal.html"), { name: "portal.html" });
    expect(r.text).toContain("**KẾ HOẠCH**\n**triển khai thực hiện phong trào thi đua yêu nước năm 2023**");
    expect(r.text).toContain("Căn cứ Chỉ thị số 01-CT/UBND, ngày 12/01/2023");
    for (const junk of ["Trang chủ", "var menu", "Bản quyền", "CỔNG THÔNG TIN", "Văn bản mới"]) expect(r.text).not.toContain(junk);
  });
});

describe("text encodings", () => {
  const sentence = "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2024.";
  it("UTF-8 with and without BOM, UTF-16 with and without BOM", () => {
    const utf16le = Buffer.from(sentence, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence)]))).toEqual({ text: sentence, encoding: "utf-8" });
    expect(decodeText(Buffer.from(sentence))).toEqual({ text: sentence, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]))).toEqual({ text: sentence, encoding: "utf-16le" });
    expect(decodeText(utf16le)).toEqual({ text: sentence, encoding: "utf-16le" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]))).toEqual({ text: sentence, encoding: "utf-16be" });
  });

  it("Windows-1258, whose tones are combining bytes after the vowel", () => {
    const byChar = new Map<string, number>();
    const dec = new TextDecoder("windows-1258");
    for (let b = 0x20; b < 256; b++) byChar.set(dec.decode(Uint8Array.of(b)), b);
    const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
    const bytes = [...sentence].flatMap((c) => {
      if (byChar.has(c)) return [byChar.get(c)!];
      const d = c.normalize("NFD");
      const tone = TONES.exec(d)![0];
      return [byChar.get(d.replace(tone, "").normalize("NFC"))!, byChar.get(tone)!];
    });
    expect(bytes.every((b) => b !== undefined)).toBe(true);
    expect(decodeText(Uint8Array.from(bytes))).toEqual({ text: sentence, encoding: "windows-1258" });
  });

  it("legacy 8-bit bytes reach normalize as Windows-1252 characters", () => {
    // TCVN3 "Kế hoạch": K Õ h o ¹ c h
    expect(decodeText(Uint8Array.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68]))).toEqual({ text: "KÕ ho¹ch", encoding: "windows-1252" });
  });
});

describe("PDF", () => {
  it("carries page numbers, drops the printed page numbers and joins wrapped lines", async () => {
    const r = await ingest(read("pdf", "001_b71d370d0e19e38a.pdf"), { name: "001.pdf" });
    expect(r.pages.length).toBeGreaterThan(3);
    expect(r.pages.map((p) => p.page)).toEqual(r.pages.map((_, i) => i + 1));
    for (const p of r.pages) expect(r.text.slice(p.start, p.end).split("\n")).not.toContain(String(p.page));
    const x = await extract(read("pdf", "001_b71d370d0e19e38a.pdf"), { name: "001.pdf" });
    const pages = new Set(x.citations.map((c) => c.page));
    expect(pages.has(null)).toBe(false);
    expect(Math.max(...(pages as Set<number>))).toBeGreaterThan(2);
  });

  const tcvn3Pdf = join(repo, "..", "shared", "benchmarks", "viparse-corpus", "corpus", "public-domain", "tcvn3", "2006-16EZE_TT01.06GopvonDNNVV.pdf");
  it.skipIf(!hasPoppler || !existsSync(tcvn3Pdf))("keeps the TCVN3 letter ư (byte 0xAD) of a legacy-font PDF", async () => {
    const r = await ingest(readFileSync(tcvn3Pdf), { name: "tt01.pdf" });
    expect(r.fonts).toContain(".VnTime");
    expect(r.text).toContain("\u00ad"); // "ư" as Windows-1252 shows the byte
    const x = await extract(readFileSync(tcvn3Pdf), { name: "tt01.pdf" });
    expect(x.text).toContain("Ngân hàng Nhà nước");
  });
});

describe("PDF whose font maps glyph numbers to Unicode one for one", () => {
  const original = join(repo, "..", "shared", "originals", "13_KH-1105-DKT-ke-hoach-kiem-tra.pdf");
  it.skipIf(!existsSync(original))("is reported as garbled, page by page, and left to OCR", async () => {
    const r = await ingest(readFileSync(original), { name: "13.pdf", ocr: "never" });
    expect(r.warnings.join("\n")).toMatch(/text layer of pages 1, 2, .* is garbled .*; OCR is off/);
    // a clean PDF is not
    const clean = await ingest(read("pdf", "001_b71d370d0e19e38a.pdf"), { name: "001.pdf", ocr: "never" });
    expect(clean.warnings).toEqual([]);
  });
});

describe("bad files give one-line errors naming the file and the reason", () => {
  const fail = async (bytes: Uint8Array, name: string) => {
    try {
      await ingest(bytes, { name });
    } catch (err) {
      expect(err).toBeInstanceOf(VnplanError);
      const line = (err as VnplanError).toLine();
      expect(line).not.toContain("\n");
      expect(line.startsWith(`${name}: `)).toBe(true);
      return line;
    }
    throw new Error("no error");
  };
  it("empty", async () => {
    expect(await fail(new Uint8Array(0), "empty.docx")).toMatch(/empty/);
  });
  it("truncated DOCX", async () => {
    const docx = read("docx", "numbering.docx");
    expect(await fail(docx.subarray(0, Math.floor(docx.length / 2)), "cut.docx")).toMatch(/truncated|corrupt/);
  });
  it("corrupt DOC", async () => {
    const doc = Buffer.from(read("doc", "000_bdb84c189a81ae0c.doc"));
    doc.fill(0x41, 600, doc.length - 600);
    expect(await fail(doc, "broken.doc")).toMatch(/corrupt|could not be read/);
  });
  it("truncated and encrypted PDF", async () => {
    const pdf = read("pdf", "004_87e88c7bcc850968.pdf");
    expect(await fail(pdf.subarray(0, 2000), "cut.pdf")).toMatch(/truncated|corrupt/);
    if (existsSync(fx("hostile", "encrypted.pdf"))) expect(await fail(read("hostile", "encrypted.pdf"), "locked.pdf")).toMatch(/encrypted|password/);
  });
  it("a ZIP container whose declared sizes exceed the limit is refused before inflating", () => {
    expect(() => openZip(read("docx", "numbering.docx"), 1000)).toThrow(/expand beyond the limit/);
  });
});
