// Odd code points: NFD sequences, Ð/ð for Đ/đ, zero-width characters, NBSP, soft hyphens.
import { MappedText } from "./offsets.js";
import type { StageResult } from "./types.js";

export function cleanCodepoints(text: string): StageResult {
  // First cut: NFC per run of letters, so the map stays exact.
  const out = new MappedText();
  for (const m of text.matchAll(/[^\n]+|\n/g)) {
    const s = m[0];
    out.push(s.normalize("NFC"), m.index, m.index + s.length);
  }
  return { ...out.finish(text.length), repairs: [] };
}
