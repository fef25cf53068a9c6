// The issuing body named after "của" in a citation, as written, and its
// folded, abbreviation-expanded form for identity keys.
import { loadGrammar } from "../grammar/load.js";
import { phrases as alternation } from "./pattern.js";
import { normalizeUnitName } from "../text/abbreviations.js";
import { fold } from "./fold.js";
import type { DocumentTypes } from "./symbols.js";

interface Issuers {
  stops: string[];
  verbs: string[];
  compounds: string[];
  levels: string[];
}

interface CompiledIssuers {
  stop: RegExp;
  verb: RegExp;
  typeWord: RegExp;
  compound: RegExp;
  levels: string[][];
}


let compiled: CompiledIssuers | undefined;

function issuers(): CompiledIssuers {
  if (compiled) return compiled;
  const g = loadGrammar<Issuers>("issuers");
  const types = loadGrammar<DocumentTypes>("document-types").types.flatMap((t) => t.names);
  const verbs = [...loadGrammar<{ verbs: string[] }>("verbs").verbs, ...g.verbs];
  const E = "(?![\\p{L}\\p{N}])";
  // Sticky: each is tried at one word's offset, without slicing the window.
  compiled = {
    stop: new RegExp(`(?:${alternation(g.stops)})${E}`, "iuy"),
    verb: new RegExp(`(?:${alternation(verbs)})${E}`, "uy"),
    typeWord: new RegExp(`(?:${alternation(types)})${E}`, "iuy"),
    compound: new RegExp(`(?:${alternation(g.compounds)})${E}`, "uy"),
    levels: g.levels.map((l) => l.split(" ")).sort((a, b) => b.length - a.length),
  };
  return compiled;
}

/** Does the sticky `re` match in `s` at `i`? */
function at(re: RegExp, s: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(s);
}

// Table cell bars end a name like any other punctuation.
const WORD = /[^\s,;:()“”"'\[\]|]+/gu;
const MAX_WORDS = 24;
const CAPITALS = /^\p{Lu}{2,}$/u;
const SEPARATOR = /^\s*,?\s*$/u;
const upper = (w: string) => /^\p{Lu}/u.test(w);

/** Reads the body's name starting at `from` (just after "của "), up to `limit`. */
export function readIssuer(text: string, from: number, limit: number): { start: number; end: number; name: string } | null {
  const c = issuers();
  const window = text.slice(from, Math.min(limit, from + 160));
  const words: { start: number; end: number; w: string; comma: boolean }[] = [];
  WORD.lastIndex = 0;
  let prevEnd = 0;
  let ended = false;
  // Words are read as far as the name needs them: most names end after a few.
  const has = (i: number): boolean => {
    while (words.length <= i && !ended) {
      const m = words.length < MAX_WORDS ? WORD.exec(window) : null;
      // Punctuation between words ends the name, but for one comma ("Bộ Văn hóa, Thể thao và Du lịch").
      const sep = m ? window.slice(prevEnd, m.index) : "";
      if (!m || !SEPARATOR.test(sep) || (sep.includes(",") && !words.length)) {
        ended = true;
        break;
      }
      words.push({ start: m.index, end: m.index + m[0].length, w: m[0], comma: sep.includes(",") });
      prevEnd = m.index + m[0].length;
    }
    return i < words.length;
  };
  if (!has(0) || !upper(words[0].w) || at(c.typeWord, window, words[0].start)) return null;
  let n = 0;
  let afterLevel = false;
  for (; has(n); n++) {
    const { start, w } = words[n];
    // "Ủy ban bầu cử xã ...": a verb inside a compound noun ("bầu cử") is part of the name.
    // The verbs are lower-case: a capitalised word is never one, and the long alternation is skipped.
    const verb = n > 0 && !upper(w) && at(c.verb, window, start) && !(at(c.compound, window, words[n - 1].start) && !at(c.compound, window, start));
    if (n > 0 && (at(c.stop, window, start) || verb || (upper(w) && at(c.typeWord, window, start)))) break;
    // After a comma only another capitalised part of a name continues it, never after a place.
    if (words[n].comma && (afterLevel || !upper(w) || at(c.typeWord, window, start))) break;
    // A heading in capitals on the next line is not part of a name written in lower case.
    if (n > 0 && CAPITALS.test(w) && !CAPITALS.test(words[n - 1].w) && window.slice(words[n - 1].end, start).includes("\n")) break;
    if (w === "và") {
      const next = has(n + 1) ? words[n + 1].w : undefined;
      if (afterLevel || !next || !upper(next) || at(c.typeWord, window, words[n + 1].start)) break;
      continue;
    }
    // After the level only the place's name follows, on the same line.
    if (afterLevel && (!upper(w) || window.slice(words[n - 1].end, start).includes("\n"))) break;
    const level = c.levels.find((l) => l.every((x, k) => has(n + k) && words[n + k].w === x));
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
  while (n > 0 && /^(?:và|-|–)$/u.test(words[n - 1].w)) n--;
  if (!n) return null;
  const end = words[n - 1].end - (words[n - 1].w.endsWith(".") ? 1 : 0);
  return { start: from + words[0].start, end: from + end, name: window.slice(words[0].start, end).replace(/\s+/gu, " ") };
}

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
    const level = levels.find((l) => l.every((x, k) => words[i + k] === x));
    if (level) return fold(level.join(" "));
  }
  return null;
}
