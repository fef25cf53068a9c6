// Hostile and broken files: each is refused with one line "FILE: stage: reason"
// and exit status 1, in bounded memory, without harming the other files of the
// batch, and outputs are written only inside --out-dir.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Extraction } from "../src/contract/schema.js";
import { repoRoot, runCli, type CliRun } from "./support/cli.js";
// @ts-expect-error: a plain ESM script without types
import { HOSTILE_DIR, LARGE_DIR, ODD_NAMES, makeHugeText, makeLarge, PLAN_TEXT } from "../scripts/make-hostile.mjs";

const hostile = (name: string) => join(HOSTILE_DIR, name);
const large = (name: string) => join(LARGE_DIR, name);
const good = join(repoRoot, "fixtures", "seeds", "000_bdb84c189a81ae0c.txt");
const good2 = join(repoRoot, "fixtures", "seeds", "004_87e88c7bcc850968.txt");
/**
 * Peak memory allowed for the batch: the CLI and its extracting thread, each
 * with the parsers loaded (about 350 MiB apiece run from source), nothing
 * expanded: the two zip bombs alone would take 2.5 GiB.
 */
const BATCH_MIB = 1024;

const REFUSED = [
  hostile("empty.txt"),
  hostile("noise.txt"),
  large("bomb.docx"),
  large("bomb-lying.docx"),
  hostile("missing-parts.docx"),
  hostile("not-a-docx.docx"),
  hostile("corrupt.docx"),
  hostile("encrypted.pdf"),
  hostile("truncated.pdf"),
  hostile("broken-ole.doc"),
  large("empty-pages.pdf"),
];

describe("hostile files in one batch between good plans", () => {
  let run: CliRun;
  let out: string;
  /** The one stderr line naming `file`, as "reason" after "FILE: stage: ". */
  const reason = (file: string) => {
    const lines = run.lines.filter((l) => l.startsWith(`${file}: `) || l.startsWith(`${basename(file)}: `));
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^.+: (read|detect|ingest|normalize|segment|extract|validate): \S.+$/);
    return lines[0].slice(lines[0].indexOf(": ") + 2);
  };

  beforeAll(async () => {
    if (!existsSync(large("empty-pages.pdf"))) await makeLarge();
    out = mkdtempSync(join(tmpdir(), "vnplan-hostile-"));
    // The bomb whose header lies is checked against a lower --max-unzipped, which the honest files stay under.
    run = runCli(["extract", good, ...REFUSED, good2, "--out-dir", out, "--max-unzipped", "64M"]);
  }, 180_000);

  it("fails with exit status 1, one line per refused file, and still extracts the good plans", () => {
    expect(run.status).toBe(1);
    expect(run.lines.filter((l) => !l.startsWith("(node:"))).toHaveLength(REFUSED.length);
    expect(readdirSync(out).sort()).toEqual([`${basename(good, ".txt")}.json`, `${basename(good2, ".txt")}.json`]);
    for (const f of readdirSync(out)) expect(Extraction.safeParse(JSON.parse(readFileSync(join(out, f), "utf8"))).success).toBe(true);
  });

  it("stays within a memory bound: nothing is expanded or parsed past the limits", () => {
    expect(run.peakMiB).toBeLessThan(BATCH_MIB);
  });

  it("0-byte file", () => {
    expect(reason(hostile("empty.txt"))).toMatch(/empty/);
  });

  it("binary noise named .txt", () => {
    expect(reason(hostile("noise.txt"))).toMatch(/binary/);
  });

  it("DOCX zip bomb (2 GiB of document.xml in 2 MB)", () => {
    expect(reason(large("bomb.docx"))).toMatch(/limit|expand/);
  });

  it("DOCX zip bomb whose central directory understates the size", () => {
    expect(reason(large("bomb-lying.docx"))).toMatch(/larger than declared|limit|expand/);
  });

  it("DOCX with its document part missing", () => {
    expect(reason(hostile("missing-parts.docx"))).toMatch(/document|DOCX|unsupported/i);
  });

  it("a ZIP that is not a DOCX", () => {
    expect(reason(hostile("not-a-docx.docx"))).toMatch(/ZIP|DOCX|unsupported/i);
  });

  it("a DOCX cut short", () => {
    expect(reason(hostile("corrupt.docx"))).toMatch(/corrupt|truncated/);
  });

  it("password-protected PDF", () => {
    expect(reason(hostile("encrypted.pdf"))).toMatch(/encrypt|password/i);
  });

  it("truncated PDF", () => {
    expect(reason(hostile("truncated.pdf"))).toMatch(/truncated|corrupt/);
  });

  it("a Word 97–2003 file whose header is broken", () => {
    expect(reason(hostile("broken-ole.doc"))).toMatch(/damaged or truncated/);
  });

  it("PDF with 10,000 empty pages, over --max-pages", () => {
    expect(reason(large("empty-pages.pdf"))).toMatch(/10000 pages.*--max-pages/);
  });

  it("PDF whose text layer is garbage: refused, or read with a warning and never as a plan", () => {
    const dir = mkdtempSync(join(tmpdir(), "vnplan-hostile-"));
    const r = runCli(["extract", hostile("garbage-text.pdf"), "--out-dir", dir, "--ocr", "never"]);
    if (r.status === 1) {
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toContain("garbage-text.pdf");
    } else {
      expect(r.status).toBe(0);
      const json = Extraction.parse(JSON.parse(readFileSync(join(dir, "garbage-text.json"), "utf8")));
      expect(json.warnings.length).toBeGreaterThan(0);
      expect(json.citations).toEqual([]);
      expect(json.tasks).toEqual([]);
    }
    expect(r.peakMiB).toBeLessThan(BATCH_MIB);
  });
});

describe("large text files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vnplan-large-"));
    await makeHugeText(join(dir, "large.txt"), 24);
    // 1 GiB that takes no disk: a sparse file, all zero bytes.
    writeFileSync(join(dir, "sparse.txt"), "");
    truncateSync(join(dir, "sparse.txt"), 1024 * 1024 * 1024);
  }, 60_000);

  it("a file over --max-size is refused before it is read", () => {
    const r = runCli(["extract", join(dir, "large.txt"), "--max-size", "16M", "--out-dir", join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${join(dir, "large.txt")}: read: the file is 24.0 MB, over the limit of 16.0 MB (raise it with --max-size)`]);
    // Never read: a 1 GiB file is refused in far less memory than the file itself
    // (the child's own start-up, run through tsx, takes 150-300 MiB).
    const big = runCli(["extract", join(dir, "sparse.txt"), "--max-size", "16M", "--out-dir", join(dir, "out")]);
    expect(big.lines).toEqual([`${join(dir, "sparse.txt")}: read: the file is 1.0 GB, over the limit of 16.0 MB (raise it with --max-size)`]);
    expect(big.peakMiB).toBeLessThan(512);
  });

  it.skipIf(!process.env.VNPLAN_HUGE)("a 200 MB text file is refused under the default --max-size (set VNPLAN_HUGE=1)", async () => {
    const huge = await makeHugeText(join(dir, "huge.txt"), 200);
    expect(statSync(huge).size).toBe(200 * 1024 * 1024);
    const r = runCli(["extract", huge, "--out-dir", join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(/huge\.txt: read: the file is 200\.0 MB, over the limit of 100\.0 MB \(raise it with --max-size\)/);
    expect(r.peakMiB).toBeLessThan(250);
  });
});

describe("time limit", () => {
  it("a file over --timeout is stopped mid-stage with one line, and the batch goes on to the next file", () => {
    const out = mkdtempSync(join(tmpdir(), "vnplan-timeout-"));
    const r = runCli(["extract", good, good2, "--timeout", "1ms", "--out-dir", out]);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([good, good2].map((f) => `${f}: ingest: took longer than 0.001 s (limit set by --timeout)`));
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("file names", () => {
  it("names with spaces, Vietnamese letters, quotes and dots write only inside --out-dir, one output each", () => {
    const root = mkdtempSync(join(tmpdir(), "vnplan-names-"));
    const inputs = join(root, "in", "sub");
    mkdirSync(inputs, { recursive: true });
    for (const name of ODD_NAMES) writeFileSync(join(inputs, name), PLAN_TEXT);
    // Paths that climb out of and back into the input folder.
    const args = (ODD_NAMES as string[]).map((n) => (n.startsWith("-") ? join(inputs, n) : relative(root, join(inputs, "..", "sub", n))));
    args.push(`in/sub/../../in/sub/${ODD_NAMES[0]}`.replace(ODD_NAMES[0], "..txt"));
    const r = runCli(["extract", ...args, "--out-dir", "out"], { cwd: root });
    expect(r.lines).toEqual([]);
    expect(r.status).toBe(0);
    // Nothing written anywhere but out/.
    expect(readdirSync(root).sort()).toEqual(["in", "out"]);
    expect(readdirSync(inputs).sort()).toEqual([...ODD_NAMES].sort());
    const outputs = readdirSync(join(root, "out"));
    expect(outputs).toHaveLength(args.length);
    for (const f of outputs) {
      expect(f.endsWith(".json")).toBe(true);
      const json = Extraction.parse(JSON.parse(readFileSync(join(root, "out", f), "utf8")));
      expect(json.text).toContain("KẾ HOẠCH");
    }
  });
});
