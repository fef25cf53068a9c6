import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conforms } from "../src/contract/conforms.js";
import { Extraction, type Section } from "../src/contract/schema.js";
import { VnplanError } from "../src/errors.js";
import { ingestText } from "../src/ingest/text.js";
import { runPipeline, validated } from "../src/pipeline.js";

const seed = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", "seeds", name));
const result = () => runPipeline(ingestText(seed("001_b71d370d0e19e38a.txt"), false));

/** A section `depth` levels deep, each level the only child of the one above. */
const nested = (depth: number): Section => {
  const at = (level: number): Section => ({
    path: Array.from({ length: level }, (_, k) => String(k + 1)),
    section: Array.from({ length: level }, (_, k) => String(k + 1)).join("/"),
    label: String(level),
    title: `Mục ${level}`,
    level,
    span: { start: 0, end: 10 },
    page: null,
    children: level < depth ? [at(level + 1)] : [],
  });
  return at(1);
};

describe("the contract check of every result", () => {
  it("gives back what Extraction itself gives back for a seed", () => {
    const r = result();
    expect(r.sections.length).toBeGreaterThan(0);
    expect(validated(r)).toEqual(Extraction.parse(r));
  });

  it("accepts sections nested deeper than its compiled levels, as Extraction does", () => {
    const r = { ...result(), sections: [nested(11)] };
    const v = validated(r);
    expect(v).toEqual(Extraction.parse(r));
    let depth = 0;
    for (let s: Section | undefined = v.sections[0]; s; s = s.children[0]) depth++;
    expect(depth).toBe(11);
  });

  it("drops keys the contract does not know, as Extraction does", () => {
    const r = result();
    const extra = { ...r, tasks: r.tasks.map((t) => ({ ...t, scratch: 1 })), sections: [{ ...nested(3), scratch: 2 }] };
    const v = validated(extra);
    expect(v).toEqual(Extraction.parse(extra));
    expect(JSON.stringify(v)).not.toContain("scratch");
  });

  it("rejects a result that breaks the contract, naming the place, at any depth", () => {
    const r = result();
    const bad = { ...r, units: [{ ...r.units[0], page: 0 }] };
    expect(() => validated(bad, "x.txt")).toThrow(VnplanError);
    expect(() => validated(bad, "x.txt")).toThrow(/result does not match the contract: units\.0\.page/);
    const deep = nested(10);
    let s = deep;
    while (s.children.length) s = s.children[0];
    s.level = -1;
    expect(() => validated({ ...r, sections: [deep] })).toThrow(/sections\.0(\.children\.0){9}\.level/);
  });
});

describe("the test of a result already built as the contract has it", () => {
  const check = conforms(Extraction);

  it("accepts a pipeline's result, which is then given back as it is", () => {
    const r = result();
    expect(check(r)).toBe(true);
    expect(validated(r)).toBe(r);
    expect(check({ ...r, sections: [nested(12)] })).toBe(true);
  });

  it("refuses keys out of the contract's order, and the parser gives them its order", () => {
    const r = result();
    const { text, ...rest } = r;
    const moved = { text, ...rest };
    expect(check(moved)).toBe(false);
    expect(JSON.stringify(validated(moved))).toBe(JSON.stringify(r));
    const u = r.units[0];
    const { name, ...others } = u;
    expect(check({ ...r, units: [{ ...others, name }] })).toBe(false);
  });

  it("refuses what the contract refuses, and objects that are not plain", () => {
    const r = result();
    const u = r.units[0];
    const t = r.citations[0];
    expect(check({ ...r, units: [{ ...u, page: 0 }] })).toBe(false);
    expect(check({ ...r, units: [{ ...u, role: "boss" }] })).toBe(false);
    expect(check({ ...r, units: [{ ...u, span: { start: 1.5, end: 2 } }] })).toBe(false);
    expect(check({ ...r, units: [{ ...u, span: { start: -1, end: 2 } }] })).toBe(false);
    expect(check({ ...r, citations: [{ ...t, date: "2024-1-5" }] })).toBe(false);
    expect(check({ ...r, citations: [{ ...t, year: Infinity }] })).toBe(false);
    expect(check({ ...r, schemaVersion: "2" })).toBe(false);
    expect(check({ ...r, repairs: [{ from: "a", to: "b", span: { start: 0, end: 1 }, rule: "codepoint", confidence: 1.5 }] })).toBe(false);
    class Box {
      start = 0;
      end = 1;
    }
    expect(check({ ...r, units: [{ ...u, span: new Box() }] })).toBe(false);
  });
});
