// ingest: bytes of any supported format → light-markdown text with pages.
// The format comes from the content (magic bytes); the extension only breaks ties.
import { VnplanError } from "../errors.js";
import { resolveLimits, type Limits } from "../limits.js";
import { detectFormat } from "./detect.js";
import { checkInput } from "./guards.js";
import { ingestDocx } from "./docx.js";
import { ingestDocxViaMammoth } from "./docx-mammoth.js";
import { ingestHtml } from "./html.js";
import { ingestRtf } from "./rtf.js";
import { ingestText } from "./text.js";
import type { Ingested } from "./types.js";
// The readers of PDF, DOC, PPT and spreadsheets load large libraries (pdf.js
// with its canvas, SheetJS): they are imported on first use, so that a process
// or worker that only meets text and DOCX starts without them.
const readers = {
  pdf: () => import("./pdf.js"),
  doc: () => import("./doc.js"),
  ppt: () => import("./ppt.js"),
  sheet: () => import("./sheet.js"),
};
import { Unreadable } from "./unreadable.js";
import { openZip, type Zip } from "./zip.js";

export type { Ingested, IngestedPage } from "./types.js";
export { detectFormat } from "./detect.js";

export interface IngestOptions {
  /** File name, for format hints and error messages. */
  name?: string | null;
  ocr?: "auto" | "always" | "never";
  /** Overrides of DEFAULT_LIMITS (size, pages, unzipped size, time). */
  limits?: Partial<Limits>;
}

export async function ingest(bytes: Uint8Array, options: IngestOptions = {}): Promise<Ingested> {
  const name = options.name ?? null;
  const limits = resolveLimits(options.limits);
  const fail = (reason: string, cause?: unknown) => new VnplanError("ingest", reason, { file: name, cause });
  if (bytes.length === 0) throw new VnplanError("read", "the file is empty", { file: name });
  checkInput(bytes, name, options.limits);
  const format = detectFormat(bytes, name);
  try {
    switch (format) {
      case "pdf":
        return await (await readers.pdf()).ingestPdf(bytes, { ocr: options.ocr ?? "auto", maxPages: limits.maxPages });
      case "zip": {
        const zip = openZip(bytes, limits.maxUnzippedBytes);
        if (isWordPackage(zip)) return await ingestWordPackage(zip, bytes);
        if (zip.names.includes("xl/workbook.xml")) return (await readers.sheet()).ingestSheet(bytes, "xlsx");
        throw fail("unsupported ZIP container (neither DOCX nor XLSX)");
      }
      case "ole":
        throw fail("the file is encrypted (password-protected Office document)");
      case "doc":
        return await (await readers.doc()).ingestDoc(bytes);
      case "xls":
      case "xlsx":
        return (await readers.sheet()).ingestSheet(bytes, format);
      case "ppt":
        return (await readers.ppt()).ingestPpt(bytes);
      case "rtf":
        return ingestRtf(bytes);
      case "html":
        return ingestHtml(bytes);
      default:
        return ingestText(bytes, format === "markdown");
    }
  } catch (err) {
    if (err instanceof VnplanError) throw err;
    if (err instanceof Unreadable) throw fail(err.message, err);
    throw fail(describe(err), err);
  }
}

/** A WordprocessingML package, by its usual main part or by its declared content type. */
function isWordPackage(zip: Zip): boolean {
  return zip.names.includes("word/document.xml") || /wordprocessingml\.document\.main\+xml/.test(zip.text("[Content_Types].xml") ?? "");
}

/** The direct reader first (it keeps Word's list formats); mammoth for packages it cannot read. */
async function ingestWordPackage(zip: Zip, bytes: Uint8Array): Promise<Ingested> {
  let why = zip.names.includes("word/document.xml") ? "its main part does not use the w: prefix" : "its main part is not word/document.xml";
  try {
    const direct = ingestDocx(zip);
    if (direct) return direct;
  } catch (err) {
    if (err instanceof Unreadable) throw err; // the container itself is broken: mammoth would fail too
    why = `the direct reader failed: ${describe(err)}`;
  }
  return ingestDocxViaMammoth(zip, bytes, why);
}

/** One-line reason for a parser's exception. */
function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : "";
  if (/password|encrypt/i.test(`${name} ${msg}`)) return "the file is encrypted";
  if (/invalid pdf|corrupt|bad xref|unexpected end|truncat|invalid|end of (?:file|data)|not a valid|eof/i.test(`${name} ${msg}`))
    return `the file is corrupt or truncated (${msg.split("\n")[0].slice(0, 120)})`;
  return `could not be read: ${msg.split("\n")[0].slice(0, 160)}`;
}
