// Checks run on a file's bytes before any parser sees them: cheap tests that
// refuse what would exhaust time or memory, or what no parser can read, with
// a reason the user can act on. ZIP expansion is bounded in zip.ts, which
// reads the central directory anyway.
import { VnplanError } from "../errors.js";
import { resolveLimits, tooLarge, type Limits } from "../limits.js";

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const PDF_EOF = Buffer.from("%%EOF", "latin1");
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Bytes at the end of a PDF searched for %%EOF: writers may append padding after it. */
const PDF_TAIL = 4096;
/** Bytes of a text file inspected for binary content. */
const TEXT_SAMPLE = 64 * 1024;

export function checkInput(bytes: Uint8Array, name: string | null, overrides: Partial<Limits> = {}): void {
  const limits = resolveLimits(overrides);
  const fail = (reason: string): never => {
    throw new VnplanError("read", reason, { file: name });
  };
  if (bytes.length === 0) fail("the file is empty");
  if (bytes.length > limits.maxBytes) throw tooLarge(bytes.length, limits, name);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, PDF_MAGIC)) return checkPdf(buf, limits, fail);
  if (startsWith(buf, OLE_MAGIC)) return checkOle(buf, fail);
  if (looksLikeText(buf)) return;
  if (isBinaryNoise(buf)) fail("the file holds binary data, not text or a known document format");
}

function checkPdf(buf: Buffer, limits: Limits, fail: (reason: string) => never): void {
  if (buf.indexOf(PDF_EOF, Math.max(0, buf.length - PDF_TAIL)) < 0) fail("the PDF is truncated (it has no %%EOF end marker)");
  const pages = declaredPages(buf);
  if (pages !== null && pages > limits.maxPages)
    fail(`the PDF has ${pages} pages, over the limit of ${limits.maxPages} (raise it with --max-pages)`);
}

/**
 * An OLE compound file (DOC, XLS, PPT) must have a sane header and room for the
 * sectors it declares: the OLE readers trust these fields, and a broken header
 * can send them allocating without end.
 */
function checkOle(buf: Buffer, fail: (reason: string) => never): void {
  const broken = (why: string) => fail(`the Word/Excel 97–2003 file is damaged or truncated (${why})`);
  if (buf.length < 512) broken("shorter than its 512-byte header");
  const major = buf.readUInt16LE(0x1a);
  const shift = buf.readUInt16LE(0x1e);
  if (buf.readUInt16LE(0x1c) !== 0xfffe) broken("bad byte-order mark");
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) broken("unknown version or sector size");
  if (buf.readUInt16LE(0x20) !== 6) broken("bad mini-sector size");
  const sector = 1 << shift;
  // The header fills the first sector; at least one FAT sector and one directory sector follow.
  const sectors = Math.floor((buf.length - sector) / sector);
  if (sectors < 2) broken("no room for its allocation table and directory");
  const fatSectors = buf.readUInt32LE(0x2c);
  if (fatSectors === 0 || fatSectors > sectors) broken(`declares ${fatSectors} allocation sectors in ${sectors}`);
  const directory = buf.readUInt32LE(0x30);
  if (directory >= sectors) broken("directory outside the file");
}

/**
 * The page count of the root page tree when it is written in plain view (the
 * largest /Count of a /Type /Pages dictionary); null when the page tree sits in
 * a compressed object stream, where the PDF parser's own page limit applies.
 */
function declaredPages(buf: Buffer): number | null {
  const text = buf.toString("latin1");
  let max: number | null = null;
  // Dictionaries are bounded by << >>; a /Pages dictionary's /Count is its page total.
  const re = /\/Type\s*\/Pages\b[^>]{0,400}?\/Count\s+(\d{1,9})|\/Count\s+(\d{1,9})[^>]{0,400}?\/Type\s*\/Pages\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1] ?? m[2]);
    if (max === null || n > max) max = n;
  }
  return max;
}

/** Byte-order marks, RTF, HTML and XML need no binary check. */
function looksLikeText(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  const head = buf.subarray(0, 16).toString("latin1").trimStart().toLowerCase();
  return head.startsWith("{\\rtf") || head.startsWith("<");
}

/** ZIP (DOCX, XLSX) and OLE (DOC, XLS) containers: binary formats the ingesters read. */
function isContainer(buf: Buffer): boolean {
  return (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) || (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0);
}

/**
 * Text in any encoding vnplan reads (UTF-8, Windows-1258, TCVN3, VNI, VISCII)
 * has no NUL bytes and few C0 controls; VISCII puts letters on six of them.
 */
function isBinaryNoise(buf: Buffer): boolean {
  if (isContainer(buf)) return false;
  const sample = buf.subarray(0, TEXT_SAMPLE);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && !ALLOWED_CONTROLS.has(b)) controls++;
  }
  return controls > sample.length * 0.01;
}

// Tab, LF, VT, FF, CR, SUB (DOS end of file), ESC, and the VISCII letters (0x02 0x05 0x06 0x14 0x19 0x1e).
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b, 0x02, 0x05, 0x06, 0x14, 0x19, 0x1e]);

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
