// Responsible units: role fields ("Chủ trì: ..."), assignment clauses ("Giao X
// ...", "Đề nghị X ...", "X có trách nhiệm ...", "X: <verb> ..."), an item led
// by a person in a role ("Ông. A - Trưởng đoàn: ...") or by "Đối với X:", a
// numbered heading that only names a unit, and the role columns of task tables.
// Vocabulary is in grammars/roles.json and grammars/verbs.json. A paragraph is
// tokenized only when a cheap test on its text says it may hold one of these.
import type { Unit, UnitRole } from "../contract/schema.js";
import { alternation, loadGrammar } from "../grammar/load.js";
import type { Block, Segmented } from "../segment/types.js";
import { normalizeUnitName } from "../text/abbreviations.js";
import { itemStart } from "../text/items.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { isSpaceCode } from "../text/chars.js";
import { isLower, isWordChar, tokenAt, tokenize, type Token } from "../text/tokens.js";
import { locate } from "./locate.js";
import { tableHeader, tableRows, type TableColumns } from "./tables.js";
import { DASHES, headAt, looksLikeUnit, mayOpenWithHead, opensUnitList, personAt, scanUnitList, verbAt, type NameSpan } from "./unit-names.js";

interface RoleGrammar {
  fields: Array<{ role: UnitRole; labels: string[] }>;
  markers: Array<{
    words: string[];
    place: "before" | "after";
    role: UnitRole;
    capitalOnly?: boolean;
    needsHead?: boolean;
    notAfter?: string[];
  }>;
  notUnitLabels: string[];
  closingStarts: string[];
  leadIns: string[];
  markerAnchors?: string[];
}

interface Marker {
  words: Lexicon;
  place: "before" | "after";
  role: UnitRole;
  capitalOnly: boolean;
  needsHead: boolean;
  notAfter: Lexicon | null;
}

interface Compiled {
  fields: Array<{ role: UnitRole; labels: Lexicon }>;
  anyField: Lexicon;
  markers: Marker[];
  notUnitLabels: Lexicon;
  closing: Lexicon;
  /** First letters of the closing phrases, lower case: most paragraphs are told apart by one. */
  closingFirst: Set<string>;
  /** Whether a code unit, lower-cased, is one of those: 0 not seen yet, 1 no, 2 yes. */
  closingCode: Uint8Array;
  leadIns: Lexicon;
  leadInWords: string[];
  /** Any marker word, to skip paragraphs without one cheaply. */
  triggers: RegExp;
  /** Where a trigger may stand, searching the whole text from a position (see `triggerSearch`). */
  triggersFrom: TriggerSearch;
  /** First words of the markers, lower case, to skip tokens cheaply. */
  markerFirst: Set<string>;
  /** Their first letters. */
  markerLetters: Uint8Array;
  /** A field label ending where a colon follows ("...; Phối hợp: ..."), tested on the text before each colon. */
  fieldBefore: RegExp;
  /** Longest text before a colon that can hold a label. */
  labelMax: number;
  /** Last letters of the labels, to test the window before a colon only when one stands there. */
  labelEnds: Set<string>;
  /**
   * Last words of the labels, lower case: the word before a colon must be one for a label to stand there
   * (a space inside the label ends that word). Null when a label is one word.
   */
  labelLastWords: Set<string> | null;
}

let compiled: Compiled | null = null;

/** A table of code units, 1 for those given. */
function codeTable(codes: readonly number[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of codes) table[c] = 1;
  return table;
}

function grammar(): Compiled {
  if (!compiled) {
    const g = loadGrammar<RoleGrammar>("roles");
    compiled = {
      fields: g.fields.map((f) => ({ role: f.role, labels: lexicon(f.labels) })),
      anyField: lexicon(g.fields.flatMap((f) => f.labels)),
      markers: g.markers.map((m) => ({
        words: lexicon(m.words),
        place: m.place,
        role: m.role,
        capitalOnly: m.capitalOnly ?? false,
        needsHead: m.needsHead ?? false,
        notAfter: m.notAfter ? lexicon(m.notAfter) : null,
      })),
      notUnitLabels: lexicon(g.notUnitLabels),
      closing: lexicon(g.closingStarts),
      closingFirst: new Set(g.closingStarts.map((w) => w.normalize("NFC").toLowerCase().charAt(0))),
      closingCode: new Uint8Array(0x10000),
      leadIns: lexicon(g.leadIns),
      leadInWords: g.leadIns,
      triggers: triggerPattern(g.markers, "u"),
      triggersFrom: triggerSearch(triggerForms(g.markers), g.markerAnchors ?? []),
      markerFirst: new Set(g.markers.flatMap((m) => m.words.map((w) => w.toLowerCase().split(" ")[0]))),
      markerLetters: codeTable(g.markers.flatMap((m) => m.words.map((w) => w.toLowerCase().charCodeAt(0)))),
      fieldBefore: new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${alternation(g.fields.flatMap((f) => f.labels))})[*_ ]{0,4}$`, "iu"),
      labelMax: Math.max(...g.fields.flatMap((f) => f.labels.map((l) => l.length))) + 6,
      labelEnds: new Set(g.fields.flatMap((f) => f.labels.flatMap((l) => [l.slice(-1).toLowerCase(), l.slice(-1).toUpperCase()]))),
      labelLastWords: g.fields.every((f) => f.labels.every((l) => l.includes(" ")))
        ? new Set(g.fields.flatMap((f) => f.labels.map((l) => l.normalize("NFC").toLowerCase().split(" ").pop()!)))
        : null,
    };
  }
  return compiled;
}

/**
 * Any marker as it can open a clause, case-sensitive so that the precheck skips the many
 * paragraphs where "giao" is part of a word ("giao thông", "bàn giao"): a capital-only marker
 * with its capital or in lower case after a comma, the others in lower case, with a capital or in capitals.
 */
function triggerPattern(markers: RoleGrammar["markers"], flags: string): RegExp {
  return new RegExp(alternation(triggerForms(markers)), flags);
}

function triggerForms(markers: RoleGrammar["markers"]): string[] {
  const forms: string[] = [];
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  for (const m of markers) {
    for (const w of m.words) {
      const lower = w.toLowerCase();
      forms.push(capital(lower), lower.toUpperCase());
      if (m.capitalOnly) forms.push(`,${lower}`, `, ${lower}`);
      else forms.push(lower);
    }
  }
  return [...new Set(forms)];
}

/**
 * The search for trigger forms over the whole text. The forms open with common letters (c, g, đ),
 * which a regular expression tries at each of their many places; it looks instead for an anchor
 * inside the forms ("ách nhiệm", "iao"), much rarer, and checks the forms holding it around each hit.
 * Forms do not overlap one another at different starts, so the first hit with a form is the first form.
 */
export interface TriggerSearch {
  anchors: RegExp;
  /** By anchor text: the forms holding it, with the anchor's offset in each. */
  forms: Map<string, Array<{ form: string; at: number }>>;
}

export function triggerSearch(forms: readonly string[], anchorWords: readonly string[]): TriggerSearch {
  const anchors = [...new Set(anchorWords.flatMap((a) => [a.toLowerCase(), a.toUpperCase()]))];
  const byAnchor = new Map<string, Array<{ form: string; at: number }>>();
  for (const form of forms) {
    // Without an anchor of its own, a form is its own anchor.
    const anchor = anchors.find((a) => form.includes(a)) ?? form;
    if (!byAnchor.has(anchor)) byAnchor.set(anchor, []);
    byAnchor.get(anchor)!.push({ form, at: form.indexOf(anchor) });
  }
  return { anchors: new RegExp(alternation([...byAnchor.keys()]), "g"), forms: byAnchor };
}

/** Start of the first trigger form at or after `from` in `text`, -1 when none; `found.length` is the shortest form there. */
export function firstTrigger(search: TriggerSearch, text: string, from: number, found?: { length: number }): number {
  const re = search.anchors;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let first = -1;
    let length = 0;
    for (const { form, at } of search.forms.get(m[0])!) {
      const start = m.index - at;
      if (start < from || (first >= 0 && start > first) || !text.startsWith(form, start)) continue;
      if (start !== first || form.length < length) length = form.length;
      first = start;
    }
    if (first >= 0) {
      if (found) found.length = length;
      return first;
    }
    re.lastIndex = m.index + 1;
  }
  return -1;
}

/** . ; : — the punctuation that ends a clause. */
const breaksClause = (t: string | undefined) => t === "." || t === ";" || t === ":";
/** Longest paragraph read as a heading that only names a unit. */
const HEADING_MAX = 200;
/** Longest subject of "X có trách nhiệm", in tokens. */
const SUBJECT_MAX = 120;
/** Farthest a colon closing a unit or a field label can sit from the start of a paragraph. */
const LEAD_MAX = 160;
/** How far past a lead's colon its first words are read (the verb that says the lead is a unit). */
const AFTER_COLON = 48;

export function extractUnits(seg: Segmented): Unit[] {
  const out: Unit[] = [];
  const { text, blocks } = seg;
  // The searches over the text start afresh with each document (see TextCursor).
  for (const c of [colons, parens, squares]) c.reset();
  cursor.text = "";
  // Without a closing region from the segmenter, the body ends at "Nơi nhận".
  const closingMarked = blocks.some((b) => b.region === "closing");
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.region === "header" || block.region === "notes" || block.region === "closing") continue;
    if (!closingMarked && startsClosing(text, block)) break;
    const header = block.kind === "row" || text.startsWith("|", block.start) ? tableHeader(text, block) : null;
    if (header) {
      b = tableUnits(text, blocks, b, header, out);
      continue;
    }
    blockUnits(text, block, out);
  }
  return out;
}

/** The "Nơi nhận" line, where the body ends when the segmenter has not marked the closing. */
function startsClosing(text: string, block: Block): boolean {
  const g = grammar();
  const at = itemStart(text, block.start, block.end).start;
  // Past the item's markup the first character opens the first token.
  if (at >= block.end || !opensClosing(g, text.charCodeAt(at))) return false;
  return g.closing.matchAt(tokenize(text, at, Math.min(block.end, at + 20)), 0) > 0;
}

/** Whether a code unit, lower-cased, is the first letter of a closing phrase. */
function opensClosing(g: Compiled, code: number): boolean {
  let k = g.closingCode[code];
  if (k === 0) {
    k = g.closingFirst.has(String.fromCharCode(code).toLowerCase().charAt(0)) ? 2 : 1;
    g.closingCode[code] = k;
  }
  return k === 2;
}

/**
 * A forward search over the whole text asked from paragraph after paragraph: `search` (first hit at
 * or after `from`, -1 when none) runs once per hit, not once per paragraph. `next` returns text.length
 * when none. `reset` before each document: a string compares by content, so a new text that equals the
 * last one would be compared in full at each question instead of at once by reference.
 */
export interface TextCursor {
  next(text: string, from: number): number;
  reset(): void;
}

export function textCursor(search: (text: string, from: number) => number): TextCursor {
  // No hit in [from, at).
  let seen = "";
  let from = 0;
  let at = 0;
  return {
    next(text, f) {
      if (seen !== text || f < from || f > at) {
        const hit = search(text, f);
        seen = text;
        from = f;
        at = hit < 0 ? text.length : hit;
      }
      return at;
    },
    reset() {
      seen = "";
    },
  };
}

/** The first colon at or after a position. */
const colons = textCursor((text, from) => text.indexOf(":", from));
const nextColon = (text: string, from: number) => colons.next(text, from);
/** The first ( and the first [ at or after a position (indexOf finds one character fastest). */
const parens = textCursor((text, from) => text.indexOf("(", from));
const squares = textCursor((text, from) => text.indexOf("[", from));

/**
 * Whether text[start, end) ends with . ; ! or ? (past spaces and markup) and holds no bracket: a unit
 * list read from its start stops there before its end (a bracket could hide the end in a parenthetical).
 */
function endsOnBreak(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && (isSpaceCode(text.charCodeAt(k)) || isMarkupCode(text.charCodeAt(k)))) k--;
  if (k < start) return false;
  const c = text.charCodeAt(k);
  return (c === 46 || c === 59 || c === 33 || c === 63) && parens.next(text, start) >= end && squares.next(text, start) >= end;
}

/** Markup that is no token: * _ # \ */
const isMarkupCode = (c: number) => c === 42 || c === 95 || c === 35 || c === 92;

/** Where the whole-text trigger search stands: no trigger starts in [from, at); -1 when none is left. `length`: the shortest form at `at`. */
const cursor = { text: "", from: 0, at: -1, length: 0 };

/**
 * Start of the first trigger at or after `from` (Infinity when none), searched in the whole
 * text once as the paragraphs come in order, not in each paragraph. A trigger inside a
 * paragraph is found from its start; one found there may still run past its end.
 */
function nextTrigger(g: Compiled, text: string, from: number): number {
  if (cursor.text !== text || from < cursor.from || (cursor.at >= 0 && from > cursor.at)) {
    cursor.text = text;
    cursor.from = from;
    cursor.at = firstTrigger(g.triggersFrom, text, from, cursor);
  }
  return cursor.at < 0 ? Infinity : cursor.at;
}

function push(out: Unit[], block: Block, role: UnitRole, items: readonly NameSpan[]): void {
  for (const it of items) out.push({ name: it.name, normalizedName: normalizeUnitName(it.name), role, ...locate(block, it.start, it.end) });
}

/** Units of one paragraph. */
export function blockUnits(text: string, block: Block, out: Unit[]): void {
  const g = grammar();
  const item = itemStart(text, block.heading ? block.start + block.labelLength : block.start, block.end);
  // Most paragraphs hold no field, marker or unit heading: skip them before tokenizing.
  const colonAt = nextColon(text, item.start);
  const colon = colonAt < block.end ? colonAt - item.start : -1;
  const fields = colon >= 0 && hasField(text, item.start, block.end, colonAt);
  const trigger = nextTrigger(g, text, item.start);
  const body = trigger < block.end ? text.slice(item.start, block.end) : null;
  // A form ending inside the paragraph is one; one running past its end leaves the paragraph's own test.
  const markers = body !== null && (trigger + cursor.length <= block.end || g.triggers.test(body));
  // A paragraph whose markers all sit mid-clause ("theo đề nghị của ...") reads like one without any.
  const live = markers && liveMarker(body!);
  const lead = colon >= 0 && colon <= LEAD_MAX;
  const headingLike = (block.heading || item.numbered) && block.end - item.start <= HEADING_MAX;
  if (!fields && !markers && !lead && !headingLike) return;
  // Without a field or a marker, only a paragraph that opens with a unit can name one.
  // Without a field, a live marker or a colon, (c) below is all that can name a unit: only in a heading or
  // numbered item, read as one list of units up to its end, which a final . ; ! ? stops short of.
  if (!fields && !live && colon < 0 && (!(block.heading || item.numbered) || endsOnBreak(text, item.start, block.end))) return;
  if (!fields && !live && !mayOpenWithHead(text, item.start, g.leadInWords)) return;
  // Fields and markers may sit anywhere; a heading is short; a lead is read up to the first words after its colon.
  const end = fields || markers || headingLike ? block.end : Math.min(block.end, item.start + colon + AFTER_COLON);
  const tokens = tokenize(text, item.start, end);
  if (!tokens.length) return;

  // (a) Role fields, possibly several in one paragraph ("Chủ trì: ...; Phối hợp: ...").
  let foundField = false;
  for (let i = 0; fields && i < tokens.length; i++) {
    if (i > 0 && !breaksClause(tokens[i - 1].text)) continue;
    const field = fieldAt(tokens, i);
    if (!field) continue;
    foundField = true;
    const list = scanUnitList(text, tokens, field.valueAt, tokens.length, { field: true, stopAt: (k) => fieldAt(tokens, k) !== null });
    push(out, block, field.role, list.items);
    i = Math.max(i, list.stop - 1);
  }
  if (foundField) return;

  // (b) Assignment clauses.
  let opened = false;
  for (let i = 0; live && i < tokens.length; i++) {
    const key = tokens[i].key;
    if (g.markerLetters[key.charCodeAt(0)] !== 1 || !g.markerFirst.has(key)) continue;
    for (const m of g.markers) {
      const n = m.words.matchAt(tokens, i);
      if (!n) continue;
      if (m.capitalOnly && !opensClause(tokens, i, n)) continue;
      if (m.notAfter?.matchEndingAt(tokens, i)) continue;
      if (m.place === "before") {
        const list = scanUnitList(text, tokens, i + n);
        const first = list.items[0];
        if (!first || list.reason === "long" || !startsUnit(tokens, first)) continue;
        if (m.needsHead && isLower(tokens[i].text) && (verbAt(tokens, i + n, i + n, true) || !afterClauseBreak(tokens, i))) continue;
        push(out, block, m.role, list.items);
        if (i === 0) opened = true;
        i = list.stop - 1;
      } else {
        const subject = subjectBefore(text, tokens, i);
        if (subject.length) {
          push(out, block, m.role, subject);
          if (subject[0].start === tokens[0].start) opened = true;
        }
        i += n - 1;
      }
      break;
    }
  }
  if (opened) return;

  // "X: <verb> ...", "Đối với X: ..." opening an item, and a numbered heading that only names a unit.
  // An item opening with a verb ("Tổ chức thực hiện") names no unit; nor does one in lower case (a line
  // broken mid-sentence) unless a lead-in introduces it ("Đối với đơn vị được kiểm tra: ...").
  const leadIn = g.leadIns.matchAt(tokens, 0);
  const at = leadIn;
  if (!tokens[at] || (isLower(tokens[at].text) && !leadIn) || verbAt(tokens, at, at, true)) return;
  if (g.anyField.matchAt(tokens, at) || g.notUnitLabels.matchAt(tokens, at)) return;
  if (headAt(tokens, at) === 0) return;
  let list = scanUnitList(text, tokens, at);
  if (!list.items.length) return;
  let leadEnd = list.reason === "colon" ? list.stop : -1;
  // A person in a role names the whole lead before the colon, whatever words it holds:
  // "Đồng chí Phó Giám đốc Trung tâm phục vụ hành chính công - Phó Trưởng tiểu ban: Chủ động ...".
  if (leadEnd < 0 && (list.reason === "verb" || list.reason === "long")) {
    const c = leadColon(tokens, at, item.start + LEAD_MAX);
    if (c > 0 && namesPerson(tokens, at, c)) {
      const whole = scanUnitList(text, tokens, at, c, { keepVerbs: true });
      if (whole.reason === "end" && whole.items.length) [list, leadEnd] = [whole, c];
    }
  }
  const work = leadEnd >= 0 && leadEnd < tokens.length - 1;
  if (work && (leadIn > 0 || verbAt(tokens, leadEnd + 1, leadEnd + 1, true))) {
    push(out, block, "responsible", list.items);
  } else if ((block.heading || item.numbered) && ((list.reason === "end" && end === block.end && tokens[tokens.length - 1].text !== ",") || (leadEnd >= 0 && !work))) {
    push(out, block, "responsible", list.items);
  }
}

/**
 * Any marker word as the tokens can read it: any case, markup or spaces between its words,
 * inside a longer word too. Finds every place where the clause loop below may match a marker.
 */
const ANY_MARKER = /(?:chịu|có)[\s*_#\\]+trách[\s*_#\\]+nhiệm|giao(?:[\s*_#\\]+cho)?|đề[\s*_#\\]+nghị/giu;

/**
 * Whether a marker in `body` may open an assignment clause. The common marker that cannot is
 * a lower-case "đề nghị" after a word that ends no clause ("theo đề nghị", "có quyền đề nghị"),
 * or a lower-case "giao" not after a comma ("bàn giao"): the clause loop skips those. Any other
 * marker counts, so this only spares the loop paragraphs it would pass over.
 */
function liveMarker(body: string): boolean {
  ANY_MARKER.lastIndex = 0;
  for (let m = ANY_MARKER.exec(body); m; m = ANY_MARKER.exec(body)) {
    const first = m[0].charCodeAt(0);
    const prev = prevCharAt(body, m.index);
    if (first === 0x111 /* đ */) {
      if (prev < 0 || ".;:,".includes(body[prev]) || wordBefore(body, prev + 1) === "và") return true;
    } else if (first === 0x67 /* g */ && m[0].length === 4) {
      if (prev >= 0 && body[prev] === ",") return true;
    } else return true;
  }
  return false;
}

/** Index of the last character before `at` that is not a space or markup (-1 when none). */
function prevCharAt(body: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && (isSpaceCode(body.charCodeAt(k)) || "*_#\\".includes(body[k]))) k--;
  return k;
}

/** The run of letters and digits ending at `end`, not before `start`, in lower case. */
function wordBefore(body: string, end: number, start = 0): string {
  let k = end;
  while (k > start && isWordChar(body.charCodeAt(k - 1))) k--;
  return body.slice(k, end).toLowerCase();
}

/** The colon closing an item's lead, within `limit`; -1 when a clause ends first. An abbreviation dot ("Ông. Nguyễn") does not. */
function leadColon(tokens: readonly Token[], from: number, limit: number): number {
  for (let k = from; k < tokens.length && tokens[k].start < limit; k++) {
    const t = tokens[k].text;
    if (t === ":") return k;
    if (t === ";" || t === "!" || t === "?") return -1;
    if (t === "." && !(tokens[k + 1]?.word && !isLower(tokens[k + 1].text))) return -1;
  }
  return -1;
}

/** Whether the lead tokens[from, colon) names a person: a title ("Đồng chí", "Ông") or a dash before a capitalised position ("... - Phó Trưởng tiểu ban"). */
function namesPerson(tokens: readonly Token[], from: number, colon: number): boolean {
  if (personAt(tokens, from)) return true;
  for (let k = from + 1; k < colon - 1; k++) {
    if (DASHES.has(tokens[k].text) && !isLower(tokens[k + 1].text) && headAt(tokens, k + 1) > 0) return true;
  }
  return false;
}

/**
 * "Giao" opens a clause: at the start, after . ; : or a comma; written in lower case
 * only after a comma and before a capitalised body ("Hàng năm, giao Sở ...").
 */
function opensClause(tokens: readonly Token[], i: number, n: number): boolean {
  const prev = tokens[i - 1]?.text;
  if (i > 0 && !breaksClause(prev) && prev !== ",") return false;
  if (!isLower(tokens[i].text)) return true;
  const next = tokens[i + n];
  return prev === "," && next !== undefined && !isLower(next.text) && headAt(tokens, i + n) > 0;
}

/** Whether a role label stands before one of the colons of text[start, end), the first at `colon`: a short window before each. */
function hasField(text: string, start: number, end: number, colon: number): boolean {
  const g = grammar();
  for (let c = colon; c < end; c = nextColon(text, c + 1)) {
    let k = c - 1;
    while (k >= start && (text[k] === " " || text[k] === "*" || text[k] === "_")) k--;
    if (k >= start && g.labelEnds.has(text[k]) && (!g.labelLastWords || g.labelLastWords.has(wordBefore(text, k + 1, start))) && g.fieldBefore.test(text.slice(Math.max(start, c - g.labelMax), c))) return true;
  }
  return false;
}

/** Lower-case "đề nghị" asks a body only opening a clause ("..., đề nghị các bộ phận ..."), not after an object ("điển hình tiên tiến đề nghị các cấp khen thưởng"). */
function afterClauseBreak(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || breaksClause(prev.text) || prev.text === "," || prev.key === "và";
}

/** A role label followed by a colon at tokens[i]. */
function fieldAt(tokens: readonly Token[], i: number): { role: UnitRole; valueAt: number } | null {
  for (const f of grammar().fields) {
    const n = f.labels.matchAt(tokens, i);
    if (n && tokens[i + n]?.text === ":") return { role: f.role, valueAt: i + n + 1 };
  }
  return null;
}

/** The first item of a "Giao ..."/"Đề nghị ..." list must read as a body. */
function startsUnit(tokens: readonly Token[], first: NameSpan): boolean {
  const [a, z] = tokenRange(tokens, first);
  return looksLikeUnit(tokens, a, z);
}

/** The subject of "X có trách nhiệm": a unit list from the clause start up to the marker. */
function subjectBefore(text: string, tokens: readonly Token[], marker: number): NameSpan[] {
  let start = marker;
  while (start > 0 && marker - start < SUBJECT_MAX && !breaksClause(tokens[start - 1].text)) start--;
  if (start > 0 && !breaksClause(tokens[start - 1].text)) return [];
  let list = start < marker ? scanUnitList(text, tokens, start, marker) : null;
  // An adverbial before a comma may open the clause ("Kết thúc đợt kiểm tra, Ban Thường trực ... chịu trách nhiệm"):
  // the subject is then the bodies after the first comma that opens a list of them.
  if (list && !headAt(tokens, start)) {
    for (let k = start; k < marker - 1; k++) {
      if (tokens[k].text !== ",") continue;
      if (opensUnitList(tokens, k + 1)) {
        start = k + 1;
        list = scanUnitList(text, tokens, start, marker);
      }
      break;
    }
  }
  // A modal or adverb may stand between the subject and the marker ("phải chịu trách nhiệm"); a longer
  // phrase may too ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ có trách nhiệm") when the clause opens with a body.
  const near = list !== null && (list.reason === "end" || (list.reason === "verb" && marker - list.stop <= 2));
  const opens = list !== null && list.reason === "verb" && headAt(tokens, start) > 0 && !isLower(tokens[start].text);
  const items = list && (near || opens) ? list.items : [];
  // Items that open with a verb are what the subject does ("X: Phụ trách chung, chịu trách nhiệm ...").
  const named = items.filter((it) => !verbAt(tokens, tokenAt(tokens, it.start), 0, true));
  if (named.length) return named;
  // "Đồng chí Trưởng Tiểu ban: Phụ trách chung, chịu trách nhiệm ...": the subject is the item's lead before the colon.
  if (start > 0 && tokens[start - 1].text === ":") {
    let from = start - 1;
    while (from > 0 && start - from < SUBJECT_MAX && !breaksClause(tokens[from - 1].text)) from--;
    if (from === 0 && headAt(tokens, 0) > 0) {
      const lead = scanUnitList(text, tokens, 0, start - 1);
      if (lead.reason === "end") return lead.items;
    }
  }
  return [];
}

/** Token indices of the first and last token of a name. */
function tokenRange(tokens: readonly Token[], name: NameSpan): [number, number] {
  return [tokenAt(tokens, name.start), tokenAt(tokens, name.end - 1) + 1];
}

/** Units in the role columns of a task table starting at blocks[b]; returns the last row's index. */
function tableUnits(text: string, blocks: readonly Block[], b: number, header: TableColumns, out: Unit[]): number {
  let last = b;
  for (const row of tableRows(text, blocks, b + 1)) {
    last = row.index;
    for (const [col, role] of header.roles) {
      const cell = row.cells[col];
      if (!cell) continue;
      const at = itemStart(text, cell.start, cell.end).start;
      const list = scanUnitList(text, tokenize(text, at, cell.end), 0, undefined, { field: true });
      push(out, blocks[row.index], role, list.items);
    }
  }
  return last;
}
