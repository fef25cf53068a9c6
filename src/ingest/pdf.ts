// PDF via pdf-parse (pdf.js): text items are laid out into lines by their
// positions, lines into paragraphs by spacing and indentation, so a wrapped
// paragraph comes out as one line as in a typed text. Running headers and
// footers (the same line at the top or bottom of most pages, page numbers
// aside) and bare page numbers are dropped. Pages without a text layer are
// read by OCR when it is available.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFParse } from "pdf-parse";
import { paragraph } from "./markdown.js";
import { OCR_INSTALL_HINT, ocrUnavailable, openOcr, type OcrSession } from "./ocr.js";
import type { Ingested, IngestedPage } from "./types.js";
import { Unreadable } from "./unreadable.js";
import { scanFontNames } from "./fonts.js";

export interface PdfOptions {
  ocr: "auto" | "always" | "never";
  maxPages: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  h: number;
}

const run = promisify(execFile);

/** Fewer visible characters than this and a page counts as having no text layer. */
const MIN_TEXT_CHARS = 16;

interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(params?: { disableNormalization?: boolean }): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | object)[] }>;
    cleanup(): void;
  }>;
}

export async function ingestPdf(bytes: Uint8Array, options: PdfOptions): Promise<Ingested> {
  const warnings: string[] = [];
  const fonts = scanFontNames(bytes);
  // pdf.js drops U+00AD, the TCVN3 byte of "ư", from legacy-font text: poppler keeps it, so
  // legacy-font PDFs are read with pdftotext when it is installed.
  const poppler = fonts.length ? await popplerPages(bytes, options.maxPages) : null;
  if (fonts.length && !poppler) warnings.push(`legacy-font PDF read without pdftotext: the letter "ư" may be lost (${OCR_INSTALL_HINT.replace(/, tesseract.*$/, "")})`);
  const pageLines: Line[][] = poppler ? poppler.map(textLines) : await pdfjsLines(bytes, options.maxPages);
  const garbledPages = pageLines.map((lines, i) => (garbled(lines) ? i + 1 : 0)).filter(Boolean);
  if (garbledPages.length)
    warnings.push(`the text layer of page${garbledPages.length > 1 ? "s" : ""} ${garbledPages.join(", ")} is garbled (a font without a correct Unicode map)${options.ocr === "never" ? "; OCR is off" : ": read by OCR instead"}`);
  const scanned = pageLines
    .map((lines, i) => (options.ocr === "always" || visibleChars(lines) < MIN_TEXT_CHARS || garbledPages.includes(i + 1) ? i + 1 : 0))
    .filter(Boolean);
  const ocrText = new Map<number, string>();
  if (scanned.length && options.ocr !== "never") {
    const why = ocrUnavailable();
    if (why) warnings.push(`page${scanned.length > 1 ? "s" : ""} ${scanned.join(", ")} ha${scanned.length > 1 ? "ve" : "s"} no text layer and could not be read: ${why}`);
    else {
      let session: OcrSession | null = null;
      try {
        session = await openOcr(bytes);
        for (const n of scanned) ocrText.set(n, await session.page(n));
      } finally {
        await session?.close();
      }
    }
  } else if (scanned.length) warnings.push(`page${scanned.length > 1 ? "s" : ""} ${scanned.join(", ")} ha${scanned.length > 1 ? "ve" : "s"} no text layer (OCR is off)`);
  const out = assemble(pageLines, ocrText, warnings, !!poppler);
  return { ...out, text: fonts.length ? legacyGlyphsToBytes(out.text) : out.text, fonts };
}

/** Each page's text items laid out into lines, by pdf.js. */
async function pdfjsLines(bytes: Uint8Array, maxPages: number): Promise<Line[][]> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const doc = (await (parser as unknown as { load(): Promise<PdfDoc> }).load()) as PdfDoc;
    if (doc.numPages > maxPages) throw new Unreadable(`the PDF has ${doc.numPages} pages, over the limit of ${maxPages}`);
    const pageLines: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // no Unicode normalization: legacy-font text must keep its code points (µ, not μ) for the legacy decoder
      const content = await page.getTextContent({ disableNormalization: true });
      pageLines.push(layoutLines(content.items.filter((i): i is { str: string; transform: number[]; width: number; height: number } => "str" in i)));
      page.cleanup();
    }
    return pageLines;
  } finally {
    await parser.destroy();
  }
}

// Legacy-font PDFs name some glyphs after symbols (the ư byte 0xAD as "minus",
// the ã byte 0xB7 as a bullet operator); map them back to their Windows-1252
// characters, one for one, so the legacy decoder sees the original bytes.
const LEGACY_GLYPHS: Record<string, string> = { "\u2212": "\u00ad", "\u2219": "\u00b7" };
function legacyGlyphsToBytes(text: string): string {
  return text.replace(/[\u2212\u2219]/g, (c) => LEGACY_GLYPHS[c]);
}

/**
 * Letters of other scripts (Cyrillic, Armenian) inside Latin words: what a
 * Vietnamese font's glyph numbers look like when a PDF maps them to Unicode
 * one for one (Word's exports with a broken ToUnicode table).
 */
function garbled(lines: Line[]): boolean {
  let letters = 0;
  let foreign = 0;
  for (const l of lines) {
    for (const m of l.text.matchAll(/\p{L}/gu)) {
      letters++;
      const c = m[0].charCodeAt(0);
      if (c >= 0x0400 && c <= 0x058f) foreign++;
    }
  }
  return letters >= 40 && foreign >= letters * 0.03;
}

function visibleChars(lines: Line[]): number {
  let n = 0;
  for (const l of lines) n += l.text.replace(/\s/g, "").length;
  return n;
}

/** Groups text items into lines (same baseline), left to right, top to bottom. */
export function layoutLines(raw: { str: string; transform: number[]; width: number; height: number }[]): Line[] {
  const items: Item[] = raw
    .filter((i) => i.str.length)
    .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], w: i.width, h: Math.abs(i.height || i.transform[3]) || 10 }));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of items) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(cur[0].y - it.y) <= Math.max(2, 0.4 * Math.min(cur[0].h, it.h))) cur.push(it);
    else lines.push([it]);
  }
  return lines.map((items) => {
    items.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    const lineH = Math.max(...items.map((i) => i.h));
    for (const it of items) {
      // a wide run of spaces is a column gap as much as an empty stretch is
      if (!it.str.trim() && it.w > 2.5 * lineH) {
        if (text) text = `${text.trimEnd()}\t`;
        end = it.x + it.w;
        continue;
      }
      const gap = it.x - end;
      // a wide gap separates columns (signature and address blocks): a tab, as typed text has
      if (text && gap > 2.5 * lineH) text = `${text.trimEnd()}\t`;
      else if (text && gap > 0.2 * it.h && !/\s$/.test(text) && !/^\s/.test(it.str)) text += " ";
      if (text.endsWith("\t") && !it.str.trim()) continue;
      text += it.str;
      end = it.x + it.w;
    }
    return { text: text.replace(/\s+$/, ""), x: items[0].x, right: end, y: items[0].y, h: lineH };
  }).filter((l) => l.text.trim());
}

const key = (s: string) => s.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?)$/i;

/** Lines at the top or bottom of a page that repeat on most pages, and bare page numbers. */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => key(l.text)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const textPages = pages.filter((p) => p.length).length;
  const out = new Set<string>();
  if (textPages >= 3) for (const [k, c] of counts) if (c >= Math.max(3, textPages * 0.5)) out.add(k);
  return out;
}

/** Joins a wrapped line to the text before it; a break after "/" or after a number's hyphen ("03-") splits one token. */
function joinWrapped(cur: string, next: string): string {
  return /(?:\/|\d-)$/.test(cur) ? cur + next : `${cur} ${next}`;
}

interface PageParagraphs {
  paras: string[];
  /** The last line runs to the right margin without closing punctuation: the paragraph may go on over the page. */
  openEnd: boolean;
  /** The first line is not indented: it may continue the previous page's paragraph. */
  openStart: boolean;
}

/** Lines → paragraphs: a new paragraph after a wide gap, at an indented line or after a short line. */
function paragraphs(lines: Line[]): PageParagraphs {
  if (!lines.length) return { paras: [], openEnd: false, openStart: false };
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const heights = lines.map((l) => l.h).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)];
  // gaps smaller than a line are superscripts or split baselines, not line spacing
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0.6 * h).sort((a, b) => a - b);
  // the lower quartile: pages of short paragraphs have more paragraph gaps than line gaps
  const lineGap = gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0;
  const indented = (l: Line) => l.x > left + 1.2 * l.h; // first-line indent, or a centred line
  const out: string[] = [];
  let cur = "";
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const newPara =
      !prev ||
      prev.y - l.y > lineGap * 1.35 + 0.5 ||
      indented(l) ||
      prev.right < right - 2 * l.h || // the previous line ended short
      l.text.includes("\t") ||
      prev.text.includes("\t");
    if (newPara && cur) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? joinWrapped(cur, l.text.trim()) : l.text.trim();
  });
  if (cur) out.push(cur);
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    paras: out,
    openEnd: lines.length > 1 && last.right >= right - 2 * last.h && !last.text.includes("\t") && !/[.:;!?…]["”)]?$/.test(last.text.trim()),
    openStart: !indented(first) && !first.text.includes("\t"),
  };
}

/** OCR output: blank lines separate paragraphs; lines within one are joined. */
function ocrParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** Per-page text from poppler's pdftotext (reading order, blank lines between blocks); null when it is not installed. */
async function popplerPages(bytes: Uint8Array, maxPages: number): Promise<string[] | null> {
  const dir = await mkdtemp(join(tmpdir(), "vnplan-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    await writeFile(file, bytes);
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 256 * 1024 * 1024 });
    const out = stdout.split("\f");
    if (out.length > 1 && !out[out.length - 1].trim()) out.pop(); // the form feed after the last page
    if (out.length > maxPages) throw new Unreadable(`the PDF has ${out.length} pages, over the limit of ${maxPages}`);
    return out;
  } catch (err) {
    if (err instanceof Unreadable) throw err;
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftotext lines as Lines without geometry; blank lines stay as paragraph breaks. */
function textLines(page: string): Line[] {
  return page.split("\n").map((text) => ({ text: text.trimEnd(), x: 0, right: 0, y: 0, h: 0 }));
}

function assemble(pageLines: Line[][], ocrText: Map<number, string>, warnings: string[], blankLineBlocks = false): Ingested {
  const running = runningLines(pageLines.map((lines) => lines.filter((l) => l.text.trim())));
  let text = "";
  const pages: IngestedPage[] = [];
  let open = false; // the previous page ended inside a paragraph
  pageLines.forEach((lines, i) => {
    const n = i + 1;
    const ocr = ocrText.get(n);
    const visible = lines.filter((l) => l.text.trim());
    const edges = new Set([...visible.slice(0, 2), ...visible.slice(-2)]);
    const outermost = new Set([visible[0], visible[visible.length - 1]]);
    const kept = lines.filter((l) => !((edges.has(l) && running.has(key(l.text))) || (outermost.has(l) && PAGE_NUMBER.test(l.text.trim()))));
    const laid: PageParagraphs =
      ocr !== undefined
        ? { paras: ocrParagraphs(ocr), openEnd: false, openStart: false }
        : blankLineBlocks
          ? { paras: ocrParagraphs(kept.map((l) => l.text).join("\n")), openEnd: false, openStart: false }
          : paragraphs(kept);
    const paras = laid.paras.map((p) => paragraph({ text: p })).filter(Boolean);
    // a paragraph running over the page break is one paragraph; the page starts where its text does
    const goesOn = open && laid.openStart && paras.length > 0;
    if (text) text += goesOn ? (/(?:\/|\d-)$/.test(text) ? "" : " ") : "\n\n";
    const start = text.length;
    text += paras.join("\n\n");
    pages.push({ page: n, start, end: text.length, ocr: ocr !== undefined });
    open = paras.length > 0 ? laid.openEnd : open;
  });
  if (!text.trim() && !warnings.length) warnings.push("the PDF has no text");
  return { format: "pdf", text, pages, fonts: [], encoding: null, warnings };
}
