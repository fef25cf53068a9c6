import type { DocumentMeta, Section } from "../contract/schema.js";
import type { Paragraph } from "../normalize/types.js";

export type Region = "header" | "preamble" | "body" | "closing" | "notes";

/** A paragraph placed in the document: its region and the innermost section that holds it. */
export interface Block extends Paragraph {
  region: Region;
  /** Section labels from the top; [] outside numbered sections. */
  path: string[];
  /** The guideline's notation: "II/2", "preamble", "header", "closing", "notes". */
  section: string;
  /** The paragraph opens a numbered section (its label is at `start`). */
  heading: boolean;
  /** Length of the numbering label at the start of a heading, e.g. "2.1. " → 5. */
  labelLength: number;
}

export interface Segmented {
  text: string;
  document: DocumentMeta;
  sections: Section[];
  blocks: Block[];
}
