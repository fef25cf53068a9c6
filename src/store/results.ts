// What the store's queries return. Defined as zod schemas like the contract,
// so the types are inferred once and the rows can be validated or documented.
import { z } from "zod";
import { Citation, Extraction, Task, UnitRole } from "../contract/schema.js";

const DocRef = {
  documentId: z.number().int(),
  /** The first path (in sort order) the document was imported from. */
  path: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  documentTitle: z.string().nullable(),
};

/** One mention of a cited document. */
export const CiteRow = Citation.pick({ key: true, symbol: true, typeName: true, date: true, issuer: true, section: true, page: true }).extend({
  ...DocRef,
  sectionTitle: z.string().nullable(),
  /** The sentence around the mention. */
  sentence: z.string(),
});

/** A cited document with how widely it is cited. */
export const DirectiveRow = Citation.pick({
  key: true,
  typeCode: true,
  typeName: true,
  number: true,
  year: true,
  issuerCode: true,
  date: true,
  issuer: true,
}).extend({
  /** Every symbol as written across the archive. */
  spellings: z.array(z.string()),
  citingDocuments: z.number().int(),
  mentions: z.number().int(),
});

export const StoredDocument = z.object({
  id: z.number().int(),
  sha256: z.string(),
  paths: z.array(z.string()),
  extraction: Extraction,
});

/** A task as the queries list it. */
export const TaskRow = Task.pick({ section: true, page: true, summary: true, lead: true, support: true, advise: true, implement: true, assigned: true }).extend({
  ...DocRef,
  /** The task's deadline: its latest calendar bound, and the text it was read from. */
  due: z.string().nullable(),
  deadline: z.string().nullable(),
});

/** A task naming a unit, with the unit as named there and its role. */
export const UnitTaskRow = TaskRow.extend({
  unit: z.string(),
  normalizedName: z.string(),
  role: UnitRole,
});

export const SearchRow = z.object({
  ...DocRef,
  /** Text around the matches, each match between « and ». */
  snippet: z.string(),
  rank: z.number(),
});

export type CiteRow = z.infer<typeof CiteRow>;
export type DirectiveRow = z.infer<typeof DirectiveRow>;
export type StoredDocument = z.infer<typeof StoredDocument>;
export type TaskRow = z.infer<typeof TaskRow>;
export type UnitTaskRow = z.infer<typeof UnitTaskRow>;
export type SearchRow = z.infer<typeof SearchRow>;
