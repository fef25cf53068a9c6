// Spreadsheets (XLS, XLSX) via SheetJS: each sheet becomes a heading and its
// non-empty rows become table rows, cells as displayed.
import * as XLSX from "@e965/xlsx";
import { scanFontNames } from "./fonts.js";
import { joinBlocks, paragraph, tableRow } from "./markdown.js";
import type { Ingested } from "./types.js";

export function ingestSheet(bytes: Uint8Array, format: "xls" | "xlsx"): Ingested {
  const wb = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer", cellHTML: false, cellFormula: false, dense: true });
  const blocks: { text: string; row?: boolean }[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: "", blankrows: false });
    if (!rows.length) continue;
    blocks.push({ text: paragraph({ text: name, heading: 2 }) });
    for (const r of rows) {
      const cells = r.map((c) => (c == null ? "" : String(c)));
      // trailing empty cells carry no meaning
      while (cells.length && !cells[cells.length - 1].trim()) cells.pop();
      blocks.push({ text: tableRow(cells), row: true });
    }
  }
  return { format, text: joinBlocks(blocks), pages: [], fonts: scanFontNames(bytes), encoding: null, warnings: [] };
}
