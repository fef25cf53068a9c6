// Grammars are data: JSON files under grammars/, read once and cached.
// Each module that uses one compiles it into matchers at its first call.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

// src/grammar/load.ts and dist/grammar/load.js both sit two levels below the package root.
const GRAMMAR_DIR = fileURLToPath(new URL("../../grammars/", import.meta.url));
const cache = new Map<string, unknown>();

/** Reads grammars/<name>.json. Keys starting with "$" are comments and are kept as they are. */
export function loadGrammar<T>(name: string): T {
  let g = cache.get(name);
  if (g === undefined) {
    g = JSON.parse(readFileSync(join(GRAMMAR_DIR, `${name}.json`), "utf8"));
    cache.set(name, g);
  }
  return g as T;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An alternation of literals, longest first so that a longer word wins. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
}
