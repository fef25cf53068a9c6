// Printing query rows as an aligned table, JSON or CSV. CSV is written for
// spreadsheets: UTF-8 with a byte order mark (Excel needs it to read Vietnamese),
// every field quoted, CRLF line ends.

export type RowFormat = "table" | "json" | "csv";
export type Row = Record<string, unknown>;

export const ROW_FORMATS: readonly RowFormat[] = ["table", "json", "csv"];

/** A cell as text: arrays joined by "; ", nothing for null. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(cellText).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = [columns.map(quote).join(","), ...rows.map((r) => columns.map((c) => quote(cellText(r[c]))).join(","))];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const MAX_CELL = 70;

export function toTable(rows: readonly Row[], columns: readonly string[]): string {
  if (!rows.length) return "(no results)\n";
  const cell = (v: unknown) => {
    const s = cellText(v).replace(/\s+/g, " ");
    return s.length > MAX_CELL ? s.slice(0, MAX_CELL - 1) + "…" : s;
  };
  const body = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join("  ").trimEnd();
  return [line([...columns]), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n") + "\n";
}

export function formatRows(rows: readonly Row[], format: RowFormat, columns: { table: readonly string[]; csv: readonly string[] }): string {
  if (format === "json") return JSON.stringify(rows, null, 2) + "\n";
  if (format === "csv") return toCsv(rows, columns.csv);
  return toTable(rows, columns.table);
}
