// normalize: ingested text → clean NFC text in paragraphs, with an offset map
// back to the ingested text and a record of every repair.
import { MappedText, identityMap, type OffsetMap } from "./offsets.js";
import type { Normalized, NormalizeOptions, Paragraph } from "./types.js";

export type { Normalized, NormalizeOptions, Paragraph } from "./types.js";

export function normalize(source: string, options: NormalizeOptions = {}): Normalized {
  void options;
  const nfc = source.normalize("NFC");
  // First cut: one paragraph per non-blank line.
  const out = new MappedText();
  const paragraphs: Paragraph[] = [];
  const map: OffsetMap = nfc === source ? identityMap(source.length) : identityMap(nfc.length);
  let pos = 0;
  for (const line of nfc.split("\n")) {
    const trimmed = line.trim();
    if (trimmed) {
      if (out.size) out.push("\n", pos, pos);
      const at = pos + line.indexOf(trimmed);
      const start = out.size;
      out.copy(nfc, at, at + trimmed.length);
      paragraphs.push({ start, end: out.size, kind: "text", strong: false });
    }
    pos += line.length + 1;
  }
  const built = out.finish(nfc.length);
  void map;
  return { text: built.text, map: built.map, paragraphs, repairs: [], suspects: [], encoding: null };
}
