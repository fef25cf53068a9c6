// Compiles grammars/time.json into the matchers of the time parser, once.
import { escapeRegExp, loadGrammar } from "../../grammar/load.js";
import { phrases as alternation } from "../pattern.js";
import { tailFirst } from "../tails.js";
import { openingTest } from "./opening.js";

export interface TimeGrammar {
  words: { day: string[]; month: string[]; year: string[]; quarter: string[]; first: string[]; last: string[]; period: string[]; clock: string[]; minute: string[] };
  numbers: Record<string, number>;
  partsOfYear: Record<string, [number, number]>;
  roman: Record<string, number>;
  before: string[];
  after: string[];
  from: string[];
  to: string[];
  at: string[];
  within: string[];
  recurring: string[];
  continuous: string[];
  openEnded: string[];
  onDirection: string[];
  relative: string[];
  relativeYear: string[];
  labels: string[];
  labelHeads: string[];
  leading: string[];
  horizon: string[];
}

/**
 * What a pattern cannot match without, tested before running it on a slice: groups of lower-case
 * words, each group met when the lower-cased slice holds one of its words. The words are literal
 * parts of every match (a time word, a phrase's first word, a year's century), so a slice without
 * them has no match.
 */
export type Needs = readonly (readonly string[])[];

/** Atom shapes: each yields one calendar period. Group names say what was stated. */
export type AtomKind = "date" | "dateNoYear" | "dayOfPeriod" | "month" | "quarter" | "monthsOfYear" | "partOfYear" | "year" | "yearRange" | "bareYear";

export interface CompiledTime {
  grammar: TimeGrammar;
  /** `needs`: words a slice must hold for the atom to match in it. */
  atoms: { kind: AtomKind; re: RegExp; needs: Needs }[];
  /** Full dates (day, month, year), sticky. */
  datesAt: RegExp[];
  /** Phrases without dates, by TimeTerm kind. */
  phrases: { kind: "recurring" | "continuous" | "onDirection" | "openEnded"; re: RegExp; needs: Needs }[];
  relative: RegExp;
  relativeNeeds: Needs;
  /** Right after an atom: its year is relative ("ngày 15 tháng 11 của năm trước"). */
  relativeYear: RegExp;
  /** Right after a bound in running text: it repeats ("trước ngày 25/12 hàng năm"). */
  recurringAfter: RegExp;
  /** Tested against the text just before an atom (anchored at its end). */
  beforePrefix: RegExp;
  afterPrefix: RegExp;
  fromPrefix: RegExp;
  atPrefix: RegExp;
  /** The at-word "trong", which times periods shorter than a year only. */
  withinPrefix: RegExp;
  /** The gap between the two ends of a range. */
  rangeGap: RegExp;
  /** The gap between two items of a list ("tháng 5 và tháng 11/2024"). */
  listGap: RegExp;
  /** A deadline label at the start of a paragraph, with its colon. */
  label: RegExp;
  /** Whether `label` could match text[from, to): its first letter after the bullets. */
  labelOpens: (text: string, from: number, to: number) => boolean;
  /** A label inside a paragraph, after "; " or ". ": "...; thời gian hoàn thành: tháng 6/2024". */
  inlineLabel: RegExp;
  /** Where `inlineLabel` may match: at or before each of its matches, fast to scan for. */
  inlineHint: RegExp;
  /**
   * `runningTrigger` (groups 1, 2) and `inlineHint` (group 3) in one scan, when their matches
   * cannot overlap (both open with accented letters, different ones); null otherwise.
   */
  deadlineScan: RegExp | null;
  /** Where a field's value ends: the next "; Label:" of the same paragraph. */
  nextField: RegExp;
  /** A bullet opening an item. */
  bullet: RegExp;
  /** A short capitalised lead and its colon before an item's value ("Đợt 1: ", "Công tác vận động bầu cử: "). */
  itemLead: RegExp;
  /** A cheap test before parsing a heading: an opening word, a time word, a number. */
  headingStart: RegExp;
  /** What may stand before the first time term of a heading that only says when: nothing, or "Trong". */
  headingOpener: RegExp;
  /** A table header cell naming a time column. */
  headerCell: RegExp;
  /**
   * Global scan for time words with their number ("ngày 1", "quý II"), the anchors of running-text deadlines.
   * Group 1 is where the match starts, group 2 the time word, which ends where group 1 does.
   */
  runningTrigger: RegExp;
  /** What must precede a running-text time expression: "trước", "từ", "vào", "(". */
  opener: RegExp;
  /** An item that opens with a time expression: "Năm 2023, ...". */
  leading: RegExp;
  /** Whether `leading` could match text[from, to). */
  leadingOpens: (text: string, from: number, to: number) => boolean;
  horizon: RegExp;
  monthsWord: Record<string, number>;
  /** "đầu" → [1, 3]: the months a part of the year covers. */
  partsOfYear: Record<string, [number, number]>;
  roman: Record<string, number>;
}

// Word boundaries for Vietnamese letters (\b is ASCII-only).
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const YEAR = "((?:19|20)\\d{2})(?!\\d)";
const SEP = "\\s?[/.\\-]\\s?";
// What may open a paragraph before its label or leading time word (`label`, `leading`).
const BULLET = "[\\s\\-*+•·–_\\\\]";


let compiled: CompiledTime | undefined;

/**
 * The first words of phrases, lower case, as `Needs` words: every match of their alternation
 * holds one (a space in a phrase matches any white space, so only its first word is literal).
 */
export function firstWords(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map((p) => p.normalize("NFC").toLowerCase().split(/\s+/u)[0]))];
}

/** A word as written in running text, capitalised, and in a heading's capitals. */
function cases(w: string): string[] {
  return [...new Set([w, w[0].toLowerCase() + w.slice(1), w[0].toUpperCase() + w.slice(1), w.toUpperCase()])].map((x) => escapeRegExp(x).replace(/ /g, "\\s+"));
}

/** A word as `cases` writes it, unescaped. */
function written(w: string): string[] {
  return [...new Set([w, w[0].toLowerCase() + w.slice(1), w[0].toUpperCase() + w.slice(1), w.toUpperCase()])];
}

/**
 * Time words followed by a number, found by the words' accented tails ("ày" of "ngày", "ăm" of
 * "năm"), much rarer than the initials n, t, q. Group 1 ends where the word (group 2) does.
 * Words with a space, a digit or I, V, X keep the plain alternation, as those could overlap a
 * match. Literal-first (no case folding) so that the engine skips ahead fast; the words before
 * each hit are checked afterwards with `opener`.
 */
function trigger(words: string[]): RegExp {
  const byTail = words.some((x) => /[\s\dIVX]/u.test(x)) ? null : tailFirst(words, { capture: true });
  const all = [...new Set(words)].sort((a, b) => b.length - a.length).map((x) => escapeRegExp(x).replace(/ /g, "\\s+"));
  return new RegExp(`${byTail ?? `((${all.join("|")}))`}\\s*[\\dIVX]`, "g");
}

/**
 * Both sources open with a group of tails ("(áng|ày" ..., "(?:ời|ến" ...) such that no match of
 * one can start inside a match of the other: the tails' first letters differ between the groups,
 * are no space, digit or I, V, X (what follows a time word), and stand nowhere else in a tail.
 */
function disjointOpenings(a: string, b: string): boolean {
  const tails = (src: string) => /^\((?:\?:)?([^()]*)\)/u.exec(src)?.[1].split("|") ?? null;
  const x = tails(a);
  const y = tails(b);
  if (!x || !y) return false;
  const firsts = [...x, ...y].map((t) => t[0]);
  const inner = [...x, ...y].map((t) => t.slice(1)).join("");
  return !x.some((t) => y.some((u) => u[0] === t[0])) && firsts.every((c) => !/[\s\dIVX\\]/u.test(c) && !inner.includes(c));
}

export function timeGrammar(): CompiledTime {
  if (compiled) return compiled;
  const g = loadGrammar<TimeGrammar>("time");
  const w = g.words;
  const alt = (xs: string[]) => `(?:${alternation(xs)})`;
  const day = alt(w.day);
  const month = alt(w.month);
  const year = alt(w.year);
  const quarter = alt(w.quarter);
  const roman = Object.keys(g.roman).sort((a, b) => b.length - a.length).join("|");
  const count = `(\\d{1,2}|${alternation(Object.keys(g.numbers))})`;
  const re = (src: string) => new RegExp(src, "giu");
  // Words every match of an atom holds: its time word, the century of a written year, a separator.
  const [dayW, monthW, yearW, quarterW] = [w.day, w.month, w.year, w.quarter].map(firstWords);
  const century = ["19", "20"];
  const dash = ["-", "–"];
  const atoms: CompiledTime["atoms"] = [
    { kind: "date", needs: [century, ["/", ".", "-"]], re: re(`${B}(?:${day}\\s*)?(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?${YEAR}`) },
    // "ngày 05 tháng 02 tháng 2002": a year written after the month word again is still the year.
    { kind: "date", needs: [monthW, century], re: re(`${B}(?:${day}\\s*)?(\\d{1,2})\\s+${month}\\s+(\\d{1,2})\\s+(?:${year}|${month})\\s+${YEAR}`) },
    { kind: "dateNoYear", needs: [dayW], re: re(`${B}${day}\\s*(\\d{1,2})(?:\\s?[/\\-]\\s?|\\s+${month}\\s+)(\\d{1,2})(?!\\d|${SEP}\\d|\\s+${year}\\s+\\d)`) },
    // "ngày 20 hằng tháng": a day that recurs, no calendar date.
    { kind: "dayOfPeriod", needs: [dayW, firstWords(g.recurring)], re: re(`${B}${day}\\s+(\\d{1,2})(?=\\s+(?:${alternation(g.recurring)})${E})`) },
    { kind: "month", needs: [monthW, century], re: re(`${B}${month}\\s+(\\d{1,2})((?:\\s?(?:,|-|–|và)\\s?\\d{1,2})*)(?:${SEP}|\\s+${year}\\s+)${YEAR}`) },
    { kind: "month", needs: [monthW], re: re(`${B}${month}\\s+(\\d{1,2})(?!\\d|${SEP}\\d|\\s+${year}\\s+\\d)`) },
    // A list shares its year: "quý II, III/2024" runs to the end of the third quarter. The
    // type word is not repeated inside (that would make the scan quadratic on long runs).
    { kind: "quarter", needs: [quarterW, century], re: re(`${B}${quarter}\\s+(${roman}|[1-4])((?:\\s?(?:,|-|–|và)\\s?(?:${roman}|[1-4]))*)(?:${SEP}|\\s+${year}\\s+)${YEAR}`) },
    { kind: "quarter", needs: [quarterW], re: re(`${B}${quarter}\\s+(${roman}|[1-4])${E}(?!${SEP}\\d|\\s+${year}\\s+\\d)`) },
    { kind: "monthsOfYear", needs: [monthW, yearW, firstWords([...w.first, ...w.last])], re: re(`${B}${count}\\s+${month}\\s+(${alternation([...w.first, ...w.last])})\\s+${year}(?:\\s+${YEAR})?${E}`) },
    // "đầu năm 2024", "cuối năm 2024": a part of the year (months from the grammar).
    { kind: "partOfYear", needs: [yearW, century, firstWords(Object.keys(g.partsOfYear))], re: re(`${B}(${alternation(Object.keys(g.partsOfYear))})\\s+${year}\\s+${YEAR}(?!\\s?[-–/]\\s?\\d)`) },
    { kind: "yearRange", needs: [century, dash], re: re(`(?<![\\p{L}\\p{N}/.\\-])(?:(?:${alternation([...w.year, ...w.period])})\\s+)?${YEAR}\\s?[-–]\\s?${YEAR}`) },
    { kind: "year", needs: [yearW, century], re: re(`${B}${year}\\s+${YEAR}(?!\\s?[-–/]\\s?\\d)`) },
    { kind: "bareYear", needs: [century], re: re(`(?<![\\p{L}\\p{N}/.,\\-])${YEAR}(?![\\p{L}/.\\-]|,\\d)`) },
  ];
  // The full dates again, sticky, for a date expected at one place (after a cited symbol).
  const datesAt = atoms.filter((a) => a.kind === "date").map((a) => new RegExp(a.re.source, "iuy"));
  const phrase = (xs: string[]) => re(`${B}(?:${alternation(xs)})${E}`);
  // Between a bound word and its date: a clock time ("đến 05 giờ 00, ngày 14/3") and the day's
  // event ("đến ngày bầu cử 15/3/2026"). Both are short and bounded, the slices they run on too.
  const clock = `(?:\\d{1,2}\\s*(?:${alternation(w.clock)})(?:\\s*\\d{1,2}\\s*(?:${alternation(w.minute)})?)?\\s*,?\\s*)?`;
  const dayOf = `(?:${alternation(w.day)}(?:\\s+\\p{Ll}+){0,3}\\s*)?`;
  const inlineLabel = `[;.]\\s*(?:${g.labels.flatMap(cases).join("|")})\\s*[*_]*\\s*:[\\s*_]*`;
  const tail = (xs: string[]) => new RegExp(`${B}(?:${alternation(xs)})\\s*${clock}${dayOf}$`, "iu");
  const runningTrigger = trigger([...w.day, ...w.month, ...w.quarter, ...w.year].flatMap(written));
  const hintTails = tailFirst(g.labels.flatMap((l) => written(l.split(" ")[0])), { before: "[;.]\\s*" });
  compiled = {
    grammar: g,
    atoms,
    datesAt,
    phrases: [
      { kind: "openEnded", re: phrase(g.openEnded), needs: [firstWords(g.openEnded)] },
      { kind: "recurring", re: phrase(g.recurring), needs: [firstWords(g.recurring)] },
      { kind: "continuous", re: phrase(g.continuous), needs: [firstWords(g.continuous)] },
      { kind: "onDirection", re: phrase(g.onDirection), needs: [firstWords(g.onDirection)] },
    ],
    relative: re(`${B}(?:${alternation(g.relative)})\\s[^;.()\\n]{1,120}`),
    relativeNeeds: [firstWords(g.relative)],
    relativeYear: new RegExp(`^\\s*(?:${alternation(g.relativeYear)})${E}`, "iu"),
    recurringAfter: new RegExp(`^\\s*,?\\s*(?:${alternation(g.recurring)})${E}`, "iu"),
    beforePrefix: tail(g.before),
    afterPrefix: tail(g.after),
    fromPrefix: tail(g.from),
    atPrefix: tail([...g.at, ...g.within]),
    withinPrefix: tail(g.within),
    listGap: /^\s?(?:,|;|và|hoặc)\s?$/u,
    rangeGap: new RegExp(`^\\s*(?:${alternation(g.to)})\\s*${clock}${dayOf}$`, "iu"),
    // "Thời gian thực hiện (dự kiến):" — a short remark may sit between the label and its colon.
    // "Thời gian kiểm tra:", "Thời gian tuyên truyền:": a label head with the activity it times.
    label: new RegExp(`^${BULLET}*(?:${alternation(g.labels)}|(?:${alternation(g.labelHeads)})(?:\\s+\\p{L}+){1,3})(?:\\s*\\([^()\\n]{0,30}\\))?\\s*[*_]*\\s*:[\\s*_]*`, "iu"),
    labelOpens: openingTest(BULLET, [...g.labels, ...g.labelHeads], "iu"),
    inlineLabel: new RegExp(inlineLabel, "g"),
    inlineHint: new RegExp(hintTails ?? inlineLabel, "g"),
    deadlineScan: hintTails && disjointOpenings(runningTrigger.source, hintTails) ? new RegExp(`${runningTrigger.source}|(${hintTails})`, "g") : null,
    nextField: /[;.]\s*\p{Lu}[^;:.()\n]{0,40}:/u,
    bullet: /^\s*[-*+•·–]/u,
    itemLead: /^[\s\-*+•·–]*\p{Lu}[^:;.\n]{0,48}:\s*/u,
    headingStart: new RegExp(`^(?:(?:${alternation([...g.leading, ...g.before, ...g.from, ...g.after, ...g.at])})\\s+${alt([...w.day, ...w.month, ...w.quarter, ...w.year])}|${alt([...w.day, ...w.month, ...w.quarter, ...w.year])}?\\s*\\d)`, "iu"),
    headingOpener: new RegExp(`^\\s*(?:(?:${alternation(g.leading)})\\s*)?$`, "iu"),
    headerCell: new RegExp(`^[\\s*_]*(?:${alternation(g.labels)})(?![\\p{L}])[^\\n|]{0,30}$`, "iu"),
    runningTrigger,
    opener: new RegExp(`(?:${B}(?:${alternation([...g.before, ...g.from, ...g.at, ...g.within])})\\s*${clock}(?:${alternation(Object.keys(g.partsOfYear))}\\s+)?|\\()\\s*$`, "iu"),
    leading: new RegExp(`^${BULLET}*(?:(?:${alternation(g.leading)})\\s+)?(?=(?:${alternation([...w.year, ...w.quarter, ...w.month])})\\s)`, "iu"),
    leadingOpens: openingTest(BULLET, [...g.leading, ...w.year, ...w.quarter, ...w.month], "iu"),
    horizon: new RegExp(`${B}(?:${alternation(g.horizon)})${E}`, "iu"),
    monthsWord: g.numbers,
    partsOfYear: Object.fromEntries(Object.entries(g.partsOfYear).map(([k, v]) => [k.toLowerCase(), v])),
    roman: g.roman,
  };
  return compiled;
}
