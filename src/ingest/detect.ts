// Format detection from content (magic bytes); the extension only breaks ties
// the content cannot (an OLE file is DOC, XLS or PPT by its streams).
import { extname } from "node:path";
import type { Format } from "../contract/schema.js";

/** Formats vnplan reads; "ppt" is read as text but reported under its own name. */
export type Detected = Format | "ppt" | "zip" | "ole";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, n: number): string {
  return String.fromCharCode(...bytes.subarray(0, Math.min(n, bytes.length)));
}

/** OLE stream names are UTF-16LE in the directory; finding one names the format. */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export function detectFormat(bytes: Uint8Array, name: string | null): Detected {
  const ext = name ? extname(name).toLowerCase().slice(1) : "";
  const head = ascii(bytes, 1024);
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, "WordDocument")) return "doc";
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
    if (hasUtf16(bytes, "PowerPoint Document")) return "ppt";
    if (hasUtf16(bytes, "EncryptedPackage")) return "ole"; // an encrypted OOXML file
    return ext === "xls" ? "xls" : ext === "ppt" ? "ppt" : "doc";
  }
  const lead = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (lead.startsWith("{\\rtf")) return "rtf";
  if (/^<(?:!doctype\s+html|html|\?xml[^>]{0,200}>\s*<html)/i.test(lead) || (/<html[\s>]/i.test(head) && /<(?:body|head)[\s>]/i.test(head))) return "html";
  if (ext === "htm" || ext === "html") return "html";
  return ext === "md" || ext === "markdown" ? "markdown" : "text";
}
