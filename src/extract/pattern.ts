// Regex sources built from grammar phrases, shared by the extractors.
import { alternation } from "../grammar/load.js";

/** Phrases longest first; a space in a phrase matches any run of whitespace (a wrap, a no-break space). */
export function phrases(words: readonly string[]): string {
  return alternation(words).replace(/ /g, "\\s+");
}
