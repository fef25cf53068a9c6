import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
