// Light markdown shared by the ingesters: one block per paragraph, blank lines
// between blocks, table rows one per line.

export interface Block {
  text: string;
  /** Markdown heading level (1–6), when the source marks the paragraph as a heading. */
  heading?: number;
  /** The whole paragraph is bold. */
  strong?: boolean;
}

/**
 * A paragraph as markdown. Explicit line breaks ("\n", from a Word line break
 * or an HTML <br>) stay, as the hard breaks of a typed text; runs of spaces and
 * tabs inside a line stay too (they separate the columns of signature and
 * address blocks). A whole-bold paragraph is bold line by line.
 */
export function paragraph(b: Block): string {
  const lines = b.text
    .split(/[ \t]*[\r\n\v\f]+[ \t]*/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return "";
  if (b.heading) return `${"#".repeat(Math.min(6, b.heading))} ${b.strong ? `**${lines.join(" ")}**` : lines.join(" ")}`;
  if (b.strong) return lines.map((l) => (l.startsWith("**") ? l : `**${l}**`)).join("\n");
  return lines.join("\n");
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
