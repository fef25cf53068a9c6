// Header and closing vocabulary (grammars/structure.json) and document types
// (grammars/document-types.json), compiled once into small matchers.
import { alternation, escapeRegExp, loadGrammar } from "../grammar/load.js";
import { isSpaceCode } from "../text/chars.js";
import { byCode } from "./chars.js";
import { trimTrailing } from "./pieces.js";

interface StructureGrammar {
  mottos: string[];
  symbolWords: string[];
  draftWords: string[];
  dateWords: { day: string; month: string; year: string };
  preambleStarts: string[];
  typeLineJoiners: string[];
  recipientsHeading: string[];
  tableOfContents: string[];
  annotations: string[];
  signatureNotes: string[];
  authorityPrefixes: string[];
  positions: string[];
}

interface TypesGrammar {
  types: { code: string; names: string[] }[];
}

/** A số/ký hiệu after "Số:": number (possibly blank), then "/" or "-" parts ("256 /2004/QĐ-UB"). */
const SYMBOL = "[ \\t]*(?<sym>[\\p{L}\\p{N}]*(?:[ \\t]?[/\\-–][ \\t]?[\\p{L}\\p{N}.]+)+)";

/** A blank left for the day or month: spaces, dots, ellipses, underscores (one run, so no backtracking). */
const BLANK = "[\\s.…_]*";

/** Vietnamese text is mostly precomposed already: NFC is only worth running past these ranges. */
function mayCompose(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && !(c >= 0x1ea0 && c <= 0x1ef9)) return true;
  }
  return false;
}

/** Whitespace that `fold` must rewrite: a run, a tab or other space, or space at either end. Read by code. */
function looseSpace(t: string): boolean {
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 32 || i === 0 || i === n - 1 || isSpaceCode(t.charCodeAt(i + 1)))) return true;
  }
  return false;
}

const fold = (s: string) => {
  const t = (mayCompose(s) ? s.normalize("NFC") : s).toLowerCase();
  return looseSpace(t) ? t.replace(/\s+/g, " ").trim() : t;
};

/**
 * A test of a character code against `letters`, case-insensitively as the patterns built from
 * them compare: one regular-expression test per code, remembered. Used on a line's first (or
 * last) character so that most lines skip a pattern. Anything but letters lets every code through.
 */
function letterTest(letters: string[]): (c: number) => boolean {
  const set = [...new Set(letters)];
  if (set.some((c) => !/^\p{L}$/u.test(c ?? ""))) return () => true;
  const re = new RegExp(`^(?:${set.map(escapeRegExp).join("|")})$`, "iu");
  return byCode((ch) => re.test(ch));
}

/** Letters of `s` without its spaces. */
const lettersIn = (s: string) => s.replace(/\s+/g, "").length;

/** NFC may rewrite this code: a combining mark or a character outside the precomposed ranges. */
const mayComposeCode = (c: number) => c >= 0x300 && !(c >= 0x1ea0 && c <= 0x1ef9);

/** The lower case of a character, by code (the first unit when it lowers to more), computed once per code. */
const lowered = new Uint16Array(0x10000);
function lowerCode(c: number): number {
  if (lowered[c] === 0) lowered[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return lowered[c];
}

/** The codes of the last characters of folded words, as a table by code. */
function foldedLasts(words: string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const w of words) {
    const f = fold(w);
    if (f.length) table[f.charCodeAt(f.length - 1)] = 1;
  }
  return table;
}

/** The character lowers to one code unit (a few lower to two, "İ" → "i̇"). */
const lowersToOne = byCode((ch) => ch.toLowerCase().length === 1);

/**
 * `fold(s)` may end with a character of `lasts`, read without folding `s`: its last letter in
 * lower case, unless NFC might change it or it lowers to more than one unit.
 */
function mayFoldEndInto(s: string, lasts: Uint8Array): boolean {
  let i = s.length;
  while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  if (mayComposeCode(c) || !lowersToOne(c)) return true;
  return lasts[lowerCode(c)] === 1;
}

/** The codes of the first characters of folded words, as a table by code. */
function foldedFirsts(words: string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const w of words) {
    const c = fold(w).charCodeAt(0);
    if (c >= 0) table[c] = 1;
  }
  return table;
}

/**
 * `fold(s)` may hold no more than `max` letters (characters other than spaces): `s` has no more,
 * or holds a character that NFC may rewrite. Counts no further than `max`.
 */
function foldsWithin(s: string, max: number): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (mayComposeCode(c)) return true;
    if (!isSpaceCode(c) && ++letters > max) return false;
  }
  return true;
}

/**
 * `fold(s)` may open with a character of `firsts`, read without folding `s`: its first letter in
 * lower case, unless NFC might change it (a combining mark follows, or the letter is outside the
 * ranges NFC leaves alone).
 */
function mayFoldInto(s: string, firsts: Uint8Array): boolean {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  if (i === s.length) return false;
  const c = s.charCodeAt(i);
  if (mayComposeCode(c) || mayComposeCode(s.charCodeAt(i + 1))) return true;
  return firsts[lowerCode(c)] === 1;
}

function build() {
  const g = loadGrammar<StructureGrammar>("structure");
  const t = loadGrammar<TypesGrammar>("document-types");
  const typeCodes = new Map<string, string>();
  for (const ty of t.types) for (const n of ty.names) typeCodes.set(fold(n), ty.code);
  const { day, month, year } = g.dateWords;
  const flex = (w: string) => escapeRegExp(w).replace(/\\ |\s+/g, "\\s+");
  const words = (ws: string[]) => ws.map(flex).join("|");
  return {
    mottos: new Set(g.mottos.map((m) => fold(m).replace(/\s*[-–]\s*/g, "-"))),
    mottoFirst: foldedFirsts(g.mottos.map((m) => fold(m).replace(/\s*[-–]\s*/g, "-"))),
    mottoSuffixes: g.mottos.map(fold).filter((m) => !/[-–]/.test(m)).map((m) => ` ${m}`),
    // "Số: 12/KH-UBND", "Số -KH/KTĐ", "SỐ 1050/QĐ-SCT": the word at a line or column start, an optional
    // colon, then the symbol; inside a line ("Bộ Tài chính SỐ: 12/2001/QĐ-BTC") only with its colon.
    symbol: new RegExp(`(?:^|\\t)[ ]*(?:${words(g.symbolWords)})(?<colon>\\s*:)?${SYMBOL}`, "iu"),
    symbolInLine: new RegExp(`\\s(?:${words(g.symbolWords)})(?<colon>\\s*:)${SYMBOL}`, "iu"),
    draft: new RegExp(`^[(\\[]?\\s*(?:${g.draftWords.map(flex).join("|")})(?:\\s+lần\\s+\\d+)?\\s*[)\\]]?$`, "iu"),
    // "<place>, ngày 10 tháng 3 năm 2026" with blanks allowed, or "<place>, ngày 10/3/2026".
    date: new RegExp(`(?:^|\\t)\\s*(?:(?<place>[^\\t,]{1,60}?)\\s*,)?\\s*${day}(?:${BLANK}(?:(?<d>\\d{1,2})${BLANK})?${month}${BLANK}(?:(?<m>\\d{1,2})${BLANK})?${year}\\s*(?<y>\\d{4})|\\s*(?<d2>\\d{1,2})\\s*[/.\\-]\\s*(?<m2>\\d{1,2})\\s*[/.\\-]\\s*(?<y2>\\d{4}))`, "iu"),
    preambleStart: new RegExp(`^(?:${g.preambleStarts.map(flex).join("|")})(?=\\s|$)`, "iu"),
    typeLine: new RegExp(`^(?<name>${alternation([...typeCodes.keys()].map((k) => k.toUpperCase())).replace(/ /g, "\\s+")})(?:\\s+(?:${g.typeLineJoiners.map(flex).join("|")})\\s.*)?$`, "iu"),
    typeCodes,
    typeFirst: letterTest([...typeCodes.keys()].map((k) => k[0])),
    typeLast: letterTest([...typeCodes.keys()].map((k) => k[k.length - 1])),
    // A type name matches its letters one for one (the pattern is precomposed capitals, compared case-insensitively).
    typeNameLetters: Math.max(...[...typeCodes.keys()].flatMap((k) => [lettersIn(k), lettersIn(k.toUpperCase())])),
    toc: new Set(g.tableOfContents.map(fold)),
    tocFirst: foldedFirsts(g.tableOfContents),
    recipients: new RegExp(`^(?:${g.recipientsHeading.map(flex).join("|")})\\s*:?\\s*`, "iu"),
    recipientsFirst: letterTest(g.recipientsHeading.map((w) => w[0])),
    annotations: new Set(g.annotations.map(fold)),
    notes: new Set(g.signatureNotes.map(fold)),
    authorityFirst: letterTest(g.authorityPrefixes.map((w) => w[0])),
    authority: new RegExp(`^(?:${g.authorityPrefixes.map((p) => escapeRegExp(p).replace(/\\\./g, "\\s?\\.")).sort((a, b) => b.length - a.length).join("|")})(?:\\s?\\.)?(?:\\s+|(?<=\\.))(?=\\p{L})`, "iu"),
    positions: new Set(g.positions.map(fold)),
    positionFirst: foldedFirsts(g.positions),
    positionLast: foldedLasts(g.positions),
    positionMin: Math.min(...g.positions.map((x) => fold(x).length)),
    positionMaxLetters: Math.max(...g.positions.map((x) => lettersIn(fold(x)))),
  };
}

let v: ReturnType<typeof build> | null = null;
const vocab = () => (v ??= build());

/** `s` without a motto run onto its end ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). */
export function withoutMotto(s: string): string {
  const f = fold(s);
  for (const m of vocab().mottoSuffixes) if (f.length > m.length && f.endsWith(m)) return s.slice(0, s.length - m.length).trim();
  return s;
}

export function isMotto(s: string): boolean {
  // Most lines are told apart by their first letter, without folding them.
  return mayFoldInto(s, vocab().mottoFirst) && vocab().mottos.has(fold(s).replace(/\s*[-–]\s*/g, "-"));
}

/** The own số/ký hiệu in a header line, with whether "Số" had a colon. */
export function symbolIn(s: string): { symbol: string; colon: boolean; start: number } | null {
  const m = vocab().symbol.exec(s) ?? vocab().symbolInLine.exec(s);
  if (!m?.groups) return null;
  const sym = trimTrailing(m.groups.sym.replace(/[ \t]+/g, ""), ".");
  if (!/[/\-–]/.test(sym) || !/\p{L}/u.test(sym)) return null;
  return { symbol: sym, colon: Boolean(m.groups.colon), start: m.index };
}

export function isDraftMark(s: string): boolean {
  return vocab().draft.test(s.trim());
}

export interface PlaceDate {
  place: string | null;
  date: string | null;
  year: number | null;
}

/** The place and date line ("Hà Giang, ngày   tháng 4 năm 2023"). */
export function placeDateIn(s: string): PlaceDate | null {
  const m = vocab().date.exec(s);
  if (!m?.groups) return null;
  const g = m.groups;
  const d = g.d ?? g.d2;
  const mo = g.m ?? g.m2;
  const y = Number(g.y ?? g.y2);
  const place = g.place ? placeName(g.place) : null;
  let date: string | null = null;
  if (d && mo) {
    const dd = Number(d);
    const mm = Number(mo);
    if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) date = `${y}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  }
  return { place, date, year: y };
}

/**
 * The place from the text before ", ngày": its last words that hold a lower-case letter
 * or end with a dot ("TP. Hồ Chí Minh"), so that an issuer or a number run into the same
 * line ("TỈNH LÀO CAI Lào Cai", "Số: 12/KH-UBND Hòa Phong") is left out.
 */
function placeName(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  let k = words.length;
  while (k > 0 && /\p{Ll}|\.$/u.test(words[k - 1]) && !/[\d/:]/.test(words[k - 1])) k--;
  const kept = k < words.length ? words.slice(k) : words;
  return kept.join(" ") || null;
}

export function startsPreamble(s: string): boolean {
  return vocab().preambleStart.test(s);
}

/** The type line ("KẾ HOẠCH", "CHỈ THỊ CỦA ỦY BAN NHÂN DÂN ..."): the type name as written and its code. */
export function typeLineOf(s: string, anyCase = false): { name: string; code: string } | null {
  const m = vocab().typeLine.exec(s.trim());
  if (!m?.groups) return null;
  const name = m.groups.name;
  if (!anyCase && name !== name.toUpperCase()) return null; // the type line is written in capitals
  return { name, code: vocab().typeCodes.get(fold(name).replace(/\s+/g, " ")) ?? name };
}

/**
 * `s` could be only a type name, as `typeLineOf` reads it: no more letters than the longest name.
 * Counts no further than that, so a long paragraph is told at once.
 */
export function mayBeTypeNameOnly(s: string): boolean {
  const v = vocab();
  // typeLineOf trims: a line opening or ending with a space is counted.
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if ((!isSpaceCode(first) && !v.typeFirst(first)) || (!isSpaceCode(last) && !v.typeLast(last))) return false;
  const max = v.typeNameLetters;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSpaceCode(s.charCodeAt(i)) && ++letters > max) return false;
  }
  return true;
}

/** A paragraph that is only a type name, in any case ("Chương trình" under a header whose capitals were lost). */
export function bareTypeName(s: string): { name: string; code: string } | null {
  const name = s.trim();
  const code = vocab().typeCodes.get(fold(name));
  return code ? { name, code } : null;
}

/** Longest heading of a table of contents. */
export const TOC_HEADING_MAX = 40;

/** The heading of a table of contents ("MỤC LỤC"). */
export function isTocHeading(s: string): boolean {
  return s.length <= TOC_HEADING_MAX && mayFoldInto(s, vocab().tocFirst) && vocab().toc.has(trimTrailing(fold(s), " :."));
}

/** What follows "Nơi nhận:" on its line, or null when the line is not that heading. */
export function afterRecipientsHeading(s: string): string | null {
  if (!vocab().recipientsFirst(s.charCodeAt(0))) return null;
  const m = vocab().recipients.exec(s);
  return m ? s.slice(m[0].length) : null;
}

/** A line holding only a bracketed note beside recipients: "} (Báo cáo)", "(để b/c)". */
export function isAnnotationOnly(s: string): boolean {
  const t = s.replace(/^[-+•*\s]+/, "");
  if (/^[}{]/.test(t)) return true;
  const m = /^\(([^()]*)\)[\s,;.]*$/.exec(t);
  return Boolean(m && vocab().annotations.has(fold(m[1])));
}

/** "(Đã ký)", "Ký bởi: ...": neither title nor name. */
export function isSignatureNote(s: string): boolean {
  const t = fold(s.replace(/^[(\[]|[)\]]$/g, ""));
  const head = t.split(":")[0];
  return vocab().notes.has(t) || vocab().notes.has(head);
}

/** Length of a signing-authority prefix ("TM. ", "K/T ", "KT. "), or 0. */
export function authorityPrefix(s: string): number {
  if (!vocab().authorityFirst(s.charCodeAt(0))) return 0;
  const m = vocab().authority.exec(s);
  if (!m) return 0;
  // In capitals as written; in lower case ("tm . ubnd ...", capitals lost with a legacy font)
  // only with its dot or slash, on a short line without clause punctuation.
  const cased = m[0] === m[0].toUpperCase();
  if (cased || (/[./]/.test(m[0]) && s.length <= 60 && !/[,;:]/.test(s))) return m[0].length;
  return 0;
}

/**
 * `s` may open with a recipients heading, a signing authority or a position: a test of its
 * first letter, so that most lines skip the three patterns (and finding their first column).
 */
export function mayOpenClosing(s: string): boolean {
  const v = vocab();
  const first = s.charCodeAt(0);
  return v.recipientsFirst(first) || v.authorityFirst(first) || mayFoldInto(s, v.positionFirst);
}

export function isKnownPosition(s: string): boolean {
  const v = vocab();
  // Most lines are told apart by their first or last letter or their length, without folding them.
  return s.length >= v.positionMin && mayFoldInto(s, v.positionFirst) && mayFoldEndInto(s, v.positionLast) && foldsWithin(s, v.positionMaxLetters) && v.positions.has(fold(s));
}

/** A title line of a signature: capitals only, a few words. */
export function isTitleLine(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s) && s.length <= 80 && !isMotto(s);
}

/** A personal name: two to six capitalised words ("Đinh Thị Kim Tuyên"). */
export function isPersonName(s: string): boolean {
  return /^\p{Lu}\p{Ll}*(?:[ \t]\p{Lu}\p{Ll}*){1,5}$/u.test(s.trim()) && !isKnownPosition(s);
}
