// The library's public surface: extract text or files into the contract.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { Extraction } from "./contract/schema.js";
import { VnplanError } from "./errors.js";
import { ingest, type IngestOptions } from "./ingest/index.js";
import { ingestText } from "./ingest/text.js";
import { runPipeline, type PipelineOptions } from "./pipeline.js";

export * from "./contract/schema.js";
export { extractionJsonSchema } from "./contract/jsonSchema.js";
export { VnplanError } from "./errors.js";
export type { Stage } from "./errors.js";
export { openStore, CiteRow, DirectiveRow, SearchRow, StoredDocument, TaskRow, UnitTaskRow, type Store } from "./store/index.js";
export type { CitesOptions, DirectivesOptions, SearchOptions } from "./store/index.js";
export { importPaths, type ImportOptions, type ImportSummary } from "./import/run.js";

export interface ExtractOptions extends Omit<PipelineOptions, "sha256">, IngestOptions {}

/**
 * Extracts a plan. A string is the plan's text (markdown allowed); a Buffer or
 * Uint8Array is a file's bytes of any supported format; a URL is a file to read.
 */
export async function extract(input: string | Uint8Array | URL, options: ExtractOptions = {}): Promise<Extraction> {
  if (input instanceof URL) return extractFile(fileURLToPath(input), options);
  if (typeof input === "string") {
    const bytes = Buffer.from(input, "utf8");
    return runPipeline(ingestText(bytes, true), { ...options, sha256: sha256(bytes) });
  }
  const ingested = await ingest(input, options);
  return runPipeline(ingested, { ...options, sha256: sha256(input) });
}

/** Reads and extracts one file; errors name the file. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<Extraction> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new VnplanError("read", (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((err as Error).message), {
      file: path,
      cause: err,
    });
  }
  try {
    return await extract(bytes, { name: basename(path), ...options });
  } catch (err) {
    // Stages know only the base name; the caller's path is the one that tells files apart in a batch.
    if (err instanceof VnplanError) throw err.file === path ? err : new VnplanError(err.stage, err.message, { file: path, cause: err.cause });
    throw new VnplanError("extract", (err as Error).message ?? String(err), { file: path, cause: err });
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
