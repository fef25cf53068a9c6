// The one-way pipeline: ingested text → normalize → segment → extract → contract.
import { z } from "zod";
import { Extraction, SCHEMA_VERSION, Section, type Extraction as ExtractionT, type Page } from "./contract/schema.js";
import { conforms, type Conforms } from "./contract/conforms.js";
import { VnplanError } from "./errors.js";
import { extractAll } from "./extract/index.js";
import type { Ingested } from "./ingest/types.js";
import { normalize } from "./normalize/index.js";
import type { NormalizeOptions } from "./normalize/types.js";
import { fromSource, type OffsetMap } from "./normalize/offsets.js";
import { segment } from "./segment/index.js";
import { unreadableWarning } from "./unreadable.js";

export interface PipelineOptions extends NormalizeOptions {
  name?: string | null;
  sha256?: string | null;
}

/** Runs every stage after ingest and validates the result against the contract. */
export function runPipeline(ingested: Ingested, options: PipelineOptions = {}): ExtractionT {
  const norm = normalize(ingested.text, { ...options, fonts: [...(options.fonts ?? []), ...ingested.fonts] });
  const seg = segment(norm);
  const ex = extractAll(seg);
  // The offset map is built on first read: a source without pages never needs it.
  const pages = ingested.pages.length ? pagesInNormalized(ingested, norm.map) : [];
  const pageAt = pageLookup(pages);
  // Extractors leave `page` null; the items are fresh, so they are filled in place.
  const placed = <T extends { span: { start: number }; page: number | null }>(items: T[]): T[] => {
    if (pages.length) for (const x of items) x.page = pageAt(x.span.start);
    return items;
  };
  const placeSections = (nodes: ExtractionT["sections"]): ExtractionT["sections"] => {
    for (const n of placed(nodes)) placeSections(n.children);
    return nodes;
  };
  const result = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      name: options.name ?? null,
      format: ingested.format,
      sha256: options.sha256 ?? null,
      encoding: norm.encoding ?? ingested.encoding,
      pages,
    },
    document: seg.document,
    sections: placeSections(seg.sections),
    citations: placed(ex.citations),
    deadlines: placed(ex.deadlines),
    units: placed(ex.units),
    targets: placed(ex.targets),
    tasks: placed(ex.tasks),
    repairs: norm.repairs,
    suspects: norm.suspects,
    warnings: withUnreadable(ingested.warnings, norm.text),
    text: norm.text,
  };
  return validated(result, options.name ?? null);
}

/** `result` as the contract gives it back, or a VnplanError that names the first mismatch. */
export function validated(result: unknown, file: string | null = null): ExtractionT {
  // Built as the contract has it (the usual case): parsing would only copy it.
  if ((conformsToContract ??= conforms(Extraction))(result)) return result as ExtractionT;
  const fast = compiledContract().safeParse(result);
  if (fast.success) return fast.data as ExtractionT;
  const parsed = Extraction.safeParse(result);
  if (!parsed.success) {
    throw new VnplanError("validate", `result does not match the contract: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`, { file });
  }
  return parsed.data;
}

let conformsToContract: Conforms | null = null;

/** Levels of sections the compiled contract holds; a document nested deeper is parsed by Extraction itself. */
const SECTION_DEPTH = 8;
let compiled: z.ZodType | null = null;

/**
 * The contract compiled by zod into one generated parser. Sections nest
 * through a getter, a cycle that z.compile leaves to zod's runtime parser (four
 * times slower), so here they are unrolled to SECTION_DEPTH levels of the same
 * Section schema, the deepest with no children. It accepts a subset of what
 * Extraction accepts and gives the same output; anything it rejects is parsed
 * again by Extraction, whose answer and message stand.
 */
function compiledContract(): z.ZodType {
  if (compiled) return compiled;
  let section: z.ZodType = Section.extend({ children: z.array(z.never()) });
  for (let d = 1; d < SECTION_DEPTH; d++) section = Section.extend({ children: z.array(section) });
  return (compiled = z.compile(Extraction.extend({ sections: z.array(section) })));
}

/** Carries the ingested pages (source offsets) over to ranges of the normalized text. */
function pagesInNormalized(ingested: Ingested, map: OffsetMap): Page[] {
  return ingested.pages.map((p) => ({ page: p.page, start: fromSource(map, p.start), end: fromSource(map, p.end), ocr: p.ocr }));
}

function pageLookup(pages: Page[]): (offset: number) => number | null {
  if (!pages.length) return () => null;
  return (offset) => {
    let lo = 0;
    let hi = pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pages[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pages[lo].page;
  };
}

/** Adds a warning when the text is garbage (a broken text layer) rather than writing. */
function withUnreadable(warnings: string[], text: string): string[] {
  const w = unreadableWarning(text);
  return w ? [...warnings, w] : warnings;
}
