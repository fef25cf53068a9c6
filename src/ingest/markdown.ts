// Light markdown shared by the ingesters: one block per paragraph, blank lines
// between blocks, table rows one per line.

export interface Block {
  text: string;
  /** Markdown heading level (1–6), when the source marks the paragraph as a heading. */
  heading?: number;
  /** The whole paragraph is bold. */
  strong?: boolean;
}

/** A paragraph as markdown; inner line breaks become spaces so one paragraph stays one line. */
export function paragraph(b: Block): string {
  const text = b.text.replace(/[ \t]*[\r\n\v\f]+[ \t]*/g, " ").replace(/[ \t]+/g, " ").trim();
  if (!text) return "";
  if (b.heading) return `${"#".repeat(Math.min(6, b.heading))} ${text}`;
  if (b.strong && !text.startsWith("**")) return `**${text}**`;
  return text;
}

/** A table row: cells trimmed, inner line breaks and pipes kept out of the cell syntax. */
export function tableRow(cells: string[]): string {
  const clean = cells.map((c) => c.replace(/\s+/g, " ").replace(/\|/g, "/").trim());
  if (clean.every((c) => !c)) return "";
  return `| ${clean.join(" | ")} |`;
}

/** Joins blocks: paragraphs apart by a blank line, consecutive table rows on adjacent lines. */
export function joinBlocks(lines: { text: string; row?: boolean }[]): string {
  let out = "";
  let prevRow = false;
  for (const l of lines) {
    if (!l.text) continue;
    if (out) out += l.row && prevRow ? "\n" : "\n\n";
    out += l.text;
    prevRow = !!l.row;
  }
  return out;
}
