import { z } from "zod";
import { Extraction } from "./schema.js";

/** The contract as JSON Schema (draft 2020-12), for systems that do not run TypeScript. */
export function extractionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Extraction, { target: "draft-2020-12" }) as Record<string, unknown>;
}
