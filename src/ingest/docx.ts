// DOCX: reads word/document.xml with its styles and numbering directly, so
// that Word's automatic list numbers ("I.", "1.", "a)") are written out as
// text exactly as Word displays them, whole-bold paragraphs and headings keep
// their markup, tables become rows, deleted revisions are dropped and the run
// fonts (".VnTime", "VNI-Times") are reported for legacy decoding.
import type { Ingested } from "./types.js";
import { joinBlocks, paragraph, tableRow } from "./markdown.js";
import { tokenize } from "./xml.js";
import type { Zip } from "./zip.js";

interface Level {
  start: number;
  fmt: string;
  text: string;
  suffix: string;
}

interface Style {
  basedOn?: string;
  name: string;
  bold?: boolean;
  font?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
}

const on = (a: Record<string, string>): boolean => !["0", "false", "off"].includes(a["w:val"] ?? "true");

function readStyles(xml: string | null): { styles: Map<string, Style>; defaultFont?: string; defaultPara?: string } {
  const styles = new Map<string, Style>();
  let cur: Style | null = null;
  let id = "";
  let defaultFont: string | undefined;
  let defaultPara: string | undefined;
  let inDefaults = false;
  if (!xml) return { styles };
  for (const t of tokenize(xml)) {
    if (t.kind === "open") {
      if (t.name === "w:docDefaults") inDefaults = !t.selfClosing;
      else if (t.name === "w:style") {
        id = t.attrs["w:styleId"] ?? "";
        cur = { name: "" };
        if (t.attrs["w:type"] === "paragraph" && on({ "w:val": t.attrs["w:default"] ?? "0" })) defaultPara = id;
      } else if (t.name === "w:rFonts") {
        const f = t.attrs["w:ascii"] ?? t.attrs["w:hAnsi"] ?? t.attrs["w:cs"];
        if (cur && f) cur.font = f;
        else if (inDefaults && f) defaultFont = f;
      } else if (cur) {
        if (t.name === "w:name") cur.name = t.attrs["w:val"] ?? "";
        else if (t.name === "w:basedOn") cur.basedOn = t.attrs["w:val"];
        else if (t.name === "w:b") cur.bold = on(t.attrs);
        else if (t.name === "w:numId") cur.numId = t.attrs["w:val"];
        else if (t.name === "w:ilvl") cur.ilvl = Number(t.attrs["w:val"] ?? 0);
        else if (t.name === "w:outlineLvl") cur.outline = Number(t.attrs["w:val"] ?? 9);
      }
    } else if (t.kind === "close") {
      if (t.name === "w:style" && cur) {
        styles.set(id, cur);
        cur = null;
      } else if (t.name === "w:docDefaults") inDefaults = false;
    }
  }
  return { styles, defaultFont, defaultPara };
}

/** A style's property, looked up along its basedOn chain. */
function inherited<K extends keyof Style>(styles: Map<string, Style>, id: string | undefined, key: K): Style[K] | undefined {
  for (let i = 0, s = id ? styles.get(id) : undefined; s && i < 20; i++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    if (s[key] !== undefined) return s[key];
  }
  return undefined;
}

interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

function readNumbering(xml: string | null): Numbering {
  const nums: Numbering["nums"] = new Map();
  const abstracts: Numbering["abstracts"] = new Map();
  if (!xml) return { nums, abstracts };
  let abs: Map<number, Level> | null = null;
  let lvl: Level | null = null;
  let num: { abstract: string; overrides: Map<number, number> } | null = null;
  let overrideLvl = -1;
  for (const t of tokenize(xml)) {
    if (t.kind === "open") {
      const v = t.attrs["w:val"];
      if (t.name === "w:abstractNum") abstracts.set(t.attrs["w:abstractNumId"] ?? "", (abs = new Map()));
      else if (t.name === "w:lvl" && abs) abs.set(Number(t.attrs["w:ilvl"] ?? 0), (lvl = { start: 1, fmt: "decimal", text: "", suffix: "tab" }));
      else if (t.name === "w:num") {
        num = { abstract: "", overrides: new Map() };
        nums.set(t.attrs["w:numId"] ?? "", num);
      } else if (t.name === "w:abstractNumId" && num) num.abstract = v ?? "";
      else if (t.name === "w:lvlOverride") overrideLvl = Number(t.attrs["w:ilvl"] ?? 0);
      else if (t.name === "w:startOverride" && num && overrideLvl >= 0) num.overrides.set(overrideLvl, Number(v ?? 1));
      else if (lvl) {
        if (t.name === "w:start") lvl.start = Number(v ?? 1);
        else if (t.name === "w:numFmt") lvl.fmt = v ?? "decimal";
        else if (t.name === "w:lvlText") lvl.text = v ?? "";
        else if (t.name === "w:suff") lvl.suffix = v ?? "tab";
      }
    } else if (t.kind === "close") {
      if (t.name === "w:lvl") lvl = null;
      else if (t.name === "w:abstractNum") abs = null;
      else if (t.name === "w:num") num = null;
      else if (t.name === "w:lvlOverride") overrideLvl = -1;
    }
  }
  return { nums, abstracts };
}

function roman(n: number): string {
  const parts: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of parts) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb, …
  const l = String.fromCharCode(97 + ((n - 1) % 26));
  return l.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman": return roman(n);
    case "lowerRoman": return roman(n).toLowerCase();
    case "upperLetter": return letters(n).toUpperCase();
    case "lowerLetter": return letters(n);
    case "decimalZero": return n < 10 ? `0${n}` : String(n);
    case "none": return "";
    case "bullet": return "";
    default: return String(n);
  }
}

/** Counts list items per abstract list as Word does and renders each label. */
class Counter {
  private counts = new Map<string, number[]>();
  private started = new Set<string>();
  constructor(private numbering: Numbering) {}

  label(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums.get(numId);
    if (!num || numId === "0") return null;
    const levels = this.numbering.abstracts.get(num.abstract);
    const lvl = levels?.get(ilvl);
    if (!levels || !lvl) return null;
    let counts = this.counts.get(num.abstract);
    if (!counts || (!this.started.has(numId) && num.overrides.size)) {
      counts = [];
      this.counts.set(num.abstract, counts);
    }
    this.started.add(numId);
    const startOf = (i: number) => num.overrides.get(i) ?? levels.get(i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart
    if (lvl.fmt === "bullet") return "-";
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts![i] ?? startOf(i), levels.get(i)?.fmt ?? "decimal");
    });
    return text.trim() || null;
  }
}

interface Para {
  style?: string;
  numId?: string;
  ilvl?: number;
  text: string;
  boldChars: number;
  plainChars: number;
}

/** The package's text, or null when its main part is not WordprocessingML under the "w:" prefix. */
export function ingestDocx(zip: Zip): Ingested | null {
  const main = zip.text("word/document.xml");
  if (main === null || !main.includes("<w:body")) return null;
  const { styles, defaultFont, defaultPara } = readStyles(zip.text("word/styles.xml"));
  const counter = new Counter(readNumbering(zip.text("word/numbering.xml")));
  const fonts = new Set<string>();
  if (defaultFont) fonts.add(defaultFont);

  const out: { text: string; row?: boolean }[] = [];
  const paras: Para[] = [];
  const tables: { rows: string[][]; cell: string[] | null }[] = [];
  let run: { bold?: boolean; font?: string; hidden?: boolean } | null = null;
  let inRPr = false;
  let inPPr = false;
  let deleted = 0;
  let fieldDepth = 0; // inside a field's instruction part
  let inInstr = false;
  const para = () => paras[paras.length - 1];
  const usedStyles = new Set<string>();
  let lastOpen = "";
  let fallback = 0; // inside mc:Fallback, which repeats the mc:Choice (text boxes as VML)
  // notes: "footnote:2" → its number in order of first reference, and its text once read
  const noteNumbers = new Map<string, number>();
  const noteTexts = new Map<string, string>();
  let note: { key: string; from: number } | null = null;

  const addText = (s: string) => {
    const p = para();
    if (!p || !run || run.hidden || deleted || fieldDepth > 0 || inInstr) return;
    p.text += s;
    const n = s.replace(/\s/g, "").length;
    const bold = run.bold ?? inherited(styles, p.style ?? defaultPara, "bold") ?? false;
    if (bold) p.boldChars += n;
    else p.plainChars += n;
  };

  const finishParagraph = (p: Para) => {
    const styleId = p.style ?? defaultPara;
    if (styleId && p.text.trim()) usedStyles.add(styleId);
    const numId = p.numId ?? inherited(styles, styleId, "numId");
    const ilvl = p.ilvl ?? inherited(styles, styleId, "ilvl") ?? 0;
    const label = numId && p.text.trim() ? counter.label(numId, ilvl) : null;
    const body = p.text.trim();
    const text = label && label !== "-" ? `${label} ${body}` : body;
    const name = inherited(styles, styleId, "name") ?? "";
    const hm = /^(?:heading|title)\s*(\d?)$/i.exec(name);
    const heading = hm ? Number(hm[1] || 1) : undefined;
    const strong = p.boldChars > 0 && p.plainChars === 0;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(text);
    else out.push({ text: paragraph({ text, heading, strong }) });
  };

  const walk = (xml: string) => {
    for (const t of tokenize(xml)) {
      if (t.kind !== "text" && t.name === "mc:Fallback") {
        if (t.kind === "open" && !t.selfClosing) fallback++;
        else if (t.kind === "close") fallback = Math.max(0, fallback - 1);
        continue;
      }
      if (fallback) continue;
      if (t.kind === "open") {
        switch (t.name) {
          case "w:p":
            if (!t.selfClosing) paras.push({ text: "", boldChars: 0, plainChars: 0 });
            else if (!tables.length) out.push({ text: "" });
            break;
          case "w:pPr": inPPr = !t.selfClosing; break;
          case "w:pStyle": if (inPPr && para()) para().style = t.attrs["w:val"]; break;
          case "w:numId": if (inPPr && para()) para().numId = t.attrs["w:val"]; break;
          case "w:ilvl": if (inPPr && para()) para().ilvl = Number(t.attrs["w:val"] ?? 0); break;
          case "w:r": run = {}; break;
          case "w:rPr": inRPr = !t.selfClosing; break;
          case "w:b": if (inRPr && run) run.bold = on(t.attrs); break;
          case "w:vanish": if (inRPr && run) run.hidden = on(t.attrs); break;
          case "w:rFonts": {
            const f = t.attrs["w:ascii"] ?? t.attrs["w:hAnsi"] ?? t.attrs["w:cs"];
            if (f) fonts.add(f);
            if (inRPr && run && f) run.font = f;
            break;
          }
          case "w:t": break;
          case "w:tab": if (!inPPr) addText("\t"); break;
          case "w:br": case "w:cr": if (t.attrs["w:type"] !== "page" && t.attrs["w:type"] !== "column") addText("\n"); break;
          case "w:noBreakHyphen": addText("-"); break;
          case "w:del": case "w:moveFrom": if (!t.selfClosing) deleted++; break;
          case "w:delText": break;
          case "w:instrText": inInstr = !t.selfClosing; break;
          case "w:fldChar": {
            const type = t.attrs["w:fldCharType"];
            if (type === "begin") fieldDepth++;
            else if (type === "separate" || type === "end") fieldDepth = Math.max(0, fieldDepth - 1);
            break;
          }
          case "w:footnoteReference": case "w:endnoteReference": {
            const key = `${t.name.slice(2, -9)}:${t.attrs["w:id"] ?? ""}`;
            if (!noteNumbers.has(key)) noteNumbers.set(key, noteNumbers.size + 1);
            // the mark is not text of the run: it must not make a bold heading look mixed
            if (para() && !deleted) para().text += `[${noteNumbers.get(key)}]`;
            break;
          }
          case "w:footnote": case "w:endnote":
            if (!t.selfClosing) note = { key: `${t.name.slice(2)}:${t.attrs["w:id"] ?? ""}`, from: out.length };
            break;
          case "w:tbl": tables.push({ rows: [], cell: null }); break;
          case "w:tr": tables[tables.length - 1]?.rows.push([]); break;
          case "w:tc": { const tb = tables[tables.length - 1]; if (tb) tb.cell = []; break; }
        }
      } else if (t.kind === "text") {
        // only w:t content is text; whitespace between tags is formatting
        if (lastOpen === "w:t") addText(t.text);
      } else {
        switch (t.name) {
          case "w:p": { const p = paras.pop(); if (p) finishParagraph(p); break; }
          case "w:pPr": inPPr = false; break;
          case "w:rPr": inRPr = false; break;
          case "w:r": run = null; break;
          case "w:del": case "w:moveFrom": deleted = Math.max(0, deleted - 1); break;
          case "w:instrText": inInstr = false; break;
          case "w:tc": {
            const tb = tables[tables.length - 1];
            if (tb?.cell) {
              tb.rows[tb.rows.length - 1]?.push(tb.cell.filter(Boolean).join(" "));
              tb.cell = null;
            }
            break;
          }
          case "w:footnote": case "w:endnote":
            if (note) noteTexts.set(note.key, out.splice(note.from).map((b) => b.text).filter(Boolean).join(" "));
            note = null;
            break;
          case "w:tbl": {
            const tb = tables.pop();
            if (!tb) break;
            const outer = tables[tables.length - 1];
            // a nested table is flattened into its enclosing cell
            if (outer?.cell) outer.cell.push(tb.rows.map((r) => r.filter(Boolean).join(" ")).join(" "));
            else for (const r of tb.rows) out.push({ text: tableRow(r), row: true });
            break;
          }
        }
      }
      lastOpen = t.kind === "open" && !t.selfClosing ? t.name : t.kind === "close" ? "" : lastOpen;
    }
  };
  walk(main);
  if (noteNumbers.size) {
    for (const part of ["word/footnotes.xml", "word/endnotes.xml"]) {
      const xml = zip.text(part);
      if (xml) walk(xml);
    }
    for (const [key, n] of noteNumbers) {
      const text = noteTexts.get(key);
      if (text) out.push({ text: `[${n}] ${text}` });
    }
  }
  for (const id of usedStyles) {
    const f = inherited(styles, id, "font");
    if (f) fonts.add(f);
  }
  return { format: "docx", text: joinBlocks(out), pages: [], fonts: [...fonts], encoding: null, warnings: [] };
}
