// Số/ký hiệu of Vietnamese documents, both conventions:
//   Party   34-CT/TW, 21-KH/BDVTU, 06-CTr/TU, 217-QĐ/TW (and mixed 01-CT/UBND)
//   State   01/CT-UBND, 30/2020/NĐ-CP, 16/KH-MTTQ-BTT (and mistyped 34/CT-TW, 19/CT-TTG)
//   No type 5973/UBND-KT (a công văn), 85/2015/QH13 (a law), 101/2025/UBTVQH15
//   Numbers with a suffix: 30a/2008/NQ-CP, 66.16/2026/NQ-CP
//   Companies' letters: 27/ĐN-Cty, 05/2026/VLN/CV-LV, 01-GCN-MT
// Spaces and line breaks around the separators are allowed ("03-\nHD/TU", "1105 /KH-ĐKT").
import { loadGrammar } from "../grammar/load.js";
import { isDigitCode, isSpaceCode } from "../text/chars.js";
import { foldCode } from "./fold.js";

export interface DocumentTypes {
  types: { code: string; names: string[] }[];
  symbolCodes: string[];
  notDocuments: string[];
  subjectEnds: string[];
  numberWords: string[];
  letterCode: string;
  issuerCodes: string[];
  ocrConfusions: Record<string, string>;
}

export interface ParsedSymbol {
  start: number;
  end: number;
  number: string;
  /** Year inside the symbol (30/2020/NĐ-CP). */
  year: number | null;
  /** Type code as the grammar writes it (CTr, QĐ), null when the symbol has none. */
  typeCode: string | null;
  /** Everything after the type code, or after the number when there is no type code. */
  issuerCode: string;
  /** The symbol as written, whitespace removed. */
  symbol: string;
  party: boolean;
  /** A number written without a symbol ("Văn bản số 02 ngày ..."). */
  bare?: boolean;
}

interface CompiledSymbols {
  /** The symbol pattern, sticky: tried only where a symbol can start. */
  re: RegExp;
  known: Set<string>;
  confusions: Record<string, string>;
  /** Upper-cased code → code as the grammar writes it. */
  exact: Map<string, string>;
  /** Farthest a symbol's first slash stands from its start. */
  reach: number;
  /** Folded code → code as the grammar writes it. */
  codes: Map<string, string>;
}

let compiled: CompiledSymbols | undefined;

// The number of a symbol ("30", "30a", "66.16") and its longest form; the longest code; the
// widest gap around a separator. They bound how far before its first slash a symbol starts.
const NUMBER = "\\d{1,5}(?:\\.\\d{1,3})?[a-z]?";
const NUMBER_MAX = 10;
const CODE_MAX = 25;
const GAP_MAX = 3;

function symbols(): CompiledSymbols {
  if (compiled) return compiled;
  const g = loadGrammar<DocumentTypes>("document-types");
  const all = [...g.types.map((t) => t.code), ...g.symbolCodes].filter((c) => /^[\p{Lu}][\p{Lu}\p{Ll}]*$/u.test(c) && c.length <= 6 && !/^\p{Lu}\p{Ll}+$/u.test(c));
  const exact = new Map(all.map((c) => [c.toUpperCase(), c]));
  // Folded lookups for a code typed without its đ (QD for QĐ); the first listed wins a tie.
  const codes = new Map<string, string>();
  for (const c of all) if (!codes.has(foldCode(c))) codes.set(foldCode(c), c);
  // A code is upper-case letters and digits; mixed-case codes (TTg, CTr) are listed.
  const mixed = [...new Set([...all, "TTg"].filter((c) => /\p{Ll}/u.test(c)))].sort((a, b) => b.length - a.length);
  const code = `(?:${mixed.join("|")}|[A-ZĐ][A-ZĐ0-9]{0,${CODE_MAX - 1}})`;
  const gap = `\\s{0,${GAP_MAX}}`;
  const dash = `${gap}[-–]${gap}`;
  const party = `${dash}(${code})${gap}/${gap}(${code}(?:${dash}${code})*)`;
  // "64//2023/NĐ-CP": a doubled slash is a slip of the keyboard.
  const slash = `${gap}\\/{1,2}${gap}`;
  // Unit parts after the type: a code, or capitals ending in a few lower-case letters when written
  // without spaces ("ĐN-Cty"); listed mixed-case codes (TTg) go to the first branch only, so
  // the two never match the same part, which keeps the scan linear.
  const strict = `[A-ZĐ][A-ZĐ0-9]{0,${CODE_MAX - 1}}`;
  const listed = `(?:${mixed.join("|")})(?![a-zđ])`;
  const rest = `(?:-(?!${listed})${strict}[a-zđ]{1,3}|${dash}${code})`;
  // A company's own series may sit before the type ("05/2026/VLN/CV-LV"); a year may run into it ("11/2026CV-YVG").
  const series = `(?:(${strict})${slash}(?=${strict}[-–]))?`;
  const state = `${slash}(?:((?:19|20)\\d{2})(?:${slash}|(?=[A-ZĐ])))?${series}(${code})(${rest}*)`;
  // "01-GCN-MT": unit parts joined by hyphens only, no slash (a company's letter).
  const dashed = `-(${strict}(?:-${strict})+)`;
  // A footnote mark may follow the symbol ("34-CT/TW¹"), so only letters and ASCII digits may not.
  const re = new RegExp(`(?<![\\p{L}\\p{N}/.\\-])(${NUMBER})(?:${party}|${state}|${dashed})(?![\\p{L}\\d])`, "uy");
  // The party form's slash comes after the number, a dash, the type code and the gaps around them.
  const reach = NUMBER_MAX + 3 * GAP_MAX + 1 + Math.max(CODE_MAX, ...mixed.map((c) => c.length));
  compiled = { re, reach, exact, codes, known: new Set(g.issuerCodes), confusions: g.ocrConfusions };
  return compiled;
}

/** Canonical type code for a code read inside a symbol, or null when it is not a type code. */
export function typeCodeOf(code: string): string | null {
  let t = typeCodes.get(code);
  if (t === undefined) {
    const { exact, codes } = symbols();
    // HD (Hướng dẫn) and HĐ (Hợp đồng) fold alike: the code as written decides first.
    t = exact.get(code.toUpperCase()) ?? codes.get(foldCode(code)) ?? null;
    if (typeCodes.size >= CACHE_MAX) typeCodes.clear();
    typeCodes.set(code, t);
  }
  return t;
}

/** The symbol as written without its whitespace; most have none, told by one scan. */
function squeeze(s: string): string {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return s.replace(/\s+/gu, "");
  return s;
}

/** A unit part misread by OCR ("IW"), read again with the confusions of the grammar when that gives a known code. */
function repairPart(part: string): string {
  const { known, confusions } = symbols();
  if (known.has(part)) return part;
  const all = [...part].map((ch) => confusions[ch] ?? ch).join("");
  if (all !== part && known.has(all)) return all;
  for (let i = 0; i < part.length; i++) {
    const to = confusions[part[i]];
    if (!to) continue;
    const one = part.slice(0, i) + to + part.slice(i + 1);
    if (known.has(one)) return one;
  }
  return part;
}

// A document cites the same few unit codes many times: each is repaired once.
const repaired = new Map<string, string>();
const typeCodes = new Map<string, string | null>();
const CACHE_MAX = 4096;

/** Unit codes with each part repaired: "IW" → "TW", "UBND-KI" → "UBND-KT" only when the result is known. */
function repairCode(code: string): string {
  let r = repaired.get(code);
  if (r === undefined) {
    r = code.replace(/[^-/]+/gu, repairPart);
    if (repaired.size >= CACHE_MAX) repaired.clear();
    repaired.set(code, r);
  }
  return r;
}

/**
 * Every symbol in text[from, to), in order: every match of the symbol pattern, as a global scan
 * from the start would find them. Every symbol holds a slash not far after its start, or a hyphen
 * right after its number ("01-GCN"): only the digits that open a number before one of those are tried.
 */
export function findSymbols(text: string, from = 0, to = text.length): ParsedSymbol[] {
  const out: ParsedSymbol[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const { re, reach } = symbols();
  let end = 0; // a match starts at or after the previous one's end
  let tried = 0; // starts before this were tried
  let slash = slice.indexOf("/");
  let hyphen = numberHyphen(slice, 0);
  while (slash >= 0 || hyphen >= 0) {
    const at = slash < 0 || (hyphen >= 0 && hyphen < slash) ? hyphen : slash;
    if (at === slash) slash = slice.indexOf("/", at + 1);
    else hyphen = numberHyphen(slice, at + 1);
    for (let i = Math.max(end, tried, at - reach); i < at; i++) {
      tried = i + 1;
      if (!isDigitCode(slice.charCodeAt(i)) || (i > 0 && isDigitCode(slice.charCodeAt(i - 1)))) continue;
      re.lastIndex = i;
      const m = re.exec(slice);
      if (!m) continue;
      out.push(parsed(m, from));
      end = tried = re.lastIndex;
      i = end - 1;
    }
  }
  return out;
}

/** The next hyphen at or after `from` that follows a digit or a lower-case letter (a number's suffix). */
function numberHyphen(text: string, from: number): number {
  for (let at = text.indexOf("-", from); at >= 0; at = text.indexOf("-", at + 1)) {
    const c = text.charCodeAt(at - 1);
    if (isDigitCode(c) || (c >= 97 && c <= 122)) return at;
  }
  return -1;
}

/** The symbol a match of the pattern reads, at `from` + its index. */
function parsed(m: RegExpExecArray, from: number): ParsedSymbol {
  const [whole, number, pType, pIssuer, year, series, sFirst, sRest, dashed] = m;
  const start = from + m.index;
  const end = start + whole.length;
  const symbol = squeeze(whole);
  if (pType !== undefined)
    return { start, end, number, symbol, year: null, typeCode: typeCodeOf(pType) ?? pType.toUpperCase(), issuerCode: repairCode(squeeze(pIssuer)), party: true };
  if (dashed !== undefined) {
    const dash = dashed.indexOf("-");
    const t = typeCodeOf(dashed.slice(0, dash));
    return { start, end, number, symbol, year: null, typeCode: t, issuerCode: t ? dashed.slice(dash + 1) : dashed, party: false };
  }
  let rest = sRest ? squeeze(sRest) : "";
  const c = rest.charCodeAt(0);
  if (c === 45 || c === 0x2013) rest = rest.slice(1);
  const y = year ? Number(year) : null;
  // "213/2013/TTLT/BTC-BLĐTBXH": the type stands before the units.
  const st = series ? typeCodeOf(series) : null;
  if (st) return { start, end, number, symbol, year: y, typeCode: st, issuerCode: squeeze(sFirst) + (rest ? `-${rest}` : ""), party: false };
  const t = typeCodeOf(sFirst);
  if (t && rest) return { start, end, number, symbol, year: y, typeCode: t, issuerCode: repairCode(rest), party: false };
  return { start, end, number, symbol, year: y, typeCode: null, issuerCode: (series ? `${series}/` : "") + squeeze(sFirst) + (rest ? `-${rest}` : ""), party: false };
}
