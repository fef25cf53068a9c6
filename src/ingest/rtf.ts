// RTF: a single-pass reader for the text, paragraphs, table rows and bold of
// an RTF file. Each font's \fcharset picks the code page its \'hh bytes are
// decoded with (an "EE" font stores đ/ă as Windows-1250), except fonts of the
// legacy Vietnamese encodings, whose bytes pass through as Windows-1252 for
// normalize's legacy decoder.
import { isLegacyVietnameseFont } from "./fonts.js";
import { joinBlocks, paragraph, tableRow } from "./markdown.js";
import { decodeCp1252 } from "./text.js";
import type { Ingested } from "./types.js";

const CHARSET_CODEPAGE: Record<number, string> = {
  0: "windows-1252", 77: "macintosh", 128: "shift_jis", 129: "euc-kr", 134: "gbk", 136: "big5",
  161: "windows-1253", 162: "windows-1254", 163: "windows-1258", 177: "windows-1255", 178: "windows-1256",
  186: "windows-1257", 204: "windows-1251", 222: "windows-874", 238: "windows-1250",
};


// Destinations whose content is not document text.
const SKIP = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl",
  "footerr", "footerf", "fldinst", "pn", "themedata", "datastore", "xmlnstbl", "latentstyles", "rsidtbl", "generator",
  "listtable", "listoverridetable", "revtbl", "filetbl", "mmathPr", "colorschememapping", "pgdsctbl", "bkmkstart", "bkmkend",
  "shpinst", "nonshppict", "blipuid", "fchars", "lchars", "template", "userprops", "wgrffmtfilter", "defchp", "defpap",
]);

interface State {
  font: number;
  bold: boolean;
  skip: boolean;
  uc: number;
}

interface Font {
  charset: number;
  name: string;
}

const decoders = new Map<string, TextDecoder>();
function decodeBytes(bytes: number[], codepage: string): string {
  if (codepage === "windows-1252") return decodeCp1252(Uint8Array.from(bytes));
  let d = decoders.get(codepage);
  if (!d) {
    try {
      d = new TextDecoder(codepage);
    } catch {
      return decodeCp1252(Uint8Array.from(bytes));
    }
    decoders.set(codepage, d);
  }
  return d.decode(Uint8Array.from(bytes)).normalize("NFC");
}

export function ingestRtf(bytes: Uint8Array): Ingested {
  const src = decodeCp1252(bytes); // RTF is 7-bit; stray 8-bit bytes are read as Windows-1252
  const fonts = new Map<number, Font>();
  let ansiCodepage = "windows-1252";
  let defaultFont = 0;
  const stack: State[] = [];
  let st: State = { font: -1, bold: false, skip: false, uc: 1 };
  let inFontTable = 0; // depth of the \fonttbl group
  let fontDef: { id: number; charset: number; name: string } | null = null;
  const warnings: string[] = [];

  const blocks: { text: string; row?: boolean }[] = [];
  let para = "";
  let bold = 0;
  let plain = 0;
  let cells: string[] = [];
  let inTable = false;
  let pending: number[] = [];
  let skipChars = 0;
  const usedFontIds = new Set<number>();

  const codepageOf = (fontId: number): string => {
    const f = fonts.get(fontId < 0 ? defaultFont : fontId);
    if (!f) return ansiCodepage;
    if (isLegacyVietnameseFont(f.name)) return "windows-1252";
    return f.charset === 0 || f.charset === 1 ? ansiCodepage : CHARSET_CODEPAGE[f.charset] ?? ansiCodepage;
  };
  const emit = (s: string) => {
    if (st.skip || !s) return;
    if (inFontTable && fontDef) {
      fontDef.name += s;
      return;
    }
    if (inFontTable) return;
    if (s.trim()) usedFontIds.add(st.font < 0 ? defaultFont : st.font);
    para += s;
    const n = s.replace(/\s/g, "").length;
    if (st.bold) bold += n;
    else plain += n;
  };
  const flush = () => {
    if (pending.length) {
      const b = pending;
      pending = [];
      emit(decodeBytes(b, codepageOf(st.font)));
    }
  };
  const endParagraph = () => {
    flush();
    if (inTable) para += " ";
    else {
      blocks.push({ text: paragraph({ text: para, strong: bold > 0 && plain === 0 }) });
      para = "";
      bold = plain = 0;
    }
  };
  const endCell = () => {
    flush();
    cells.push(para);
    para = "";
    bold = plain = 0;
  };
  const endRow = () => {
    flush();
    if (para.trim()) cells.push(para);
    blocks.push({ text: tableRow(cells), row: true });
    cells = [];
    para = "";
    bold = plain = 0;
    inTable = false;
  };

  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === "{") {
      flush();
      stack.push(st);
      st = { ...st };
      if (inFontTable) inFontTable++;
      i++;
      continue;
    }
    if (c === "}") {
      flush();
      if (inFontTable) {
        inFontTable--;
        if (inFontTable === 0) fontDef = null;
      }
      st = stack.pop() ?? st;
      i++;
      continue;
    }
    if (c === "\\") {
      const next = src[i + 1];
      if (next === "'") {
        const hex = src.slice(i + 2, i + 4);
        i += 4;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        const b = parseInt(hex, 16);
        if (!Number.isNaN(b)) pending.push(b);
        continue;
      }
      if (next === undefined) break;
      if (!/[a-zA-Z]/.test(next)) {
        // control symbol
        i += 2;
        if (next === "*") {
          st.skip = true;
          continue;
        }
        flush();
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        if (next === "~") emit("\u00a0");
        else if (next === "_") emit("-");
        else if (next === "\\" || next === "{" || next === "}") emit(next);
        else if (next === "\n" || next === "\r") endParagraph();
        continue;
      }
      let j = i + 1;
      while (j < n && j - i < 34 && /[a-zA-Z]/.test(src[j])) j++;
      const word = src.slice(i + 1, j);
      let k = j;
      if (src[k] === "-") k++;
      while (k < n && k - j < 11 && src[k] >= "0" && src[k] <= "9") k++;
      const param = k > j ? Number(src.slice(j, k)) : null;
      if (src[k] === " ") k++;
      i = k;
      if (word !== "u" && word !== "uc") flush();
      if (SKIP.has(word) && word !== "fonttbl") st.skip = true;
      switch (word) {
        case "fonttbl": inFontTable = 1; break;
        case "f":
          if (inFontTable) {
            fontDef = { id: param ?? 0, charset: 0, name: "" };
            fonts.set(fontDef.id, fontDef);
          } else st.font = param ?? 0;
          break;
        case "fcharset": if (fontDef) fontDef.charset = param ?? 0; break;
        case "deff": defaultFont = param ?? 0; break;
        case "ansicpg": ansiCodepage = param === 1252 ? "windows-1252" : CHARSET_CODEPAGE_BY_CP[param ?? 1252] ?? `windows-${param}`; break;
        case "b": st.bold = param !== 0; break;
        case "plain": st.bold = false; break;
        case "uc": st.uc = param ?? 1; break;
        case "u": {
          if (skipChars > 0) skipChars = 0;
          flush();
          const cp = param === null ? 0xfffd : param < 0 ? param + 65536 : param;
          emit(String.fromCharCode(cp));
          skipChars = st.uc;
          break;
        }
        case "par": case "sect": case "page": endParagraph(); break;
        case "line": emit("\n"); break;
        case "tab": emit("\t"); break;
        case "intbl": inTable = true; break;
        case "cell": case "nestcell": inTable = true; endCell(); break;
        case "row": case "nestrow": endRow(); break;
        case "emdash": emit("—"); break;
        case "endash": emit("–"); break;
        case "lquote": emit("‘"); break;
        case "rquote": emit("’"); break;
        case "ldblquote": emit("“"); break;
        case "rdblquote": emit("”"); break;
        case "bullet": emit("•"); break;
        case "pard": break;
      }
      continue;
    }
    if (c === "\r" || c === "\n") {
      i++;
      continue;
    }
    i++;
    if (skipChars > 0) {
      skipChars--;
      continue;
    }
    if (inFontTable && fontDef && c === ";") {
      fontDef.name = fontDef.name.trim();
      fontDef = null;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code >= 0x80) pending.push(bytes[i - 1]);
    else {
      flush();
      emit(c);
    }
  }
  flush();
  if (para.trim()) endParagraph();
  if (stack.length) warnings.push("the RTF ends before all its groups are closed (truncated?)");
  const usedFonts = [...new Set([...usedFontIds].map((id) => fonts.get(id)?.name.replace(/;$/, "").trim() ?? "").filter(Boolean))];
  return { format: "rtf", text: joinBlocks(blocks), pages: [], fonts: usedFonts, encoding: null, warnings };
}

const CHARSET_CODEPAGE_BY_CP: Record<number, string> = { 874: "windows-874", 932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5" };
