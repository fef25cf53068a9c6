import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Extraction } from "../src/contract/schema.js";

const bin = join(import.meta.dirname, "..", "bin", "vnplan.js");
const seeds = join(import.meta.dirname, "..", "fixtures", "seeds");

describe("vnplan extract", () => {
  it("writes one valid JSON file per input with --out-dir", () => {
    const out = mkdtempSync(join(tmpdir(), "vnplan-"));
    const inputs = readdirSync(seeds).map((f) => join(seeds, f));
    const r = spawnSync(process.execPath, [bin, "extract", ...inputs, "--out-dir", out], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toEqual(readdirSync(seeds).map((f) => f.replace(/\.txt$/, ".json")).sort());
    for (const f of written) {
      const json = JSON.parse(readFileSync(join(out, f), "utf8"));
      expect(Extraction.safeParse(json).success).toBe(true);
      expect(json.text.length).toBeGreaterThan(1000);
    }
  });

  it("reads standard input with -", () => {
    const text = readFileSync(join(seeds, "000_bdb84c189a81ae0c.txt"));
    const stdout = execFileSync(process.execPath, [bin, "extract", "-"], { input: text, encoding: "utf8" });
    expect(JSON.parse(stdout).schemaVersion).toBe("1");
  });

  it("fails with a one-line reason naming a missing or empty file, and still extracts the others", () => {
    const out = mkdtempSync(join(tmpdir(), "vnplan-"));
    const empty = join(out, "empty.txt");
    execFileSync("touch", [empty]);
    const good = join(seeds, "000_bdb84c189a81ae0c.txt");
    const r = spawnSync(process.execPath, [bin, "extract", join(out, "missing.txt"), empty, good, "--out-dir", join(out, "o")], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/missing\.txt: read: no such file/);
    expect(lines[1]).toMatch(/empty\.txt: read: the file is empty/);
    expect(readdirSync(join(out, "o"))).toEqual(["000_bdb84c189a81ae0c.json"]);
  });

  it("prints the contract as JSON Schema", () => {
    const schema = JSON.parse(execFileSync(process.execPath, [bin, "schema"], { encoding: "utf8" }));
    expect(schema.properties.citations.type).toBe("array");
    expect(schema.required).toContain("text");
  });
});
