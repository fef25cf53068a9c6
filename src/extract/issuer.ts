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
  compiled = {
    stop: new RegExp(`^(?:${alternation(g.stops)})${E}`, "iu"),
    verb: new RegExp(`^(?:${alternation(verbs)})${E}`, "u"),
    typeWord: new RegExp(`^(?:${alternation(types)})${E}`, "iu"),
    compound: new RegExp(`^(?:${alternation(g.compounds)})${E}`, "u"),
    levels: g.levels.map((l) => l.split(" ")).sort((a, b) => b.length - a.length),
  };
  return compiled;
}

// Table cell bars end a name like any other punctuation.
const WORD = /[^\s,;:()“”"'\[\]|]+/gu;
const MAX_WORDS = 24;
const CAPITALS = /^\p{Lu}{2,}$/u;
const upper = (w: string) => /^\p{Lu}/u.test(w);

/** Reads the body's name starting at `from` (just after "của "), up to `limit`. */
export function readIssuer(text: string, from: number, limit: number): { start: number; end: number; name: string } | null {
  const c = issuers();
  const window = text.slice(from, Math.min(limit, from + 160));
  const words: { start: number; end: number; w: string; comma: boolean }[] = [];
  WORD.lastIndex = 0;
  let prevEnd = 0;
  for (let m = WORD.exec(window); m && words.length < MAX_WORDS; m = WORD.exec(window)) {
    // Punctuation between words ends the name, but for one comma ("Bộ Văn hóa, Thể thao và Du lịch").
    const sep = window.slice(prevEnd, m.index);
    if (!/^\s*,?\s*$/u.test(sep) || (sep.includes(",") && !words.length)) break;
    words.push({ start: m.index, end: m.index + m[0].length, w: m[0], comma: sep.includes(",") });
    prevEnd = m.index + m[0].length;
  }
  if (!words.length || !upper(words[0].w) || c.typeWord.test(window.slice(words[0].start))) return null;
  let n = 0;
  let afterLevel = false;
  for (; n < words.length; n++) {
    const { start, w } = words[n];
    const rest = window.slice(start);
    // "Ủy ban bầu cử xã ...": a verb inside a compound noun ("bầu cử") is part of the name.
    const inCompound = n > 0 && c.compound.test(window.slice(words[n - 1].start)) && !c.compound.test(rest);
    if (n > 0 && (c.stop.test(rest) || (c.verb.test(rest) && !inCompound) || (upper(w) && c.typeWord.test(rest)))) break;
    // After a comma only another capitalised part of a name continues it, never after a place.
    if (words[n].comma && (afterLevel || !upper(w) || c.typeWord.test(rest))) break;
    // A heading in capitals on the next line is not part of a name written in lower case.
    if (n > 0 && CAPITALS.test(w) && !CAPITALS.test(words[n - 1].w) && window.slice(words[n - 1].end, start).includes("\n")) break;
    if (w === "và") {
      const next = words[n + 1]?.w;
      if (afterLevel || !next || !upper(next) || c.typeWord.test(window.slice(words[n + 1].start))) break;
      continue;
    }
    // After the level only the place's name follows, on the same line.
    if (afterLevel && (!upper(w) || window.slice(words[n - 1].end, start).includes("\n"))) break;
    const level = c.levels.find((l) => l.every((x, k) => words[n + k]?.w === x));
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

/** Folded name with abbreviations expanded (grammars/abbreviations.json): "UBND tỉnh" → "uy ban nhan dan tinh". */
export function issuerKey(name: string): string {
  return fold(normalizeUnitName(name));
}

/** The administrative level an issuer names (tỉnh, huyện ...), folded, or null. */
export function issuerLevel(name: string): string | null {
  const { levels } = issuers();
  const words = name.split(/\s+/u);
  for (let i = 0; i < words.length; i++) {
    const level = levels.find((l) => l.every((x, k) => words[i + k] === x));
    if (level) return fold(level.join(" "));
  }
  return null;
}
