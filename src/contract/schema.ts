// The output contract. Every type the library exposes is inferred from these
// schemas; `vnplan schema` prints them as JSON Schema.
import { z } from "zod";

import { SCHEMA_VERSION } from "./version.js";

export { SCHEMA_VERSION };

/** Half-open range [start, end) in the normalized `text`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Where an item sits: `section` in the guideline's notation ("II/2/2.1",
 * "preamble", "header", "closing", "notes") and the same as an array of labels.
 */
const Located = {
  section: z.string(),
  sectionPath: z.array(z.string()),
  span: Span,
  /** 1-based page of the source where the item starts, when the source has pages. */
  page: z.number().int().positive().nullable(),
};

export const Signer = z.object({
  /** e.g. "K/T TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN"; null when absent. */
  authority: z.string().nullable(),
  /** The last title line above the name, e.g. "PHÓ TRƯỞNG BAN". */
  position: z.string().nullable(),
  name: z.string().nullable(),
});

export const DocumentMeta = z.object({
  /** Type abbreviation of the document itself (KH, QĐ, CT, ...). */
  typeCode: z.string().nullable(),
  /** The type name as written ("KẾ HOẠCH"). */
  typeName: z.string().nullable(),
  /** The trích yếu under the type name, joined by single spaces. */
  title: z.string().nullable(),
  /** Own số/ký hiệu as written ("-KH/KTĐ", "/KH-UBND", "21-KH/BDVTU"). */
  symbol: z.string().nullable(),
  /** Issuing body lines of the header, top to bottom. */
  issuer: z.array(z.string()),
  draft: z.boolean(),
  place: z.string().nullable(),
  date: IsoDate.nullable(),
  year: z.number().int().nullable(),
  signer: Signer,
  /** Lines under "Nơi nhận" (bracket-only annotations excluded). */
  recipients: z.array(z.string()),
  /** Physical recipient lines; null when there is no "Nơi nhận". */
  recipientCount: z.number().int().nullable(),
});

export const Section = z.object({
  /** Numbering labels from the top, e.g. ["II", "2", "2.1"]. */
  path: z.array(z.string()),
  /** `path` joined by "/". */
  section: z.string(),
  /** The label as written without trailing punctuation ("2.1", "a", "Điều 1"). */
  label: z.string(),
  title: z.string(),
  /** Depth, 1 for a top-level section. */
  level: z.number().int().positive(),
  /** From the heading to the end of the section's content. */
  span: Span,
  page: z.number().int().positive().nullable(),
  get children(): z.ZodArray<typeof Section> {
    return z.array(Section);
  },
});

export const Citation = z.object({
  /** Type code from the symbol (CT, KH, NQ, QĐ, CTr ...), else from the type word. */
  typeCode: z.string().nullable(),
  /** The type word as written ("Chỉ thị", "Chương trình hành động"), null for a bare symbol. */
  typeName: z.string().nullable(),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  issuerCode: z.string().nullable(),
  /** The symbol as written, rejoined across line breaks. */
  symbol: z.string().nullable(),
  date: IsoDate.nullable(),
  /** Issuing body named after "của", as written. */
  issuer: z.string().nullable(),
  /** The trích yếu that follows the mention ("về việc ..."). */
  subject: z.string().nullable(),
  /** Identity of the cited document: equal keys mean the same document. */
  key: z.string(),
  ...Located,
});

export const TimeTerm = z.object({
  kind: z.enum([
    "date",
    "month",
    "quarter",
    "half",
    "year",
    "yearRange",
    "monthsOfYear",
    "range",
    "before",
    "after",
    "recurring",
    "continuous",
    "onDirection",
    "relative",
  ]),
  text: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  span: Span,
});

export const Deadline = z.object({
  /** The value after a label, or the time phrase itself. */
  text: z.string(),
  /** Latest calendar bound, each period resolved to its last day. */
  due: IsoDate.nullable(),
  start: IsoDate.nullable(),
  recurring: z.boolean(),
  terms: z.array(TimeTerm),
  ...Located,
});

export const UnitRole = z.enum(["lead", "support", "advise", "implement", "assigned", "requested", "responsible"]);

export const Unit = z.object({
  name: z.string(),
  /** Abbreviations expanded, tone style folded: "UBND tỉnh" → "Ủy ban nhân dân tỉnh". */
  normalizedName: z.string(),
  role: UnitRole,
  ...Located,
});

export const Comparator = z.enum(["eq", "gt", "gte", "lt", "lte"]);

export const Target = z.object({
  value: z.number(),
  valueMax: z.number().nullable(),
  /** "%" or the counted noun ("công trình"). */
  unit: z.string(),
  comparator: Comparator,
  /** What is measured. */
  subject: z.string().nullable(),
  /** The goal clause, shortened to about 12 words. */
  text: z.string(),
  /** Horizon year of the goal ("đến năm 2030"), when stated. */
  by: z.number().int().nullable(),
  ...Located,
});

export const Task = z.object({
  summary: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  advise: z.array(z.string()),
  implement: z.array(z.string()),
  /** Units given the task by "Giao", "Đề nghị", "có trách nhiệm" or a unit heading. */
  assigned: z.array(z.string()),
  deadline: Deadline.nullable(),
  /** `key`s of the citations inside the task. */
  citations: z.array(z.string()),
  ...Located,
});

export const Repair = z.object({
  from: z.string(),
  to: z.string(),
  span: Span,
  rule: z.enum(["codepoint", "mark-placement", "mark-shift", "replacement-char", "lost-mark", "legacy-encoding", "tone-style"]),
  confidence: z.number().min(0).max(1),
});

export const Suspect = z.object({
  word: z.string(),
  candidates: z.array(z.string()),
  span: Span,
  rule: Repair.shape.rule,
  confidence: z.number().min(0).max(1),
});

export const Format = z.enum(["text", "markdown", "pdf", "docx", "doc", "rtf", "xlsx", "xls", "html", "ppt"]);

export const Page = z.object({
  page: z.number().int().positive(),
  /** Range of the page in the normalized text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  ocr: z.boolean(),
});

export const Source = z.object({
  name: z.string().nullable(),
  format: Format,
  sha256: z.string().nullable(),
  /** Text encoding or legacy font encoding the text was decoded from. */
  encoding: z.string().nullable(),
  pages: z.array(Page),
});

export const Extraction = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  document: DocumentMeta,
  sections: z.array(Section),
  citations: z.array(Citation),
  deadlines: z.array(Deadline),
  units: z.array(Unit),
  targets: z.array(Target),
  tasks: z.array(Task),
  repairs: z.array(Repair),
  suspects: z.array(Suspect),
  warnings: z.array(z.string()),
  /** The normalized text every span points into. */
  text: z.string(),
});

export type Span = z.infer<typeof Span>;
export type Signer = z.infer<typeof Signer>;
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type Section = z.infer<typeof Section>;
export type Citation = z.infer<typeof Citation>;
export type TimeTerm = z.infer<typeof TimeTerm>;
export type Deadline = z.infer<typeof Deadline>;
export type UnitRole = z.infer<typeof UnitRole>;
export type Unit = z.infer<typeof Unit>;
export type Comparator = z.infer<typeof Comparator>;
export type Target = z.infer<typeof Target>;
export type Task = z.infer<typeof Task>;
export type Repair = z.infer<typeof Repair>;
export type Suspect = z.infer<typeof Suspect>;
export type Format = z.infer<typeof Format>;
export type Page = z.infer<typeof Page>;
export type Source = z.infer<typeof Source>;
export type Extraction = z.infer<typeof Extraction>;
