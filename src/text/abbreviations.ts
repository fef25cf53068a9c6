// Expands the abbreviations of unit names (grammars/abbreviations.json) and
// folds tone placement, giving one spelling per body.
import { alternation, loadGrammar } from "../grammar/load.js";
import { foldTone } from "./tone.js";

interface AbbreviationGrammar {
  expand: Record<string, string>;
}

let compiled: { re: RegExp; map: Map<string, string> } | null = null;

function matcher() {
  if (!compiled) {
    const g = loadGrammar<AbbreviationGrammar>("abbreviations");
    const map = new Map(Object.entries(g.expand).map(([k, v]) => [k.normalize("NFC"), v.normalize("NFC")]));
    // Whole words only: not inside a longer word, and not glued to another abbreviation by "-" or "/".
    compiled = { re: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}/-])(?:${alternation([...map.keys()])})(?![\\p{L}\\p{M}\\p{N}/&-])`, "gu"), map };
  }
  return compiled;
}

// Plans repeat the same few names many times.
const cache = new Map<string, string>();
const CACHE_MAX = 4096;

/** "UBND tỉnh" → "Ủy ban nhân dân tỉnh"; "BCH Công đoàn" → "Ban Chấp hành Công đoàn". */
export function normalizeUnitName(name: string): string {
  let out = cache.get(name);
  if (out === undefined) {
    const { re, map } = matcher();
    const expanded = name.normalize("NFC").replace(re, (m) => map.get(m) ?? m);
    out = foldTone(expanded).replace(/\s+/g, " ").trim();
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(name, out);
  }
  return out;
}
