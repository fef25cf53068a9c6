// Builds the committed ingest fixtures from the seeds. Rerunnable:
//
//   npx tsx scripts/make-fixtures.ts
//
// Needs fonts-dejavu-core (a TTF covering Vietnamese); the OCR fixture needs
// poppler-utils (pdftoppm), the DOC and RTF conversions need LibreOffice
// (soffice); steps whose tool is missing are skipped with a message.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";
import {
  AlignmentType, BorderStyle, Document, EndnoteReferenceRun, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import PDFDocument from "pdfkit";
// @ts-expect-error: a plain ESM script without types
import { zip } from "./make-hostile.mjs";
import { TCVN3_ENCODE } from "../src/normalize/legacy/tables.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "fixtures");
const seedsDir = join(fixtures, "seeds");
const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const FONT = { regular: join(FONT_DIR, "DejaVuSerif.ttf"), bold: join(FONT_DIR, "DejaVuSerif-Bold.ttf"), italic: join(FONT_DIR, "DejaVuSerif-Italic.ttf") };
const FIXED_DATE = new Date("2026-01-01T00:00:00Z");

for (const d of ["pdf", "docx", "doc", "rtf", "xlsx", "html", "ocr"]) mkdirSync(join(fixtures, d), { recursive: true });

// ---- the seeds' light markdown as paragraphs of styled runs -------------------------------

interface Run { text: string; bold: boolean; italic: boolean }
/** A paragraph: its lines (hard breaks inside it) of runs; a markdown heading's level; centred title lines. */
type Para = Run[][] & { heading?: number; centered?: boolean };

function runsOf(line: string): Run[] {
  const runs: Run[] = [];
  // a bullet "* " is text, not emphasis
  if (line.startsWith("* ")) return [{ text: "* ", bold: false, italic: false }, ...runsOf(line.slice(2))];
  // **bold** and *italic* spans; anything else is plain
  for (const m of line.matchAll(/\*\*([^*]+)\*\*|\*([^*]+)\*|([^*]+|\*)/g)) {
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true, italic: false });
    else if (m[2] !== undefined) runs.push({ text: m[2], bold: false, italic: true });
    else runs.push({ text: m[3], bold: false, italic: false });
  }
  // writers drop a run's leading space at a style change: keep it at the end of the run before
  for (let i = 1; i < runs.length; i++) {
    const lead = /^\s+/.exec(runs[i].text);
    if (lead) {
      runs[i - 1].text += " ";
      runs[i].text = runs[i].text.slice(lead[0].length);
    }
  }
  return runs.filter((r) => r.text);
}

function parseSeed(md: string): Para[] {
  const paras = md
    .replace(/\r/g, "")
    .split(/\n[ \t]*\n/)
    .map((block) => block.split("\n").map((l) => l.replace(/\s+$/, "")).filter((l) => l.trim() && !/^-{3,}$/.test(l.trim())))
    .filter((lines) => lines.length)
    .map((lines) => {
      const heading = /^(#{1,6})\s+/.exec(lines[0]);
      const para: Para = lines.map((l) => runsOf(l.trim().replace(/^#{1,6}\s+/, "")));
      if (heading) para.heading = heading[1].length;
      return para;
    });
  // the bold lines above the first plain paragraph are the centred title block
  for (const p of paras) {
    if (!p.every((line) => line.every((r) => r.bold)) || p.heading) break;
    p.centered = true;
  }
  return paras;
}

// ---- PDF with a Vietnamese-covering font, page numbers at the top from page 2 ---------------

function writePdf(paras: Para[], file: string): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 72, bottom: 72, left: 85, right: 57 }, bufferPages: true, info: { CreationDate: FIXED_DATE, Title: basename(file) } });
  doc.registerFont("r", FONT.regular).registerFont("b", FONT.bold).registerFont("i", FONT.italic);
  const out = createWriteStream(file);
  doc.pipe(out);
  for (const para of paras) {
    const centered = !!para.centered;
    for (const line of para) {
      line.forEach((r, i) => {
        doc.font(r.bold ? "b" : r.italic ? "i" : "r").fontSize(12);
        doc.text(r.text, { continued: i < line.length - 1, align: centered ? "center" : "justify", indent: centered || i ? 0 : 28, lineGap: 2 });
      });
    }
    doc.moveDown(0.5);
  }
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(i);
    doc.font("r").fontSize(11).text(String(i + 1), 0, 36, { width: doc.page.width, align: "center", lineBreak: false });
  }
  doc.end();
  return new Promise((resolve) => out.on("finish", () => resolve()));
}

// ---- DOCX from the same paragraphs ---------------------------------------------------------

function docxParagraph(para: Para): Paragraph {
  const centered = !!para.centered;
  const children: TextRun[] = [];
  para.forEach((line, li) =>
    line.forEach((r, ri) => children.push(new TextRun({ text: r.text, bold: r.bold, italics: r.italic, font: "Times New Roman", size: 26, break: li > 0 && ri === 0 ? 1 : undefined }))),
  );
  const heading = para.heading ? (`Heading${para.heading}` as const) : undefined;
  return new Paragraph({ children, heading: heading && HeadingLevel[heading.replace("Heading", "HEADING_") as keyof typeof HeadingLevel], alignment: centered ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, spacing: { after: 120 } });
}

async function writeDocx(children: (Paragraph | Table)[], file: string, extra: ConstructorParameters<typeof Document>[0] extends infer O ? Partial<O> : never = {}): Promise<void> {
  const doc = new Document({ creator: "vnplan fixtures", ...extra, sections: [{ children }] });
  writeFileSync(file, await Packer.toBuffer(doc));
}

// ---- a plan whose section labels come from Word numbering, and its typed twin --------------

interface Item { level: 0 | 1 | 2; text: string }
const NUMBERED_PLAN: { title: string[]; intro: string; items: Item[]; table: string[][] } = {
  title: ["KẾ HOẠCH", "Triển khai công tác chuyển đổi số năm 2026"],
  intro: "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030; Ủy ban nhân dân xã ban hành Kế hoạch triển khai công tác chuyển đổi số năm 2026 như sau:",
  items: [
    { level: 0, text: "MỤC ĐÍCH, YÊU CẦU" },
    { level: 1, text: "Mục đích" },
    { level: 2, text: "Nâng cao nhận thức của cán bộ, công chức về vai trò của chuyển đổi số." },
    { level: 2, text: "Phấn đấu 100% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng trước ngày 31/12/2026." },
    { level: 1, text: "Yêu cầu" },
    { level: 2, text: "Triển khai đồng bộ, hiệu quả, bám sát chỉ đạo của Ủy ban nhân dân tỉnh." },
    { level: 0, text: "NHIỆM VỤ VÀ GIẢI PHÁP" },
    { level: 1, text: "Hoàn thiện hạ tầng số" },
    { level: 2, text: "Văn phòng - Thống kê chủ trì, phối hợp với Công an xã rà soát hạ tầng mạng, hoàn thành trong quý II năm 2026." },
    { level: 2, text: "Bảo đảm an toàn thông tin theo Luật An ninh mạng số 24/2018/QH14." },
    { level: 1, text: "Phát triển dịch vụ công trực tuyến" },
    { level: 2, text: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 80% trong năm 2026." },
    { level: 0, text: "TỔ CHỨC THỰC HIỆN" },
  ],
  table: [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
    ["1", "Rà soát hạ tầng mạng và thiết bị", "Văn phòng - Thống kê", "Công an xã", "Quý II/2026"],
    ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Bộ phận Một cửa", "Các công chức chuyên môn", "Trước ngày 30/9/2026"],
    ["3", "Tuyên truyền về chuyển đổi số", "Văn hóa - Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Cả năm 2026"],
  ],
};

function typedNumbered(): string {
  const counts = [0, 0, 0];
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
  const lines = NUMBERED_PLAN.title.map((t) => `**${t}**`);
  lines.push(NUMBERED_PLAN.intro);
  for (const it of NUMBERED_PLAN.items) {
    counts[it.level]++;
    for (let l = it.level + 1; l < 3; l++) counts[l] = 0;
    const label = it.level === 0 ? `${roman[counts[0] - 1]}.` : it.level === 1 ? `${counts[1]}.` : `${String.fromCharCode(96 + counts[2])})`;
    lines.push(`${label} ${it.text}`);
  }
  const rows = NUMBERED_PLAN.table.map((r) => `| ${r.join(" | ")} |`);
  return `${lines.join("\n\n")}\n\n${rows.join("\n")}\n`;
}

async function writeNumberedDocx(file: string): Promise<void> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const children: (Paragraph | Table)[] = [
    ...NUMBERED_PLAN.title.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true, font: "Times New Roman", size: 28 })] })),
    new Paragraph({ children: [new TextRun({ text: NUMBERED_PLAN.intro, font: "Times New Roman", size: 26 })] }),
    ...NUMBERED_PLAN.items.map(
      (it) => new Paragraph({ numbering: { reference: "plan", level: it.level }, children: [new TextRun({ text: it.text, bold: it.level === 0, font: "Times New Roman", size: 26 })] }),
    ),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: NUMBERED_PLAN.table.map(
        (r, i) => new TableRow({ children: r.map((c) => new TableCell({ borders, children: [new Paragraph({ children: [new TextRun({ text: c, bold: i === 0, font: "Times New Roman", size: 24 })] })] })) }),
      ),
    }),
  ];
  await writeDocx(children, file, {
    numbering: {
      config: [
        {
          reference: "plan",
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
  });
}

// ---- a DOCX typed in the TCVN3 font .VnTime (capitals lines in .VnTimeH) --------------------

function toTcvn3(s: string): string {
  // TCVN3 has no toned capitals: .VnTimeH draws the lowercase codes as capitals.
  return [...s.normalize("NFC")].map((c) => TCVN3_ENCODE.get(c) ?? TCVN3_ENCODE.get(c.toLowerCase()) ?? c).join("");
}

async function writeVnTimeDocx(paras: string[], file: string): Promise<void> {
  const children = paras.map((p) => {
    const caps = p === p.toUpperCase();
    return new Paragraph({ children: [new TextRun({ text: toTcvn3(caps ? p.toLowerCase() : p), font: caps ? ".VnTimeH" : ".VnTime", size: 26 })] });
  });
  await writeDocx(children, file);
}

// ---- DOCX packages other producers write: another namespace prefix, Strict OOXML; notes --------

/** Rewrites every XML part of a DOCX (read with the project's own ZIP reader). */
async function rewriteDocx(from: string, to: string, rewrite: (xml: string, name: string) => string): Promise<void> {
  const { openZip } = await import("../src/ingest/zip.js");
  const pkg = openZip(readFileSync(from), 1 << 30);
  const entries = pkg.names.map((name: string) => {
    const bytes = pkg.read(name)!;
    return { name, data: /\.(?:xml|rels)$/.test(name) ? Buffer.from(rewrite(new TextDecoder().decode(bytes), name)) : Buffer.from(bytes) };
  });
  writeFileSync(to, zip(entries));
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** As XML libraries serialise it (ElementTree's "ns0:"): same namespace, another prefix. */
const prefixed = (xml: string) =>
  xml.includes(`xmlns:w="${W_NS}"`)
    ? xml.replace(`xmlns:w="${W_NS}"`, `xmlns:ns0="${W_NS}"`).replace(/(<\/?)w:/g, "$1ns0:").replace(/(\s)w:(\w+=)/g, "$1ns0:$2")
    : xml;

/** Strict OOXML (ISO 29500 strict): the purl.oclc.org namespaces and relationship types. */
const strict = (xml: string) =>
  xml
    .replaceAll(W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    .replaceAll("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
    .replaceAll("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main");

/** A plan paragraph citing a decree in a footnote and a plan in an endnote, with a text box. */
async function writeNotesDocx(file: string): Promise<void> {
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: "Times New Roman", size: 26 });
  const children = [
    new Paragraph({ children: [run("KẾ HOẠCH", true)], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [run("Thực hiện chuyển đổi số năm 2026", true)], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [run("I. MỤC ĐÍCH, YÊU CẦU", true), new FootnoteReferenceRun(1)] }),
    new Paragraph({ children: [run("Triển khai đồng bộ các nhiệm vụ chuyển đổi số theo Nghị quyết số 57-NQ/TW"), new FootnoteReferenceRun(2), run(" và Kế hoạch của tỉnh"), new EndnoteReferenceRun(1), run(".")] }),
    new Paragraph({ children: [run("II. TỔ CHỨC THỰC HIỆN", true)] }),
    new Paragraph({ children: [run("Văn phòng - Thống kê chủ trì, phối hợp với các đơn vị liên quan triển khai Kế hoạch này.")] }),
  ];
  const doc = new Document({
    creator: "vnplan fixtures",
    footnotes: {
      1: { children: [new Paragraph({ children: [run("Mục này áp dụng cho các xã sau sắp xếp.")] })] },
      2: { children: [new Paragraph({ children: [run("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.")] })] },
    },
    endnotes: {
      1: { children: [new Paragraph({ children: [run("Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh.")] })] },
    },
    sections: [{ children }],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
  // the plan's number in a text box, as Word saves it: a DrawingML shape and its VML fallback
  const box = "<w:txbxContent><w:p><w:r><w:t>Số: 15/KH-UBND</w:t></w:r></w:p></w:txbxContent>";
  const textBox =
    `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="365760"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape style="width:144pt;height:28.8pt"><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  await rewriteDocx(file, file, (xml, name) => (name === "word/document.xml" ? xml.replace("<w:body>", `<w:body>${textBox}`) : xml));
}

// ---- spreadsheets, HTML, RTF with a Central European font -----------------------------------

function writeSheets(dir: string): void {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(NUMBERED_PLAN.table), "Nhiệm vụ");
  writeFileSync(join(dir, "tasks.xlsx"), XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }));
  writeFileSync(join(dir, "tasks.xls"), XLSX.write(wb, { type: "buffer", bookType: "biff8" }));
}

function writeHtml(paras: Para[], file: string): void {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = paras
    .map((p) => `<p>${p.map((line) => line.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : r.italic ? `<em>${esc(r.text)}</em>` : esc(r.text))).join("")).join("<br>")}</p>`)
    .join("\n");
  writeFileSync(
    file,
    `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin điện tử xã</title><style>p{margin:0}</style><script>var menu=["Trang chủ","Tin tức"];</script></head>\n<body><header><h1>CỔNG THÔNG TIN ĐIỆN TỬ</h1></header>\n<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li></ul></nav>\n<article>\n${body}\n</article>\n<aside>Văn bản mới: Kế hoạch số 12/KH-UBND</aside><footer>Bản quyền thuộc Ủy ban nhân dân xã</footer></body></html>\n`,
  );
}

/** An RTF whose Vietnamese letters sit in a Central European (fcharset 238) font: đ = \'f0, ă = \'e3 there. */
function writeCharsetRtf(file: string): void {
  const body = "\\u272?\\'e3ng k\\'fd k\\u7871? ho\\u7841?ch \\'f0\\u7897?t xu\\u7845?t: \\u272?\\u7873? ngh\\u7883? c\\'e1c ph\\u242?ng ch\\u7911? \\'f0\\u7897?ng tri\\u7875?n khai.";
  const rtf = `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\froman\\fcharset238 Times New Roman CE;}}\n\\pard\\f1\\fs26 ${body}\\par\n}\n`;
  writeFileSync(file, rtf);
}

// ---- conversions by system tools -------------------------------------------------------------

function have(cmd: string, args: string[]): boolean {
  return !spawnSync(cmd, args, { stdio: "ignore" }).error;
}

function imagePdf(pdf: string, out: string): void {
  const tmp = mkdtempSync(join(tmpdir(), "vnplan-fix-"));
  try {
    execFileSync("pdftoppm", ["-r", "200", "-mono", "-png", pdf, join(tmp, "p")]);
    const pages = readdirSync(tmp).filter((f) => f.endsWith(".png")).sort();
    const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, info: { CreationDate: FIXED_DATE } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    for (const p of pages) {
      doc.addPage({ size: "A4", margin: 0 });
      doc.image(join(tmp, p), 0, 0, { width: doc.page.width, height: doc.page.height });
    }
    doc.on("end", () => writeFileSync(out, Buffer.concat(chunks)));
    doc.end();
  } finally {
    setTimeout(() => rmSync(tmp, { recursive: true, force: true }), 2000);
  }
}

function soffice(input: string, to: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), "vnplan-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, input], { stdio: "ignore", timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---- main ---------------------------------------------------------------------------------------

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
const first = seeds[0].replace(/\.txt$/, "");
// "--packages": only the DOCX package variants and the notes DOCX
if (process.argv.includes("--packages")) {
  await writePackageVariants();
  process.exit(0);
}
async function writePackageVariants(): Promise<void> {
  const from = join(fixtures, "docx", `${first}.docx`);
  await rewriteDocx(from, join(fixtures, "docx", `${first}.ns0.docx`), prefixed);
  await rewriteDocx(from, join(fixtures, "docx", `${first}.strict.docx`), strict);
  await rewriteDocx(from, join(fixtures, "docx", `${first}.strict-ns0.docx`), (xml) => strict(prefixed(xml)));
  await writeNotesDocx(join(fixtures, "docx", "notes.docx"));
  console.log(`docx/${first}.ns0.docx, .strict.docx, .strict-ns0.docx, notes.docx`);
}
for (const f of seeds) {
  const stem = f.replace(/\.txt$/, "");
  const paras = parseSeed(readFileSync(join(seedsDir, f), "utf8"));
  await writePdf(paras, join(fixtures, "pdf", `${stem}.pdf`));
  await writeDocx(paras.map(docxParagraph), join(fixtures, "docx", `${stem}.docx`));
  console.log(`seed ${stem}: pdf, docx`);
}

await writeNumberedDocx(join(fixtures, "docx", "numbering.docx"));
writeFileSync(join(fixtures, "docx", "numbering.txt"), typedNumbered());
const vnTime = ["KẾ HOẠCH", "Triển khai thực hiện phong trào thi đua yêu nước năm 2023", "Căn cứ Chỉ thị số 01-CT/UBND, ngày 12/01/2023 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua yêu nước năm 2023."];
await writeVnTimeDocx(vnTime, join(fixtures, "docx", "vntime.docx"));
writeFileSync(join(fixtures, "docx", "vntime.txt"), `${vnTime.join("\n\n")}\n`);
await writePackageVariants();
writeSheets(join(fixtures, "xlsx"));
writeHtml(parseSeed(readFileSync(join(seedsDir, seeds[0]), "utf8")).slice(0, 12), join(fixtures, "html", "portal.html"));
writeCharsetRtf(join(fixtures, "rtf", "charset-ce.rtf"));
console.log("numbering.docx, vntime.docx, tasks.xlsx/.xls, portal.html, charset-ce.rtf");

const ocrSeed = seeds[seeds.length - 1].replace(/\.txt$/, "");
if (have("pdftoppm", ["-v"])) {
  imagePdf(join(fixtures, "pdf", `${ocrSeed}.pdf`), join(fixtures, "ocr", `${ocrSeed}.pdf`));
  console.log(`ocr/${ocrSeed}.pdf (image only)`);
} else console.log("pdftoppm not found: OCR fixture skipped (install poppler-utils)");

if (have("soffice", ["--version"])) {
  const tmp = mkdtempSync(join(tmpdir(), "vnplan-conv-"));
  soffice(join(fixtures, "docx", `${first}.docx`), "doc", tmp);
  soffice(join(fixtures, "docx", `${first}.docx`), "rtf", tmp);
  for (const [ext, dir] of [["doc", "doc"], ["rtf", "rtf"]] as const) {
    const out = join(tmp, `${first}.${ext}`);
    if (existsSync(out)) copyFileSync(out, join(fixtures, dir, `${first}.${ext}`));
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`doc/${first}.doc, rtf/${first}.rtf`);
} else console.log("soffice not found: DOC and RTF fixtures skipped (install libreoffice-writer-nogui)");
