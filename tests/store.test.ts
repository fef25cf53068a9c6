import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Extraction, SCHEMA_VERSION, type Citation, type Task, type Unit } from "../src/contract/schema.js";
import { VnplanError } from "../src/errors.js";
import { openStore, STORE_VERSION } from "../src/store/index.js";
import { toCsv } from "../src/cli/rows.js";
import { openDb } from "../src/store/open.js";
import { search } from "../src/store/query.js";
import { toRows } from "../src/store/rows.js";
import { createWriter } from "../src/store/write.js";

const seeds = join(import.meta.dirname, "..", "fixtures", "seeds");
const seed = (name: string) => readFileSync(join(seeds, name), "utf8");
const tmpDb = () => join(mkdtempSync(join(tmpdir(), "st-store-")), "t.db");

const at = (text: string, s: string, from = 0) => {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`not in the text: ${s}`);
  return { start, end: start + s.length };
};
const where = (text: string, s: string, section = "III/1") => ({ section, sectionPath: section.split("/"), span: at(text, s), page: null });

/** A citation of Chỉ thị 34 of the Politburo, as written in the text. */
function ct34(text: string, symbol: string): Citation {
  return {
    typeCode: "CT", typeName: "Chỉ thị", number: "34", year: 2014, issuerCode: "TW", symbol, date: "2014-04-07",
    issuer: "Bộ Chính trị", subject: "về tiếp tục đổi mới công tác thi đua, khen thưởng", key: "CT-34-TW-2014",
    ...where(text, symbol),
  };
}

function plan(text: string, parts: { citations?: Citation[]; units?: Unit[]; tasks?: Task[]; sha?: string; title?: string } = {}): Extraction {
  return Extraction.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { name: null, format: "text", sha256: parts.sha ?? null, encoding: "utf-8", pages: [] },
    document: {
      typeCode: "KH", typeName: "KẾ HOẠCH", title: parts.title ?? null, symbol: null, issuer: [], draft: false, place: null,
      date: null, year: null, signer: { authority: null, position: null, name: null }, recipients: [], recipientCount: null,
    },
    sections: [
      { path: ["III"], section: "III", label: "III", title: "Nhiệm vụ và giải pháp", level: 1, span: { start: 0, end: text.length }, page: null,
        children: [{ path: ["III", "1"], section: "III/1", label: "1", title: "Tuyên truyền", level: 2, span: { start: 0, end: text.length }, page: null, children: [] }] },
    ],
    citations: parts.citations ?? [],
    deadlines: [],
    units: parts.units ?? [],
    targets: [],
    tasks: parts.tasks ?? [],
    repairs: [],
    suspects: [],
    warnings: [],
    text,
  });
}

function task(text: string, summary: string, roles: Partial<Pick<Task, "lead" | "support" | "assigned">>, due: string | null): Task {
  return {
    summary, lead: roles.lead ?? [], support: roles.support ?? [], advise: [], implement: [], assigned: roles.assigned ?? [],
    deadline: due ? { text: due, due, start: null, recurring: false, terms: [], ...where(text, summary) } : null,
    citations: [], ...where(text, summary),
  };
}

const TEXT_000 = seed("000_bdb84c189a81ae0c.txt");
const TEXT_004 = seed("004_87e88c7bcc850968.txt");

describe("store: citations", () => {
  const store = openStore(tmpDb());
  const a = store.put(plan(TEXT_000, { citations: [ct34(TEXT_000, "34/CT-TW")], sha: "a".repeat(64) }), "/archive/000.txt");
  const b = store.put(plan(TEXT_004, { citations: [ct34(TEXT_004, "34-CT/TW")], sha: "b".repeat(64) }), "/archive/004.txt");

  it("finds every document citing a symbol, whichever way the symbol is spelled", () => {
    for (const spelling of ["34-CT/TW", "34/CT-TW", "34 ct tw"]) {
      const rows = store.cites(spelling);
      expect(rows.map((r) => r.documentId).sort()).toEqual([a, b].sort());
    }
    expect(store.cites("35-CT/TW")).toEqual([]);
  });

  it("gives the sentence around each mention and the section", () => {
    const [row] = store.cites("34-CT/TW").filter((r) => r.documentId === a);
    expect(row.sentence).toBe(
      "trọng tâm là: Chỉ thị số 34/CT-TW, ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng;",
    );
    expect(row.section).toBe("III/1");
    expect(row.sectionTitle).toBe("Tuyên truyền");
    expect(row.path).toBe("/archive/000.txt");
  });

  it("narrows by year and issuer", () => {
    expect(store.cites("34-CT/TW", { year: 2014 })).toHaveLength(2);
    expect(store.cites("34-CT/TW", { year: 2015 })).toHaveLength(0);
    expect(store.cites("34-CT/TW", { issuer: "Bộ Chính trị" })).toHaveLength(2);
    expect(store.cites("34-CT/TW", { issuer: "bo chinh tri" })).toHaveLength(2);
    expect(store.cites("34-CT/TW", { issuer: "TW" })).toHaveLength(2);
    expect(store.cites("34-CT/TW", { issuer: "TTg" })).toHaveLength(0);
  });

  it("keeps one cited document per key with every spelling seen", () => {
    const [d] = store.directives();
    expect(d).toMatchObject({ key: "CT-34-TW-2014", citingDocuments: 2, mentions: 2, year: 2014, issuerCode: "TW" });
    expect(d.spellings).toEqual(["34-CT/TW", "34/CT-TW"]);
  });

  it("takes each figure of a cited document from most of its mentions, a tie going to the smallest as SQLite orders it", () => {
    const path = tmpDb();
    const st = openStore(path);
    const variants: Partial<Citation>[] = [
      { year: 2014, issuer: "Bộ Chính trị" },
      { year: 2013, issuer: "Ban Bí thư", date: null },
      { year: 2014, issuer: "Ban Bí thư" },
      { year: 2013, issuer: "Bộ Chính trị", date: "2013-01-02" },
    ];
    variants.forEach((v, i) => st.put(plan(TEXT_000, { citations: [{ ...ct34(TEXT_000, "34/CT-TW"), ...v }], sha: String(i).repeat(64) }), `/v/${i}.txt`));
    const [d] = st.directives();
    expect(d).toMatchObject({ citingDocuments: 4, mentions: 4, year: 2013, issuer: "Ban Bí thư", date: "2014-04-07" });
    // The definition in SQL: the most frequent non-null value, ties to the smallest.
    const db = new Database(path, { readonly: true });
    for (const col of ["year", "issuer", "date", "type_name"]) {
      const mode = db.prepare(`SELECT ${col} AS v FROM citations WHERE ${col} IS NOT NULL GROUP BY ${col} ORDER BY count(*) DESC, ${col} LIMIT 1`).get() as { v: unknown };
      const row = db.prepare(`SELECT ${col} AS v FROM cited_documents`).get() as { v: unknown };
      expect(row.v).toEqual(mode.v);
    }
    db.close();
  });

  it("records an identical copy as another location, without duplicating rows", () => {
    store.put(plan(TEXT_000, { citations: [ct34(TEXT_000, "34/CT-TW")], sha: "a".repeat(64) }), "/copies/000.txt");
    expect(store.document(a)?.paths).toEqual(["/archive/000.txt", "/copies/000.txt"]);
    expect(store.cites("34-CT/TW")).toHaveLength(2);
  });

  it("replaces a changed file's rows, and drops a document nothing points at", () => {
    // 004 changes content: the new text no longer cites Chỉ thị 34.
    const changed = TEXT_004.replace("Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng; ", "");
    const c = store.put(plan(changed, { sha: "c".repeat(64) }), "/archive/004.txt");
    expect(c).not.toBe(b);
    expect(store.document(b)).toBeNull();
    expect(store.cites("34-CT/TW").map((r) => r.documentId)).toEqual([a]);
    expect(store.directives()[0]).toMatchObject({ citingDocuments: 1, mentions: 1, spellings: ["34/CT-TW"] });
    const n = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM citations")).toBe(1);
    expect(n("SELECT count(*) AS n FROM documents_fts")).toBe(2);
  });
});

describe("store: documents and search", () => {
  const store = openStore(tmpDb());
  const x = plan(TEXT_000, { sha: "d".repeat(64), title: "triển khai thực hiện phong trào thi đua yêu nước năm 2023" });
  const id = store.put(x, "/archive/000.txt");
  store.put(plan(TEXT_004, { sha: "e".repeat(64) }), "/archive/004.txt");

  it("returns a document's extraction as stored, by id, SHA-256 prefix or path", () => {
    expect(store.document(id)?.extraction).toEqual(x);
    expect(store.document("dddddddd")?.id).toBe(id);
    expect(store.document("/archive/000.txt")?.id).toBe(id);
    expect(store.document("/nowhere.txt")).toBeNull();
  });

  it("finds text without diacritics and with đ typed as d", () => {
    // Both seeds speak of "thi đua, khen thưởng".
    const hits = store.search("thi dua khen thuong");
    expect(hits).toHaveLength(2);
    for (const h of hits) expect(h.snippet).toMatch(/«[Tt]hi đua»|«[Kk]hen thưởng»|«[Tt]hi»|«đua»/);
    expect(store.search("Tây Hoa").map((h) => h.path)).toEqual(["/archive/004.txt"]);
    expect(store.search("Bình Thuận").map((h) => h.path)).toEqual(["/archive/000.txt"]);
    expect(store.search("binh thuan tay hoa")).toEqual([]);
  });

  it("matches a quoted phrase only as a phrase", () => {
    expect(store.search('"khen thưởng thi đua"')).toEqual([]);
    expect(store.search('"thi đua, khen thưởng"')).toHaveLength(2);
  });
});

describe("store: units and due dates", () => {
  const text = [
    "1. Tuyên truyền, quán triệt Kế hoạch đến cán bộ, công chức.",
    "2. Tổng hợp kết quả thi đua, báo cáo Hội đồng Thi đua - Khen thưởng tỉnh.",
    "3. Kiểm tra việc thực hiện tại các huyện, thị xã, thành phố.",
  ].join("\n");
  const units: Unit[] = [
    { name: "UBND tỉnh", normalizedName: "Ủy ban nhân dân tỉnh", role: "lead", ...where(text, "Tuyên truyền") },
  ];
  const tasks = [
    task(text, "Tuyên truyền, quán triệt Kế hoạch đến cán bộ, công chức.", { lead: ["UBND tỉnh"], support: ["Sở Tư pháp"] }, "2023-02-28"),
    task(text, "Tổng hợp kết quả thi đua, báo cáo Hội đồng Thi đua - Khen thưởng tỉnh.", { lead: ["Sở Nội vụ"], assigned: ["Ban Thi đua - Khen thưởng"] }, "2023-12-15"),
    task(text, "Kiểm tra việc thực hiện tại các huyện, thị xã, thành phố.", { lead: ["Ủy ban nhân dân tỉnh"], support: ["Sở Giáo dục và Đào tạo"] }, null),
  ];
  const store = openStore(tmpDb());
  store.put(plan(text, { units, tasks, sha: "f".repeat(64) }), "/archive/p.txt");

  it("finds a unit's tasks by full name or abbreviation, in any role", () => {
    const full = store.unit("Ủy ban nhân dân tỉnh");
    expect(full.map((r) => r.summary)).toEqual([tasks[0].summary, tasks[2].summary]);
    expect(store.unit("UBND tỉnh").map((r) => r.summary)).toEqual(full.map((r) => r.summary));
    expect(store.unit("uy ban nhan dan tinh")).toHaveLength(2);
    const support = store.unit("Sở Tư pháp");
    expect(support).toHaveLength(1);
    expect(support[0]).toMatchObject({ role: "support", unit: "Sở Tư pháp", lead: ["UBND tỉnh"], due: "2023-02-28" });
    expect(store.unit("Sở Tài chính")).toEqual([]);
    // An abbreviation the grammar expands, written with a connector the initials cannot stand for.
    expect(store.unit("Sở GD&ĐT").map((r) => r.unit)).toEqual(["Sở Giáo dục và Đào tạo"]);
  });

  it("lists tasks due in a window, both ends included, with their units", () => {
    const q1 = store.due("2023-01-01", "2023-02-28");
    expect(q1.map((r) => r.summary)).toEqual([tasks[0].summary]);
    expect(q1[0].support).toEqual(["Sở Tư pháp"]);
    expect(store.due("2023-03-01", "2023-12-31").map((r) => r.assigned)).toEqual([["Ban Thi đua - Khen thưởng"]]);
    expect(store.due(null, null)).toHaveLength(2);
  });
});

describe("store: the full-text index during an import", () => {
  it("indexes in batches, and a document replaced before its batch never reaches the index", () => {
    const db = openDb(tmpDb());
    const w = createWriter(db);
    const old = plan(TEXT_000, { sha: "2".repeat(64) });
    const changed = plan(TEXT_000.replaceAll("Bình Thuận", "Ninh Thuận"), { sha: "3".repeat(64) });
    w.writeDocument(toRows(old, "2".repeat(64)), { path: "/a.txt", size: 1, mtimeMs: 0 });
    w.writeDocument(toRows(changed, "3".repeat(64)), { path: "/a.txt", size: 1, mtimeMs: 0 });
    expect(search(db, "Ninh Thuận")).toEqual([]);
    w.indexPending();
    expect(search(db, "Ninh Thuận").map((r) => r.path)).toEqual(["/a.txt"]);
    expect(search(db, '"Bình Thuận"')).toEqual([]);
    // The index is sound (it holds folded text, so it is not compared with the stored text).
    expect(() => db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });
});

describe("store: layout versions", () => {
  it("records its layout version and refuses a newer database", () => {
    const path = tmpDb();
    openStore(path).close();
    const db = new Database(path);
    expect(db.prepare("SELECT version FROM schema_version").get()).toEqual({ version: STORE_VERSION });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.prepare("UPDATE schema_version SET version = ?").run(STORE_VERSION + 1);
    db.close();
    expect(() => openStore(path)).toThrow(VnplanError);
  });

  it("keeps what it stored across reopening", () => {
    const path = tmpDb();
    const s = openStore(path);
    s.put(plan(TEXT_000, { sha: "1".repeat(64) }), "/a.txt");
    s.close();
    const again = openStore(path, { readonly: true });
    expect(again.document("/a.txt")?.extraction.text).toBe(TEXT_000);
    again.close();
  });
});

describe("CSV for spreadsheets", () => {
  it("starts with a byte order mark, quotes every field and ends lines with CRLF", () => {
    const csv = toCsv([{ symbol: "34-CT/TW", sentence: 'Chỉ thị "34", ngày 07/4/2014\nmới', pages: [1, 2] }], ["symbol", "sentence", "pages"]);
    expect(csv).toBe('\uFEFF"symbol","sentence","pages"\r\n"34-CT/TW","Chỉ thị ""34"", ngày 07/4/2014\nmới","1; 2"\r\n');
  });
});

describe("store: cited documents recomputed in slices", () => {
  it("gives the same rows as one recomputation, and says when keys remain", async () => {
    const { extract } = await import("../src/index.js");
    const docs: Extraction[] = [];
    for (const name of ["000_bdb84c189a81ae0c.txt", "001_b71d370d0e19e38a.txt", "004_87e88c7bcc850968.txt"]) docs.push(await extract(seed(name)));
    const fill = () => {
      const db = openDb(tmpDb());
      const w = createWriter(db);
      docs.forEach((d, i) => w.writeDocument(toRows(d, String(i).repeat(64)), { path: `/${i}.txt`, size: 1, mtimeMs: 0 }));
      return { db, w };
    };
    const rows = (db: Database.Database) => [
      db.prepare("SELECT * FROM cited_documents ORDER BY key").all(),
      db.prepare("SELECT * FROM cited_spellings ORDER BY key, spelling").all(),
    ];
    const whole = fill();
    expect(whole.w.refreshCited()).toBe(false);
    const sliced = fill();
    let slices = 0;
    while (sliced.w.refreshCited(3)) slices++;
    const [cited] = rows(whole.db);
    expect(cited.length).toBeGreaterThan(6);
    expect(slices).toBe(Math.floor(cited.length / 3));
    expect(rows(sliced.db)).toEqual(rows(whole.db));
    whole.db.close();
    sliced.db.close();
  });
});
