// What the store's queries return. Defined as zod schemas like the contract,
// so the types are inferred once and the rows can be validated or documented.
import { z } from "zod";
import { Extraction, UnitRole } from "../contract/schema.js";

const DocRef = {
  documentId: z.number().int(),
  /** The first path (in sort order) the document was imported from. */
  path: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  documentTitle: z.string().nullable(),
};

/** One mention of a cited document. */
export const CiteRow = z.object({
  ...DocRef,
  key: z.string(),
  symbol: z.string().nullable(),
  typeName: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  section: z.string(),
  sectionTitle: z.string().nullable(),
  page: z.number().int().nullable(),
  /** The sentence around the mention. */
  sentence: z.string(),
});

/** A cited document with how widely it is cited. */
export const DirectiveRow = z.object({
  key: z.string(),
  typeCode: z.string().nullable(),
  typeName: z.string().nullable(),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  issuerCode: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
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

const TaskUnits = {
  lead: z.array(z.string()),
  support: z.array(z.string()),
  advise: z.array(z.string()),
  implement: z.array(z.string()),
  assigned: z.array(z.string()),
};

/** A task as the queries list it. */
export const TaskRow = z.object({
  ...DocRef,
  section: z.string(),
  page: z.number().int().nullable(),
  summary: z.string(),
  due: z.string().nullable(),
  deadline: z.string().nullable(),
  ...TaskUnits,
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
