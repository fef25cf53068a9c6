import type { Repair, Span, Suspect } from "../contract/schema.js";
import type { OffsetMap } from "./offsets.js";

export interface NormalizeOptions {
  /** Where tone marks go in oa/oe/uy syllables: keep the document's style, or rewrite. */
  toneStyle?: "preserve" | "modern" | "traditional";
  /** Font names from the source, the strongest hint for legacy encodings. */
  fonts?: string[];
  /** Repair broken diacritics (default true). */
  repair?: boolean;
}

/** One paragraph of the normalized text after reflow. */
export interface Paragraph {
  start: number;
  end: number;
  /** "heading": a markdown heading; "row": a table row; "text": anything else. */
  kind: "text" | "heading" | "row";
  /** The whole paragraph was bold in the source. */
  strong: boolean;
  /** For table rows: each cell's range in the text. */
  cells?: Span[];
  /** Where a hard-wrapped source line was joined to the one before: offsets in the text of the joining space. */
  wraps?: number[];
}

export interface Normalized {
  /** Paragraphs joined by "\n". */
  text: string;
  /** Normalized offset → offset in the ingested text. */
  map: OffsetMap;
  paragraphs: Paragraph[];
  repairs: Repair[];
  suspects: Suspect[];
  /** Legacy encoding detected and decoded, if any. */
  encoding: string | null;
}

/** What one text-rewriting stage returns: its output and the map back to its input. */
export interface StageResult {
  text: string;
  map: OffsetMap;
  /** Repairs with spans into this stage's output. */
  repairs?: Repair[];
  suspects?: Suspect[];
}
