// Cited documents: every số/ký hiệu in the text, with the type word, list
// numbers, date, issuer and trích yếu around it. One scan for symbols over the
// whole text; the context of each is read from short windows around it.
import type { Citation } from "../contract/schema.js";
import { loadGrammar } from "../grammar/load.js";
import { phrases as alternation } from "./pattern.js";
import type { Block, Segmented } from "../segment/types.js";
import { citationKeys } from "./identity.js";
import { readIssuer } from "./issuer.js";
import { isDigitCode, isSpaceCode } from "../text/chars.js";
import { blockAt, locate } from "./locate.js";
import { logicalParagraphs, type LogicalParagraph } from "./paragraphs.js";
import { findSymbols, typeCodeOf, type DocumentTypes, type ParsedSymbol } from "./symbols.js";
import { timeGrammar } from "./time/grammar.js";
import { dateAt } from "./time/parse.js";

interface Context {
  /** A type word with its optional "số" right before the symbol (or its list). */
  typeWord: RegExp;
  /** A type word, then the date, then the number: "Công văn ngày 12/3/2024 số". Groups: name, date, the gap after it. */
  typedDated: RegExp;
  /** "số" alone right before the symbol. */
  numberWord: RegExp;
  /** A number without a symbol, dated right after: "số 02 ngày 21/4/2026". Sticky: tried where a number word stands. */
  bareNumber: RegExp;
  /** The first letters of the day words, as bareNumber writes them (case counts). */
  dayFirst: Set<number>;
  /** The number words as written, lower case and capitalised. */
  numberWords: string[];
  /** "Số:" with its colon, how a document writes its own number. */
  numberColon: RegExp;
  /** The code of a letter (công văn). */
  letterCode: string;
  /** A titled type word further back: "Luật Bầu cử đại biểu Quốc hội ... số 85/2015/QH13". */
  titled: RegExp;
  /** Another number of a list: "217, 218-QĐ/TW". */
  listItem: RegExp;
  /** The document's own number: "Số: 1105/KH-ĐKT" opening a line, "kèm theo Kế hoạch số". */
  ownLine: RegExp;
  attached: RegExp;
  /** Where a trích yếu ends: ";", a full stop, a new item, or the citing sentence's own words. */
  subjectEnd: RegExp;
  /** "Mẫu số 02/BC-UBND": a form, not a document. */
  notDocument: RegExp;
  ownTitle: RegExp;
  codeOfName: Map<string, string>;
}


let compiled: Context | undefined;

function context(): Context {
  if (compiled) return compiled;
  const g = loadGrammar<DocumentTypes>("document-types");
  const names = alternation(g.types.flatMap((t) => t.names));
  const num = `(?:(?:${alternation(g.numberWords)})\\s*:?\\s*){0,2}`;
  const time = timeGrammar().grammar;
  const B = "(?<![\\p{L}\\p{N}])";
  const numberWords = g.numberWords.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
  compiled = {
    typeWord: new RegExp(`${B}(${names})\\s*${num}$`, "iu"),
    numberWord: new RegExp(`${B}(?:${alternation(g.numberWords)})\\s*:?\\s*$`, "iu"),
    typedDated: new RegExp(`${B}(${names})\\s*,?\\s*(?=${alternation(time.words.day)})(\\p{L}+\\s*\\d{1,2}(?:[/.\\-]\\d{1,2}[/.\\-]\\d{4}|\\s+\\p{L}+\\s+\\d{1,2}\\s+\\p{L}+\\s+\\d{4}))(\\s*,?\\s*${num})$`, "iu"),
    // "số 02 ngày 21/4/2026": the number alone, followed by its date.
    bareNumber: new RegExp(`(?<![\\p{L}])(?:${numberWords.join("|")})\\s*:?\\s*(\\d{1,5})(?=\\s*,?\\s*(?:${alternation(time.words.day)})\\s*\\d)`, "uy"),
    numberWords,
    dayFirst: new Set(time.words.day.map((w) => w.charCodeAt(0))),
    numberColon: new RegExp(`${B}(?:${alternation(g.numberWords)})\\s*:\\s*$`, "iu"),
    titled: new RegExp(`${B}(${names})\\s+\\p{Lu}[^;.()]{0,110}?\\s(?:${alternation(g.numberWords)})\\s*:?\\s*$`, "u"),
    listItem: new RegExp(`(?<![\\p{N}/.\\-])(\\d{1,5})\\s*(?:,|và)\\s*$`, "u"),
    // "Số: 1105/KH-ĐKT", "Luật số: 15/2012/QH13" opening a line.
    ownLine: new RegExp(`(?:^|\\n)[\\s*_#]*(?:(?:${alternation(g.numberWords)})\\s*:?|(?:${names})\\s+(?:${alternation(g.numberWords)})\\s*:)\\s*$`, "iu"),
    subjectEnd: new RegExp(`;|\\||\\.(?=\\s|$)|\\s\\((?=\\d)|\\n(?=[-*+•]|\\d+[.)])|,?\\s(?:${alternation(g.subjectEnds)})(?![\\p{L}\\p{N}])`, "u"),
    notDocument: new RegExp(`${B}(?:${alternation(g.notDocuments)})\\s*${num}$`, "iu"),
    attached: new RegExp(`(?:(\\(\\s*)|${B})kèm theo\\s*$`, "iu"),
    ownTitle: new RegExp(`^[\\s*_#]*(${names})[\\s*_]*$`, "imu"),
    letterCode: g.letterCode,
    codeOfName: new Map(g.types.flatMap((t) => t.names.map((n) => [n.toLowerCase(), t.code] as [string, string]))),
  };
  return compiled;
}

interface Mention {
  sym: ParsedSymbol;
  number: string;
  numberStart: number;
  numberEnd: number;
  /** Where the mention starts: its type word, else the number. */
  start: number;
  typeName: string | null;
  typeCode: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  /** End of the symbol with its date, before "của". */
  tail: number;
  block: Block;
}

const WINDOW = 120;
const NEAR = 48;

export function extractCitations(seg: Segmented): Citation[] {
  const { text } = seg;
  const c = context();
  const paragraphs = logicalParagraphs(text, seg.blocks);
  const own = ownNumber(seg);
  const mentions: Mention[] = [];
  let p = 0;
  for (const sym of withBareNumbers(text, findSymbols(text))) {
    while (p + 1 < paragraphs.length && paragraphs[p + 1].start <= sym.start) p++;
    const para: LogicalParagraph | undefined = paragraphs[p];
    const block = blockAt(seg.blocks, sym.start) ?? para?.block;
    if (!block) continue;
    // Header lines are short paragraphs of their own: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT" reads across them.
    const header = block.region === "header";
    const floor = para && para.start <= sym.start && !header ? para.start : Math.max(0, sym.start - WINDOW);
    const limit = para && para.end >= sym.end ? para.end : Math.min(text.length, sym.end + 300);
    const list = listBefore(text, floor, sym.start);
    const head = list.length ? list[0].start : sym.start;
    const before = text.slice(Math.max(floor, head - WINDOW), head);
    // A type word and its "số" fit in the last few dozen characters; the anchored tests need no more.
    const near = before.length > NEAR ? before.slice(before.length - NEAR) : before;
    const nearAt = head - near.length;
    const typed = c.typeWord.exec(near);
    const numbered = typed ?? c.numberWord.exec(near);
    // In the header only a number under a type word, without the colon of "Số:", names another document.
    if (header && (!typed || c.numberColon.test(near))) {
      if (own && sym.typeCode === own.typeCode) own.numbers.add(sym.number);
      continue;
    }
    if (!header && numbered && c.ownLine.test(before)) {
      // "Số: 1105/KH-ĐKT" in the header: the plan's own number.
      if (own && sym.typeCode === own.typeCode) own.numbers.add(sym.number);
      continue;
    }
    if (own && sym.typeCode === own.typeCode && own.numbers.has(sym.number)) continue;
    if (!typed && c.notDocument.test(near)) continue;
    // A bare number is a document's only after its type word and "số".
    if (sym.bare && (!typed || !c.numberWord.test(near))) continue;
    // "Công văn ngày 12/3/2024 số 45/UBND-VX": the date written before the number.
    const dated = !typed && numbered ? c.typedDated.exec(before) : null;
    const typeMatch = typed ?? dated;
    const typeAt = typed ? nearAt : head - before.length;
    let typeName = typeMatch?.[1] ?? null;
    let start = typeMatch ? typeAt + typeMatch.index : list.length ? list[0].start : sym.start;
    if (!typeName && numbered && !sym.typeCode) {
      const t = c.titled.exec(before);
      if (t) {
        typeName = t[1];
        start = head - before.length + t.index;
      }
    }
    // A symbol shaped number/UNIT-PART without a type code or year is how a công văn is numbered.
    const typeCode = sym.typeCode ?? (typeName ? c.codeOfName.get(typeName.toLowerCase().replace(/\s+/gu, " ")) ?? null : sym.year === null && numbered ? c.letterCode : null);
    // "kèm theo Kế hoạch số ..." of the plan's own type, or an appendix title "(Kèm theo ...)": the document itself.
    const attachedFrom = Math.max(floor, start - 20);
    // "kèm theo" ends in "o": most type words have no such word before them, and the pattern is skipped.
    const attached = typeMatch && lastBefore(text, attachedFrom, start, "oO") ? c.attached.exec(text.slice(attachedFrom, start)) : null;
    if (attached && ((own && typeCode === own.typeCode) || attached[1])) continue;
    // A symbol without a type code, or a list, is a citation only after a type word or "số".
    if (!numbered && (!sym.typeCode || list.length)) {
      if (!sym.typeCode) continue;
      list.length = 0;
    }
    const after = readAfter(text, sym.end, limit);
    if (dated && !after.date) after.date = readDate(text, typeAt + dated.index + dated[0].length - dated[2].length - dated[3].length, limit)?.iso ?? null;
    after.issuer ??= issuerBefore(text, Math.max(floor, start - WINDOW), start);
    const items = [...list, { number: sym.number, start: sym.start, end: sym.start + sym.number.length }];
    for (const it of items)
      mentions.push({ sym, number: it.number, numberStart: it.start, numberEnd: it.end, start: it === items[0] ? start : it.start, typeName, typeCode, ...after, block });
  }
  shareIssuers(text, mentions);
  const keys = citationKeys(
    mentions.map((m) => ({ typeCode: m.typeCode, number: m.number, symbolYear: m.sym.year, issuerCode: m.sym.issuerCode, date: m.date, issuer: m.issuer })),
  );
  return mentions.map((m, i) => ({
    typeCode: m.typeCode,
    typeName: m.typeName,
    number: m.number,
    year: m.sym.year ?? (m.date ? Number(m.date.slice(0, 4)) : null),
    issuerCode: m.sym.issuerCode || null,
    symbol: m.number === m.sym.number ? m.sym.symbol : m.number + m.sym.symbol.slice(m.sym.number.length),
    date: m.date,
    issuer: m.issuer,
    subject: m.subject,
    key: keys[i],
    ...locate(m.block, m.start, m.number === m.sym.number ? m.sym.end : m.numberEnd),
  }));
}

/**
 * Adds the numbers written without a symbol but dated, "Văn bản số 02 ngày 21/4/2026", in text order.
 * Whether a type word stands before one is checked with the others.
 */
function withBareNumbers(text: string, symbols: ParsedSymbol[]): ParsedSymbol[] {
  const { bareNumber: re, numberWords } = context();
  // A bare number follows its number word: the pattern is tried only where one stands (indexOf
  // finds them much faster than the pattern scans) with a number and what may open a day word
  // after it, in text order. Matches cannot overlap.
  const at = new Set<number>();
  for (const w of numberWords) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (numberThenDay(text, i + w.length)) at.add(i);
  const bare: ParsedSymbol[] = [];
  for (const i of [...at].sort((a, b) => a - b)) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index + m[0].length - m[1].length;
    bare.push({ start, end: start + m[1].length, number: m[1], year: null, typeCode: null, issuerCode: "", symbol: m[1], party: false, bare: true });
  }
  if (!bare.length) return symbols;
  return [...symbols, ...bare].sort((a, b) => a.start - b.start);
}

/**
 * Whether text at `at` reads as the rest of a bare number: spaces and one colon, digits, spaces,
 * one comma, spaces, then the first letter of a day word ("số 02 ngày ..."). Told by code, before the pattern.
 */
function numberThenDay(text: string, at: number): boolean {
  at = skipSpaces(text, at);
  if (text.charCodeAt(at) === 58) at = skipSpaces(text, at + 1);
  if (!isDigitCode(text.charCodeAt(at))) return false;
  while (isDigitCode(text.charCodeAt(at))) at++;
  at = skipSpaces(text, at);
  if (text.charCodeAt(at) === 44) at = skipSpaces(text, at + 1);
  return context().dayFirst.has(text.charCodeAt(at));
}

function skipSpaces(text: string, at: number): number {
  while (isSpaceCode(text.charCodeAt(at))) at++;
  return at;
}

/** Whether the last character of text[from, to) that is not a space is one of `chars`. */
function lastBefore(text: string, from: number, to: number, chars: string): boolean {
  let i = to - 1;
  while (i >= from && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= from && chars.includes(text[i]);
}

const LIST_REACH = 20;

/** Numbers of a list right before a symbol ("217, 218-QĐ/TW" → 217), in text order. */
function listBefore(text: string, floor: number, at: number): { number: string; start: number; end: number }[] {
  const { listItem } = context();
  const list: { number: string; start: number; end: number }[] = [];
  for (;;) {
    const lo = Math.max(floor, at - LIST_REACH);
    // A list's number is followed by "," or "và": without one of them last, the pattern is skipped.
    const m = lastBefore(text, lo, at, ",à") ? listItem.exec(text.slice(lo, at)) : null;
    if (!m) return list;
    at = lo + m.index;
    list.unshift({ number: m[1], start: at, end: at + m[1].length });
  }
}

const DATE_GAP = /\s*[,;(]?\s*(?:ban hành\s*)?/iuy;
const OF = /^\s*,?\s*của\s+/u;
const ABOUT = /^\s*[,:]?\s*(?=(?:về|V\/v)\s)/iu;

/** Date, issuer and trích yếu following a symbol. */
function readAfter(text: string, from: number, limit: number): Pick<Mention, "date" | "issuer" | "subject" | "tail"> {
  let at = from;
  let date = readDate(text, at, limit);
  if (date) at = date.end;
  const tail = at;
  let issuer: string | null = null;
  const of = startsAfterGap(text, at, ",", "của") ? OF.exec(text.slice(at, Math.min(limit, at + 12))) : null;
  if (of) {
    const r = readIssuer(text, at + of[0].length, limit);
    if (r) {
      issuer = r.name;
      at = r.end;
      if (!date) {
        date = readDate(text, at, limit);
        if (date) at = date.end;
      }
    }
  }
  let subject: string | null = null;
  const about = startsAfterGap(text, at, ",:", "v", "V") ? ABOUT.exec(text.slice(at, Math.min(limit, at + 6))) : null;
  if (about) {
    const s = at + about[0].length;
    const rest = text.slice(s, Math.min(limit, s + 400));
    const end = rest.search(context().subjectEnd);
    subject = (end >= 0 ? rest.slice(0, end) : rest).replace(/\s+/gu, " ").trim() || null;
  }
  return { date: date?.iso ?? null, issuer, subject, tail };
}

/**
 * Whether, past spaces, one of `marks` and spaces, text at `at` opens with one of `words`: what
 * OF and ABOUT need before they can match, told without slicing and running them.
 */
function startsAfterGap(text: string, at: number, marks: string, ...words: string[]): boolean {
  while (isSpaceCode(text.charCodeAt(at))) at++;
  if (at < text.length && marks.includes(text[at])) {
    at++;
    while (isSpaceCode(text.charCodeAt(at))) at++;
  }
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

function readDate(text: string, from: number, limit: number): { iso: string; end: number } | null {
  DATE_GAP.lastIndex = from;
  const gap = DATE_GAP.exec(text);
  return dateAt(text, from + (gap ? gap[0].length : 0), Math.min(limit, from + 40));
}

const OF_AT = /(?<![\p{L}])của\s+/gu;
const AT = /^\s*tại\s*$/u;

/** "chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 116-CV/TU": the issuer comes first. */
function issuerBefore(text: string, from: number, to: number): string | null {
  const window = text.slice(from, to);
  let last: RegExpExecArray | null = null;
  OF_AT.lastIndex = 0;
  for (let m = OF_AT.exec(window); m; m = OF_AT.exec(window)) last = m;
  if (!last) return null;
  const r = readIssuer(text, from + last.index + last[0].length, to);
  return r && AT.test(text.slice(r.end, to)) ? r.name : null;
}

/** "Chỉ thị số 16/CT-UBND và Kế hoạch số 4088/KH-UBND của UBND tỉnh": the issuer is shared. */
function shareIssuers(text: string, mentions: Mention[]): void {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (a.issuer || !b.issuer) continue;
    if (a.sym === b.sym || /^\s*(?:,|;)?\s*(?:và|cùng)?\s*$/u.test(text.slice(a.tail, b.start))) a.issuer = b.issuer;
  }
}

/** The document's own number and type, which it does not cite. */
function ownNumber(seg: Segmented): { numbers: Set<string>; typeCode: string | null } | null {
  const c = context();
  const d = seg.document;
  let typeCode = d.typeCode;
  if (!typeCode) {
    const m = c.ownTitle.exec(seg.text.slice(0, 2000));
    if (m && m[1] === m[1].toUpperCase()) typeCode = c.codeOfName.get(m[1].toLowerCase()) ?? null;
  }
  const sym = d.symbol ? findSymbols(d.symbol)[0] : undefined;
  if (!typeCode && !sym) return null;
  return { numbers: new Set(sym ? [sym.number] : []), typeCode: sym?.typeCode ?? typeCode };
}
