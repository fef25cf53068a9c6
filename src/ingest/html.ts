// HTML pages saved from portals (and Word's "Save as Web Page"): the document
// body without navigation, scripts and forms; paragraphs, headings, whole-bold
// paragraphs and table rows as light markdown; the items of an ordered list are
// numbered as a browser shows them (type, start), decimal by default. Font faces (".VnTime") are
// reported for the legacy decoder.
import { formatNumber } from "./docx.js";
import { joinBlocks, paragraph, tableRow } from "./markdown.js";
import { decodeText } from "./text.js";
import type { Ingested } from "./types.js";
import { tokenize } from "./xml.js";

const SKIP = new Set(["script", "style", "noscript", "nav", "header", "footer", "aside", "menu", "form", "select", "button", "iframe", "svg", "template", "head", "title"]);
const BLOCK = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "main", "pre", "hr", "dd", "dt", "center", "body", "table"]);
const BOLD = new Set(["b", "strong"]);
const LIST_TYPES: Record<string, string> = { I: "upperRoman", i: "lowerRoman", A: "upperLetter", a: "lowerLetter" };
// Named entities common in Vietnamese pages beyond XML's five (Latin-1 letters carry the vowels).
const NAMED: Record<string, string> = {
  nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’",
  bull: "•", middot: "·", copy: "©", reg: "®", deg: "°",
};
const LATIN1 = "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml".split(" ");
LATIN1.forEach((n, i) => (NAMED[n] = String.fromCharCode(0xc0 + i)));

function decodeNamed(s: string): string {
  return s.includes("&") ? s.replace(/&([a-zA-Z]{2,8});/g, (m, e: string) => NAMED[e] ?? m) : s;
}

/** The charset a page declares in a meta tag, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function ingestHtml(bytes: Uint8Array): Ingested {
  const charset = declaredCharset(bytes);
  let decoded = decodeText(bytes);
  if (charset && !/^utf-?8$/.test(charset) && decoded.encoding !== "utf-8" && !decoded.encoding.startsWith("utf-16")) {
    try {
      decoded = { text: new TextDecoder(charset).decode(bytes).normalize("NFC"), encoding: charset };
    } catch {
      // unknown label: keep the detected decoding
    }
  }
  const html = decoded.text;
  const hasMain = /<(?:main|article)[\s>]/i.test(html);
  const blocks: { text: string; row?: boolean }[] = [];
  const fonts = new Set<string>();
  let skip = 0;
  let inMain = hasMain ? 0 : 1;
  let boldDepth = 0;
  let heading = 0;
  let buf = "";
  let bold = 0;
  let plain = 0;
  let cells: string[] | null = null;
  let cell: string | null = null;
  const lists: { fmt: string | null; n: number }[] = []; // fmt null: unordered
  const flush = () => {
    if (cell !== null) return; // inside a table cell, text stays in the cell
    if (buf.trim()) blocks.push({ text: paragraph({ text: buf, heading: heading || undefined, strong: bold > 0 && plain === 0 }) });
    buf = "";
    bold = plain = 0;
  };
  const noteFonts = (attrs: Record<string, string>) => {
    const faces = [attrs.face ?? "", ...Array.from((attrs.style ?? "").matchAll(/font-family\s*:\s*([^;]{1,120})/gi), (m) => m[1])];
    for (const f of faces.join(",").split(",")) {
      const name = f.replace(/["']|&quot;/g, "").trim();
      if (name) fonts.add(name);
    }
  };
  for (const t of tokenize(html)) {
    if (t.kind === "open") {
      const name = t.name.toLowerCase();
      if (SKIP.has(name) && !t.selfClosing) skip++;
      if (name === "main" || name === "article") inMain++;
      if (skip || !inMain) continue;
      noteFonts(t.attrs);
      if (BOLD.has(name) && !t.selfClosing) boldDepth++;
      if (/^h[1-6]$/.test(name)) {
        flush();
        heading = Number(name[1]);
      } else if (name === "tr") cells = [];
      else if ((name === "td" || name === "th") && cells) {
        cell = "";
      } else if ((name === "ol" || name === "ul") && !t.selfClosing) {
        flush();
        const start = Number.parseInt(t.attrs.start ?? "1", 10);
        lists.push({ fmt: name === "ol" ? LIST_TYPES[t.attrs.type ?? ""] ?? "decimal" : null, n: (Number.isFinite(start) ? start : 1) - 1 });
      } else if (name === "li" && cell === null) {
        flush();
        const list = lists[lists.length - 1];
        if (list?.fmt) buf = `${formatNumber(++list.n, list.fmt)}. `;
      } else if (name === "br") {
        if (cell !== null) cell += " ";
        else buf += "\n";
      } else if (BLOCK.has(name)) {
        if (cell !== null) cell += " ";
        else flush();
      }
    } else if (t.kind === "close") {
      const name = t.name.toLowerCase();
      if (SKIP.has(name)) skip = Math.max(0, skip - 1);
      if (skip) continue;
      if (name === "main" || name === "article") inMain = Math.max(hasMain ? 0 : 1, inMain - 1);
      if (BOLD.has(name)) boldDepth = Math.max(0, boldDepth - 1);
      if (/^h[1-6]$/.test(name)) {
        flush();
        heading = 0;
      } else if ((name === "td" || name === "th") && cells && cell !== null) {
        cells.push(decodeNamed(cell));
        cell = null;
      } else if (name === "ol" || name === "ul") {
        flush();
        lists.pop();
      } else if (name === "tr" && cells) {
        blocks.push({ text: tableRow(cells), row: true });
        cells = null;
      } else if (BLOCK.has(name)) flush();
    } else if (!skip && inMain) {
      const text = decodeNamed(t.text).replace(/\s+/g, " ");
      if (cell !== null) cell += text;
      else {
        buf += text;
        const n = text.replace(/\s/g, "").length;
        if (boldDepth) bold += n;
        else plain += n;
      }
    }
  }
  flush();
  return { format: "html", text: joinBlocks(blocks), pages: [], fonts: [...fonts], encoding: decoded.encoding, warnings: [] };
}
