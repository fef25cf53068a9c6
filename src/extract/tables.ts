// Task tables: which column holds the lead, supporting or implementing units,
// the deadline and the task itself, read from the header row
// (grammars/roles.json `columns`, `deadlineColumns`, `contentColumns`).
import type { Span, UnitRole } from "../contract/schema.js";
import { loadGrammar } from "../grammar/load.js";
import type { Block } from "../segment/types.js";

interface TableGrammar {
  columns: Array<{ role: UnitRole; headers: string[] }>;
  deadlineColumns: string[];
  contentColumns: string[];
}

export interface TableColumns {
  roles: Array<[number, UnitRole]>;
  deadline: number | null;
  content: number | null;
}

export interface TableRow {
  /** Index of the row's block. */
  index: number;
  cells: Span[];
}

/** Header text compared: lower case, markup and punctuation out, spaces squeezed. */
const plain = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();

/** Cells of a table row: the segmenter's when it gives them, else split on "|". */
export function rowCells(text: string, block: Block): Span[] {
  if (block.cells?.length) return block.cells;
  const cells: Span[] = [];
  const body = text.slice(block.start, block.end);
  const lead = body.indexOf("|");
  if (lead < 0) return cells;
  let from = block.start + lead + 1;
  for (let at = text.indexOf("|", from); at >= 0 && at <= block.end; at = text.indexOf("|", from)) {
    cells.push({ start: from, end: at });
    from = at + 1;
  }
  if (from < block.end && text.slice(from, block.end).trim()) cells.push({ start: from, end: block.end });
  return cells;
}

const isRow = (text: string, b: Block | undefined) => b !== undefined && (b.kind === "row" || text.startsWith("|", b.start));

/** The columns of a header row, or null when the row names no role column. */
export function tableHeader(text: string, block: Block): TableColumns | null {
  const g = loadGrammar<TableGrammar>("roles");
  const cols: TableColumns = { roles: [], deadline: null, content: null };
  rowCells(text, block).forEach((cell, i) => {
    const h = plain(text.slice(cell.start, cell.end));
    if (!h || h.length > 60) return;
    const starts = (list: string[]) => list.some((x) => h === x || h.startsWith(`${x} `));
    const role = g.columns.find((c) => starts(c.headers));
    if (role) cols.roles.push([i, role.role]);
    else if (cols.deadline === null && starts(g.deadlineColumns)) cols.deadline = i;
    else if (cols.content === null && starts(g.contentColumns)) cols.content = i;
  });
  return cols.roles.length || (cols.deadline !== null && cols.content !== null) ? cols : null;
}

/** The rows that follow a header, up to the table's end; separator rows (---) are skipped. */
export function* tableRows(text: string, blocks: readonly Block[], from: number): Generator<TableRow> {
  for (let i = from; isRow(text, blocks[i]); i++) {
    const cells = rowCells(text, blocks[i]);
    if (cells.every((c) => /^[\s:|-]*$/.test(text.slice(c.start, c.end)))) continue;
    yield { index: i, cells };
  }
}
