// `vnplan query` on the fixtures imported by the built CLI. Every expectation is
// read from the fixtures' own text, not from the program.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fold as foldName } from "../src/extract/fold.js";
import { openStore } from "../src/store/index.js";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "bin", "vnplan.js");
const fixtureDirs = ["seeds", "pdf", "docx"].map((d) => join(repo, "fixtures", d)).filter((d) => existsSync(d));
const READABLE = new Set([".txt", ".pdf", ".docx"]);
const fixtures = fixtureDirs.flatMap((d) =>
  readdirSync(d, { recursive: true, encoding: "utf8" }).filter((f) => READABLE.has(extname(f))).map((f) => join(d, f)),
);

/**
 * A fixture's text as other tools read it: the file itself, the text written
 * beside it (NAME.txt, for a DOCX in a legacy font), pdftotext, or the DOCX body with tags dropped.
 */
function fixtureText(path: string): string | null {
  const beside = path.replace(/\.(pdf|docx)$/, ".txt");
  if (beside !== path && existsSync(beside)) return readFileSync(beside, "utf8");
  const tool = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : null;
  };
  if (path.endsWith(".txt")) return readFileSync(path, "utf8");
  if (path.endsWith(".pdf")) return tool("pdftotext", [path, "-"]);
  const xml = tool("unzip", ["-p", path, "word/document.xml"]);
  return xml && xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}
const texts = new Map(fixtures.map((f) => [f, fixtureText(f)] as const).filter((e): e is [string, string] => e[1] !== null));
const known = [...texts.keys()];

let db = "";
function query(...args: string[]): string {
  return execFileSync(process.execPath, [bin, "query", ...args, "--db", db], { encoding: "utf8" });
}
const json = <T>(...args: string[]): T => JSON.parse(query(...args, "--format", "json")) as T;

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), "st-query-")), "fixtures.db");
  const r = spawnSync(process.execPath, [bin, "import", ...fixtureDirs, "--db", db, "--no-progress"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr + r.stdout);
});

interface Cite { path: string; symbol: string | null; sentence: string; section: string; page: number | null }

describe("vnplan query cites", () => {
  // Chỉ thị 34 of the Politburo, in both numbering conventions ("34-CT/TW", "34/CT-TW").
  const CT34 = /34\s*[-/]\s*CT\s*[-/]\s*TW/i;
  const citing = known.filter((f) => CT34.test(texts.get(f)!)).sort();

  it("lists every fixture that cites the directive, under any spelling, with the sentence of each mention", () => {
    expect(citing.length).toBeGreaterThan(1);
    for (const spelling of ["34-CT/TW", "34/CT-TW", "34 CT TW"]) {
      const rows = json<Cite[]>("cites", spelling);
      expect([...new Set(rows.map((r) => r.path))].filter((p) => texts.has(p)).sort(), spelling).toEqual(citing);
      for (const r of rows) {
        expect(r.sentence).toMatch(CT34);
        expect(r.symbol).toMatch(CT34);
        if (r.path.endsWith(".pdf")) expect(r.page).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("narrows by the cited document's year and issuer", () => {
    const all = json<Cite[]>("cites", "34-CT/TW");
    // Each citing fixture dates the directive 07/4/2014 and names the Bộ Chính trị.
    expect(json<Cite[]>("cites", "34-CT/TW", "--year", "2014")).toEqual(all);
    expect(json<Cite[]>("cites", "34-CT/TW", "--issuer", "Bộ Chính trị")).toEqual(all);
    expect(json<Cite[]>("cites", "34-CT/TW", "--year", "2015")).toEqual([]);
  });

  it("writes CSV that spreadsheets open: byte order mark, quoted fields, CRLF", () => {
    const csv = query("cites", "34-CT/TW", "--format", "csv");
    expect(csv.startsWith('\uFEFF"key","symbol"')).toBe(true);
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + json<Cite[]>("cites", "34-CT/TW").length);
    for (const l of lines) expect(l).toMatch(/^"[^"]*"(,"([^"]|"")*")*$/);
  });
});

describe("vnplan query directives", () => {
  it("ranks cited documents by how many documents cite them, counting the fixtures that do", () => {
    const rows = json<{ spellings: string[]; citingDocuments: number; mentions: number }[]>("directives", "--top", "5");
    expect(rows.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].citingDocuments).toBeGreaterThanOrEqual(rows[i].citingDocuments);
    const ct34 = rows.find((r) => r.spellings.some((s) => /^34\W+CT\W+TW$/i.test(s)));
    const citing = fixtures.filter((f) => /34\s*[-/]\s*CT\s*[-/]\s*TW/i.test(texts.get(f) ?? ""));
    expect(ct34?.citingDocuments).toBe(citing.length);
    expect(ct34?.spellings.sort()).toEqual(
      [...new Set(citing.flatMap((f) => texts.get(f)!.match(/34\s*[-/]\s*CT\s*[-/]\s*TW/gi)!.map((s) => s.replace(/\s+/g, ""))))].sort(),
    );
  });
});

describe("vnplan query document", () => {
  it("returns each fixture's extraction by path, identified by its content", () => {
    // One fixture through the command line, all of them through the library it prints.
    const cli = json<{ sha256: string; paths: string[] }>("document", fixtures[0]);
    const store = openStore(db, { readonly: true });
    try {
      expect(store.document(fixtures[0])).toMatchObject(cli);
      for (const f of fixtures) {
        const d = store.document(f)!;
        expect(d.sha256).toBe(createHash("sha256").update(readFileSync(f)).digest("hex"));
        expect(d.paths).toContain(f);
        expect(d.extraction.source.format).toBe({ ".txt": "text", ".pdf": "pdf", ".docx": "docx" }[extname(f)]);
      }
    } finally {
      store.close();
    }
  });

  it("fails with a reason for a document that is not stored", () => {
    const r = spawnSync(process.execPath, [bin, "query", "document", "/no/such/plan.txt", "--db", db], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no stored document/);
  });
});

describe("vnplan query search", () => {
  const words = (t: string) => new Set(foldName(t).match(/[a-z0-9]+/g));
  const containing = (...ws: string[]) => known.filter((f) => ws.every((w) => words(texts.get(f)!).has(w))).sort();

  it("finds 'thi đua, khen thưởng' typed without marks and with d for đ", () => {
    const rows = json<{ path: string; snippet: string }[]>("search", "thi dua khen thuong", "--limit", "100");
    expect(rows.map((r) => r.path).filter((p) => texts.has(p)).sort()).toEqual(containing("thi", "dua", "khen", "thuong"));
    for (const r of rows) expect(r.snippet).toMatch(/«/);
  });

  it("matches a quoted phrase only where the words follow each other", () => {
    const phrase = (f: string) => foldName(texts.get(f)!).replace(/[^a-z0-9]+/g, " ").includes("phong trao thi dua yeu nuoc");
    const rows = json<{ path: string }[]>("search", '"phong trào thi đua yêu nước"', "--limit", "100");
    expect(rows.map((r) => r.path).filter((p) => texts.has(p)).sort()).toEqual(known.filter(phrase).sort());
  });
});

describe("vnplan query unit and due", () => {
  const seed000 = join(repo, "fixtures", "seeds", "000_bdb84c189a81ae0c.txt");
  const text000 = readFileSync(seed000, "utf8");

  it("lists the tasks a unit leads: one per 'Chủ trì: Lãnh đạo Ban' item of the plan", () => {
    const rows = json<{ path: string; role: string; unit: string }[]>("unit", "Lãnh đạo Ban");
    const led = rows.filter((r) => r.path === seed000 && r.role === "lead");
    expect(led).toHaveLength(text000.match(/Chủ trì:\*?\s*Lãnh đạo Ban/g)!.length);
    for (const r of rows) expect(foldName(r.unit)).toContain("lanh dao ban");
  });

  it("lists tasks due in a window with their units", () => {
    // Item III/1 of the plan: "Chủ trì: Lãnh đạo Ban, Chi ủy, Ban Chấp hành Công đoàn" ...
    // "Thời gian thực hiện: Ban hành Kế hoạch trong tháng 02/2023".
    const item = /1\. Xây dựng Kế hoạch[\s\S]*?Chủ trì:\*\s*([^\n]+?)\.\s*\n[\s\S]*?Thời gian thực hiện:\*[^\n]*tháng 02\/2023/.exec(text000)!;
    const leads = item[1].split(/,\s*/);
    const rows = json<{ path: string; due: string; section: string; lead: string[] }[]>("due", "--from", "2023-02-01", "--to", "2023-02-28");
    for (const r of rows) expect(r.due >= "2023-02-01" && r.due <= "2023-02-28").toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ path: seed000, section: "III/1", due: "2023-02-28", lead: leads }));
  });
});
