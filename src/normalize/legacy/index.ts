// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, Windows-1258) → Unicode.
import { identityMap } from "../offsets.js";
import type { StageResult } from "../types.js";

export function decodeLegacy(text: string, fonts: readonly string[] = []): StageResult & { encoding: string | null } {
  void fonts;
  return { text, map: identityMap(text.length), encoding: null };
}
