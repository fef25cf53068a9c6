#!/usr/bin/env node
// Writes the hostile-file set: broken, malicious and oddly named inputs that
// vnplan must refuse (or read) with a clear one-line error, in bounded time and
// memory. Small files are committed under fixtures/hostile/; large ones are
// generated into fixtures/hostile/large/ (not committed).
//
//   node scripts/make-hostile.mjs            # the committed set
//   node scripts/make-hostile.mjs --large    # plus the large set (zip bombs, 10,000-page PDF)
//   node scripts/make-hostile.mjs --huge     # plus a 200 MB text file
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { constants, crc32, deflateRawSync } from "node:zlib";

export const HOSTILE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "hostile");
export const LARGE_DIR = join(HOSTILE_DIR, "large");

/** A short plan in the usual layout, for the oddly named files. */
export const PLAN_TEXT = `ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Tổ chức kiểm tra công tác phòng cháy, chữa cháy năm 2025

Căn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001;
Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện,
Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao ý thức của cán bộ và nhân dân về phòng cháy, chữa cháy.
2. Kiểm tra 100% cơ sở kinh doanh trên địa bàn trước ngày 30/6/2025.

II. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì, phối hợp với các thôn thực hiện kiểm tra, báo cáo kết quả trước ngày 15/7/2025.
2. Văn phòng UBND xã theo dõi, tổng hợp.

Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
`;

/** File names that must stay inside --out-dir: spaces, Vietnamese letters (NFC and NFD), quotes, dots. */
export const ODD_NAMES = [
  "kế hoạch số 12 - UBND xã.txt",
  "ke\u0302\u0301 hoa\u0323ch NFD.txt",
  `bản "chính thức" 'v2'.txt`,
  "..txt",
  "...txt",
  "..%2F..%2Fescape.txt",
  "-leading dash.txt",
];

// ---------- ZIP writing (stored or deflated entries, honest or lying sizes) ----------

/** entries: {name, data?: Buffer, raw?: Buffer (already deflated), size?: number, declaredSize?: number, crc?: number} */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const raw = e.raw ?? deflateRawSync(e.data);
    const size = e.declaredSize ?? e.size ?? e.data.length;
    const crc = e.crc ?? (e.data ? crc32(e.data) : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, raw);
    centrals.push(central, name);
    offset += 30 + name.length + raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`;
const DOC_CLOSE = `</w:t></w:r></w:p></w:body></w:document>`;

/**
 * A deflate stream expanding to `mib` MiB of "A": one fully flushed block of
 * 1 MiB repeated (a full flush resets the window, so copies decode alike).
 */
function bombStream(mib) {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x41), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts = [deflateRawSync(Buffer.from(DOC_OPEN), { finishFlush: constants.Z_FULL_FLUSH })];
  for (let i = 0; i < mib; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(DOC_CLOSE)));
  return { raw: Buffer.concat(parts), size: DOC_OPEN.length + mib * (1 << 20) + DOC_CLOSE.length };
}

function docxParts(documentEntry) {
  return [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    ...(documentEntry ? [documentEntry] : []),
  ];
}

// ---------- PDF writing ----------

/** A PDF written by hand: `pages` empty pages, with the page tree in plain view. */
export function emptyPagesPdf(pages) {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", null];
  const kids = [];
  for (let i = 0; i < pages; i++) {
    kids.push(`${i + 3} 0 R`);
    objects.push("<< /Type /Page /Parent 2 0 R >>");
  }
  objects[1] = `<< /Type /Pages /Count ${pages} /MediaBox [0 0 595 842] /Kids [${kids.join(" ")}] >>`;
  return pdfFromObjects(objects);
}

function pdfFromObjects(objects) {
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function pdfkitPdf(options, draw) {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0), ModDate: new Date(0) }, ...options });
  const chunks = [];
  doc.on("data", (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", resolve));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

async function planPdf(options = {}) {
  return pdfkitPdf(options, (doc) => {
    if (existsSync(DEJAVU)) doc.font(DEJAVU);
    doc.fontSize(11).text(existsSync(DEJAVU) ? PLAN_TEXT : PLAN_TEXT.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d"));
  });
}

/** A deterministic pseudo-random byte stream (xorshift), so committed files do not change. */
function noise(n, seed = 0x9e3779b9) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

// ---------- the sets ----------

export async function makeSmall(dir = HOSTILE_DIR) {
  mkdirSync(join(dir, "names"), { recursive: true });
  const files = {
    "missing-parts.docx": zip(docxParts(null)),
    "not-a-docx.docx": zip([{ name: "readme.txt", data: Buffer.from("Đây là một tệp nén bình thường, không phải văn bản Word.\n") }, { name: "photo.jpg", data: noise(2048) }]),
    "corrupt.docx": zip(docxParts({ name: "word/document.xml", data: Buffer.from(DOC_OPEN + "Kế hoạch" + DOC_CLOSE) })).subarray(0, 300),
    "encrypted.pdf": await planPdf({ userPassword: "matkhau", ownerPassword: "chusohuu" }),
    "truncated.pdf": (await planPdf()).subarray(0, 1500),
    // An OLE signature followed by plan text: a header whose fields, trusted, send a reader allocating without end.
    "broken-ole.doc": Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from(")\u00a0\n\nQuyết định số 123/QĐ-UBND ngày 05/3/2025")]),
    "garbage-text.pdf": await pdfkitPdf({}, (doc) => {
      // Text drawn with glyphs that spell nothing: what a broken font encoding leaves in a text layer.
      const symbols = "¤¦§¨©ª«¬®¯°±²³µ¶·¸¹º»¼½¾¿×÷ÞßþðÐ{}[]<>|~^`@#$%&*";
      const r = noise(6000, 7);
      let s = "";
      for (let i = 0; i < r.length; i++) s += i % 60 === 59 ? "\n" : i % 7 === 6 ? " " : symbols[r[i] % symbols.length];
      doc.fontSize(10).text(s);
    }),
    "empty.txt": Buffer.alloc(0),
    "noise.txt": noise(64 * 1024, 42),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  for (const name of ODD_NAMES) writeFileSync(join(dir, "names", name), PLAN_TEXT);
  return Object.keys(files).map((f) => join(dir, f));
}

export async function makeLarge(dir = LARGE_DIR) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ".gitignore"), "*\n");
  // 2 GiB of document.xml in about 2 MB, with honest sizes in the central directory.
  const honest = bombStream(2048);
  writeFileSync(join(dir, "bomb.docx"), zip(docxParts({ name: "word/document.xml", raw: honest.raw, size: honest.size, crc: 0 })));
  // The same stream, declared as 4 KB: only a capped inflate catches it.
  const lying = bombStream(512);
  writeFileSync(join(dir, "bomb-lying.docx"), zip(docxParts({ name: "word/document.xml", raw: lying.raw, declaredSize: 4096, crc: 0 })));
  writeFileSync(join(dir, "empty-pages.pdf"), emptyPagesPdf(10_000));
}

/** A text file of `mib` MiB of plan text, written in chunks so memory stays flat. */
export async function makeHugeText(path = join(LARGE_DIR, "huge.txt"), mib = 200) {
  mkdirSync(dirname(path), { recursive: true });
  const chunk = Buffer.from(PLAN_TEXT.repeat(Math.ceil((1 << 20) / Buffer.byteLength(PLAN_TEXT)))).subarray(0, 1 << 20);
  const out = createWriteStream(path);
  for (let i = 0; i < mib; i++) if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
  await new Promise((r) => out.end(r));
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  await makeSmall();
  if (args.includes("--large") || args.includes("--huge")) await makeLarge();
  if (args.includes("--huge")) await makeHugeText();
  console.log(`hostile files written to ${HOSTILE_DIR}`);
}
