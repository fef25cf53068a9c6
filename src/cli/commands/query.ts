import { InvalidArgumentError, type Command } from "commander";
import { VnplanError } from "../../errors.js";
import type { Store } from "../../store/index.js";
import { formatRows, ROW_FORMATS, type Row, type RowFormat } from "../rows.js";
import { flag } from "../flags.js";
import { parseCount } from "../../limits.js";

interface Common {
  db: string;
  format: RowFormat;
}

const TASK_COLUMNS = ["path", "section", "page", "summary", "due", "deadline", "lead", "support", "advise", "implement", "assigned"];

export function register(program: Command): void {
  const query = program.command("query").description("ask the database: cites, directives, document, unit, due, search");

  sub(query, "cites <symbol>", "every document and section citing a document, in any spelling of its symbol")
    .option("--issuer <issuer>", "issuer code (TW, TTg) or part of the issuer's name")
    .option("--year <year>", "year of the cited document", flag(parseYear))
    .action((symbol: string, o: Common & { issuer?: string; year?: number }) =>
      run(o, (s) => orNearest(s.cites(symbol, { issuer: o.issuer, year: o.year }), () => s.nearest("symbol", symbol)), {
        table: ["symbol", "date", "path", "section", "page", "sentence"],
        csv: ["key", "symbol", "typeName", "date", "issuer", "documentId", "path", "documentSymbol", "documentTitle", "section", "sectionTitle", "page", "sentence"],
      }),
    );

  sub(query, "directives", "the most-cited documents, with how many documents cite each")
    .option("--top <n>", "only the first n", flag(parseCount))
    .option("--type <code>", "only this type code (CT, NQ, QĐ ...)")
    .action((o: Common & { top?: number; type?: string }) =>
      run(o, (s) => s.directives({ top: o.top, type: o.type }), {
        table: ["citingDocuments", "mentions", "typeCode", "number", "year", "issuerCode", "spellings", "issuer"],
        csv: ["key", "typeCode", "typeName", "number", "year", "issuerCode", "date", "issuer", "spellings", "citingDocuments", "mentions"],
      }),
    );

  sub(query, "document <ref>", "one document's extraction, by id, SHA-256 (or its first 8+ digits) or path")
    .action((ref: string, o: Common) =>
      run(
        o,
        (s) => {
          const d = s.document(ref);
          if (!d) throw new VnplanError("store", `no stored document with id, SHA-256 or path "${ref}"`);
          if (o.format === "json") return d;
          const x = d.extraction;
          const fields: Row = {
            id: d.id, sha256: d.sha256, paths: d.paths, format: x.source.format, pages: x.source.pages.length,
            type: x.document.typeName, symbol: x.document.symbol, title: x.document.title, date: x.document.date,
            issuer: x.document.issuer, sections: x.sections.length, citations: x.citations.length, units: x.units.length,
            deadlines: x.deadlines.length, targets: x.targets.length, tasks: x.tasks.length,
          };
          return Object.entries(fields).map(([field, value]) => ({ field, value }));
        },
        { table: ["field", "value"], csv: ["field", "value"] },
      ),
    );

  sub(query, "unit <name>", "tasks a unit leads, supports, advises, implements or is assigned (full name or abbreviation)")
    .action((name: string, o: Common) =>
      run(o, (s) => orNearest(s.unit(name), () => s.nearest("unit", name)), {
        table: ["role", "unit", "path", "section", "summary", "due"],
        csv: ["role", "unit", "normalizedName", "documentId", "path", "documentSymbol", ...TASK_COLUMNS.slice(1)],
      }),
    );

  sub(query, "due", "tasks due in a window of dates, with their units")
    .option("--from <date>", "first day (YYYY-MM-DD)", flag(parseDate))
    .option("--to <date>", "last day (YYYY-MM-DD)", flag(parseDate))
    .action((o: Common & { from?: string; to?: string }) =>
      run(o, (s) => s.due(o.from ?? null, o.to ?? null), {
        table: ["due", "path", "section", "summary", "lead", "support"],
        csv: ["due", "documentId", "documentSymbol", ...TASK_COLUMNS.filter((c) => c !== "due")],
      }),
    );

  sub(query, "search <text...>", "full-text search ignoring diacritics and đ; \"quoted words\" must be a phrase")
    .option("--limit <n>", "most results (default 20)", flag(parseCount))
    .action((words: string[], o: Common & { limit?: number }) =>
      run(o, (s) => s.search(words.join(" "), { limit: o.limit }), {
        table: ["documentId", "path", "snippet"],
        csv: ["documentId", "path", "documentSymbol", "documentTitle", "rank", "snippet"],
      }),
    );
}

function sub(parent: Command, usage: string, description: string): Command {
  return parent
    .command(usage)
    .description(description)
    .option("--db <file>", "database file", "vnplan.db")
    .option("--format <format>", "table, json or csv", flag(parseFormat), "table");
}

// The store (with SQLite and the name matcher) loads when a query runs, not when the CLI starts.
async function run(o: Common, ask: (s: Store) => unknown, columns: { table: string[]; csv: string[] }): Promise<void> {
  const { openStore } = await import("../../store/index.js");
  const store = openStore(o.db, { mustExist: true });
  try {
    const result = ask(store);
    const out = Array.isArray(result) ? formatRows(result as Row[], o.format, columns) : JSON.stringify(result, null, 2) + "\n";
    process.stdout.write(out);
  } finally {
    store.close();
  }
}

/** Passes rows through; when there are none, says on stderr which stored names come closest. */
function orNearest<T>(rows: T[], near: () => string[]): T[] {
  if (!rows.length) {
    const names = near();
    if (names.length) process.stderr.write(`no match; closest: ${names.join("; ")}\n`);
  }
  return rows;
}

function parseFormat(v: string): RowFormat {
  if (!(ROW_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`use one of ${ROW_FORMATS.join(", ")}`);
  return v as RowFormat;
}

function parseDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError(`not a date: "${v}" (use YYYY-MM-DD)`);
  return v;
}

function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError(`not a year: "${v}"`);
  return Number(v);
}
