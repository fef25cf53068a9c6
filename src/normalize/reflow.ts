// Markdown markup and hard wraps → one line per paragraph.
import { MappedText } from "./offsets.js";
import type { Paragraph, StageResult } from "./types.js";

export function reflow(text: string): StageResult & { paragraphs: Paragraph[] } {
  // First cut: one paragraph per non-blank line.
  const out = new MappedText();
  const paragraphs: Paragraph[] = [];
  let pos = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed) {
      if (out.size) out.push("\n", pos, pos);
      const at = pos + line.indexOf(trimmed);
      const start = out.size;
      out.copy(text, at, at + trimmed.length);
      paragraphs.push({ start, end: out.size, kind: "text", strong: false });
    }
    pos += line.length + 1;
  }
  return { ...out.finish(text.length), paragraphs };
}
