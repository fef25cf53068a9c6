// DOC (Word 97–2003) via word-extractor: body, text boxes, footnotes and
// endnotes, with Word's own characters kept (no quote folding). Table rows
// (cells end with a tab) become markdown rows. Font names come from the
// document's font table so legacy encodings (.VnTime, VNI-Times) are found.
import WordExtractor from "word-extractor";
import { cfbStream, readCfb } from "./cfb.js";
import { scanFontNames } from "./fonts.js";
import { joinBlocks, tableRow } from "./markdown.js";
import type { Ingested } from "./types.js";

let extractor: WordExtractor | null = null;

export async function ingestDoc(bytes: Uint8Array): Promise<Ingested> {
  extractor ??= new WordExtractor();
  const doc = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const raw = { filterUnicode: false };
  const parts = [doc.getBody(raw), doc.getTextboxes({ ...raw, includeHeadersAndFooters: false }), doc.getFootnotes(raw), doc.getEndnotes(raw)];
  const text = joinBlocks(parts.flatMap((p) => blocksOf(p)));
  const warnings: string[] = [];
  let fonts: string[] = [];
  try {
    fonts = docFonts(bytes);
    if (!fonts.length) fonts = scanFontNames(bytes);
  } catch {
    fonts = scanFontNames(bytes);
    warnings.push("the font table could not be read; legacy encodings are detected from the text alone");
  }
  return { format: "doc", text, pages: [], fonts, encoding: null, warnings };
}

/** Lines of word-extractor output → blocks; a line ending in a cell mark (tab) is a table row. */
function blocksOf(text: string): { text: string; row?: boolean }[] {
  const out: { text: string; row?: boolean }[] = [];
  for (const line of text.split("\n")) {
    if (line.endsWith("\t") && line.trim().includes("\t")) out.push({ text: tableRow(line.replace(/\t$/, "").split("\t")), row: true });
    else if (line.endsWith("\t") && line.trim()) out.push({ text: tableRow([line.trim()]), row: true });
    else out.push({ text: line.trim() });
  }
  return out;
}

/** Font names from the SttbfFfn table (FIB fcSttbfFfn at 0x112) of a Word 97+ file. */
export function docFonts(bytes: Uint8Array): string[] {
  const cfb = readCfb(bytes);
  const word = cfbStream(cfb, "WordDocument");
  if (!word || word.length < 0x11a) return [];
  const flags = word.readUInt16LE(0x0a);
  const table = cfbStream(cfb, flags & 0x0200 ? "1Table" : "0Table");
  if (!table) return [];
  const fc = word.readUInt32LE(0x112);
  const lcb = word.readUInt32LE(0x116);
  if (!lcb || fc + lcb > table.length) return [];
  const sttb = table.subarray(fc, fc + lcb);
  let count = sttb.readUInt16LE(0);
  let p = 4;
  if (count === 0xffff) {
    count = sttb.readUInt16LE(2);
    p = 6;
  }
  const names = new Set<string>();
  for (let i = 0; i < count && p < sttb.length; i++) {
    const size = sttb[p] + 1;
    const ffn = sttb.subarray(p, p + size);
    // name: UTF-16LE, null-terminated, after the 40-byte FFN header
    let end = 40;
    while (end + 1 < ffn.length && (ffn[end] || ffn[end + 1])) end += 2;
    const name = ffn.subarray(40, end).toString("utf16le").trim();
    if (name) names.add(name);
    p += size;
  }
  return [...names];
}
