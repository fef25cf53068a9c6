// The issuing body named after "của" in a citation, as written, and its
// folded, abbreviation-expanded form for identity keys.
import { loadGrammar } from "../grammar/load.js";
import { phrases as alternation } from "./pattern.js";
import { normalizeUnitName } from "../text/abbreviations.js";
import { isSpaceCode } from "../text/chars.js";
import { fold } from "./fold.js";
import type { DocumentTypes } from "./symbols.js";

interface Issuers {
  stops: string[];
  verbs: string[];
  compounds: string[];
  levels: string[];
}

interface CompiledIssuers {
  stop: Sticky;
  verb: Sticky;
  typeWord: Sticky;
  compound: Sticky;
  /** Levels by their first word, longest first. */
  levels: Map<string, string[][]>;
}

/** A sticky pattern and the codes its matches may open with. */
interface Sticky {
  re: RegExp;
  first: Set<number>;
}

let compiled: CompiledIssuers | undefined;

function issuers(): CompiledIssuers {
  if (compiled) return compiled;
  const g = loadGrammar<Issuers>("issuers");
  const types = loadGrammar<DocumentTypes>("document-types").types.flatMap((t) => t.names);
  const verbs = [...loadGrammar<{ verbs: string[] }>("verbs").verbs, ...g.verbs];
  const E = "(?![\\p{L}\\p{N}])";
  const levels = new Map<string, string[][]>();
  for (const l of g.levels.map((x) => x.split(" ")).sort((a, b) => b.length - a.length)) {
    const same = levels.get(l[0]);
    if (same) same.push(l);
    else levels.set(l[0], [l]);
  }
  // Sticky: each is tried at one word's offset, without slicing the window.
  compiled = {
    stop: sticky(g.stops, `(?:${alternation(g.stops)})${E}`, "iuy"),
    verb: sticky(verbs, `(?:${alternation(verbs)})${E}`, "uy"),
    typeWord: sticky(types, `(?:${alternation(types)})${E}`, "iuy"),
    compound: sticky(g.compounds, `(?:${alternation(g.compounds)})${E}`, "uy"),
    levels,
  };
  return compiled;
}

// Letters outside the Latin blocks that match an ASCII one without case (Kelvin sign, long s, Ångström sign).
const FOLDS_TO: Record<string, string> = { k: "\u212a", s: "\u017f", "å": "\u212b" };

/**
 * The pattern, with the first code of each phrase: most words open with none of them, and
 * the long alternation is not run there. Under "i" the other case of each counts too.
 */
function sticky(phrases: readonly string[], source: string, flags: string): Sticky {
  const first = new Set<number>();
  for (const p of phrases) {
    const c = p[0];
    const all = flags.includes("i") ? [c, c.toLowerCase(), c.toUpperCase(), FOLDS_TO[c.toLowerCase()] ?? c] : [c];
    for (const x of all) first.add(x.charCodeAt(0));
  }
  return { re: new RegExp(source, flags), first };
}

/** Does the sticky pattern match in `s` at `i`? */
function at(p: Sticky, s: string, i: number): boolean {
  if (!p.first.has(s.charCodeAt(i))) return false;
  p.re.lastIndex = i;
  return p.re.test(s);
}

const MAX_WORDS = 24;
const CAPITALS = /^\p{Lu}{2,}$/u;
const UPPER = /^\p{Lu}/u;

/** Whether `w` opens with an upper-case letter; ASCII is told by code. */
function upper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(w);
}

/** A character of a word: not a space, and not punctuation that ends a name (table cell bars included). */
function isWordCode(c: number): boolean {
  switch (c) {
    case 44: // ,
    case 59: // ;
    case 58: // :
    case 40: // (
    case 41: // )
    case 0x201c: // “
    case 0x201d: // ”
    case 34: // "
    case 39: // '
    case 91: // [
    case 93: // ]
    case 124: // |
      return false;
    default:
      return !isSpaceCode(c);
  }
}

/** Whether text[from, to) holds a line break. */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

interface Word {
  start: number;
  end: number;
  w: string;
  comma: boolean;
}

/** Reads the body's name starting at `from` (just after "của "), up to `limit`. */
export function readIssuer(text: string, from: number, limit: number): { start: number; end: number; name: string } | null {
  const c = issuers();
  const window = text.slice(from, Math.min(limit, from + 160));
  const words: Word[] = [];
  let scan = 0;
  let ended = false;
  // Words are read as far as the name needs them: most names end after a few.
  const has = (i: number): boolean => {
    while (words.length <= i && !ended) {
      // Punctuation between words ends the name, but for one comma ("Bộ Văn hóa, Thể thao và Du lịch").
      let commas = 0;
      let p = scan;
      for (; p < window.length; p++) {
        const k = window.charCodeAt(p);
        if (isWordCode(k)) break;
        if (k === 44) commas++;
        else if (!isSpaceCode(k)) commas = 2;
      }
      if (words.length >= MAX_WORDS || p >= window.length || commas > 1 || (commas === 1 && !words.length)) {
        ended = true;
        break;
      }
      let q = p + 1;
      while (q < window.length && isWordCode(window.charCodeAt(q))) q++;
      words.push({ start: p, end: q, w: window.slice(p, q), comma: commas === 1 });
      scan = q;
    }
    return i < words.length;
  };
  if (!has(0) || !upper(words[0].w) || at(c.typeWord, window, words[0].start)) return null;
  let n = 0;
  let afterLevel = false;
  for (; has(n); n++) {
    const { start, w } = words[n];
    const up = upper(w);
    // "Ủy ban bầu cử xã ...": a verb inside a compound noun ("bầu cử") is part of the name.
    // The verbs are lower-case: a capitalised word is never one, and the long alternation is skipped.
    const verb = n > 0 && !up && at(c.verb, window, start) && !(at(c.compound, window, words[n - 1].start) && !at(c.compound, window, start));
    if (n > 0 && (at(c.stop, window, start) || verb || (up && at(c.typeWord, window, start)))) break;
    // After a comma only another capitalised part of a name continues it, never after a place.
    if (words[n].comma && (afterLevel || !up || at(c.typeWord, window, start))) break;
    // A heading in capitals on the next line is not part of a name written in lower case.
    if (n > 0 && up && CAPITALS.test(w) && !CAPITALS.test(words[n - 1].w) && hasBreak(window, words[n - 1].end, start)) break;
    if (w === "và") {
      const next = has(n + 1) ? words[n + 1].w : undefined;
      if (afterLevel || !next || !upper(next) || at(c.typeWord, window, words[n + 1].start)) break;
      continue;
    }
    // After the level only the place's name follows, on the same line.
    if (afterLevel && (!up || hasBreak(window, words[n - 1].end, start))) break;
    const level = c.levels.get(w)?.find((l) => l.every((x, k) => has(n + k) && words[n + k].w === x));
    if (level) {
      n += level.length - 1;
      afterLevel = true;
      continue;
    }
    if (w.endsWith(".") && n > 0) {
      n++;
      break;
    }
  }
  // Cut short by the word limit: keep the parts before the last comma, which are whole.
  if (n === MAX_WORDS) {
    let lastComma = n - 1;
    while (lastComma > 0 && !words[lastComma].comma) lastComma--;
    if (lastComma > 0) n = lastComma;
  }
  while (n > 0 && isLink(words[n - 1].w)) n--;
  if (!n) return null;
  const end = words[n - 1].end - (words[n - 1].w.endsWith(".") ? 1 : 0);
  return { start: from + words[0].start, end: from + end, name: window.slice(words[0].start, end).replace(/\s+/gu, " ") };
}

/** "và", "-", "–": a link that does not end a name. */
const isLink = (w: string) => w === "và" || w === "-" || w === "–";

// A plan names the same few bodies many times, and keys compare them pairwise.
const keys = new Map<string, string>();
const levelsOf = new Map<string, string | null>();
const CACHE_MAX = 4096;

/** Folded name with abbreviations expanded (grammars/abbreviations.json): "UBND tỉnh" → "uy ban nhan dan tinh". */
export function issuerKey(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    k = fold(normalizeUnitName(name));
    if (keys.size >= CACHE_MAX) keys.clear();
    keys.set(name, k);
  }
  return k;
}

/** The administrative level an issuer names (tỉnh, huyện ...), folded, or null. */
export function issuerLevel(name: string): string | null {
  let l = levelsOf.get(name);
  if (l === undefined) {
    l = findLevel(name);
    if (levelsOf.size >= CACHE_MAX) levelsOf.clear();
    levelsOf.set(name, l);
  }
  return l;
}

function findLevel(name: string): string | null {
  const { levels } = issuers();
  const words = name.split(/\s+/u);
  for (let i = 0; i < words.length; i++) {
    const level = levels.get(words[i])?.find((l) => l.every((x, k) => words[i + k] === x));
    if (level) return fold(level.join(" "));
  }
  return null;
}
