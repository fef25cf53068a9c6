// ingest: bytes of any supported format → light-markdown text with pages.
import { extname } from "node:path";
import { VnplanError } from "../errors.js";
import type { Limits } from "../limits.js";
import { checkInput } from "./guards.js";
import { ingestText } from "./text.js";
import type { Ingested } from "./types.js";

export type { Ingested, IngestedPage } from "./types.js";

export interface IngestOptions {
  /** File name, for format hints and error messages. */
  name?: string | null;
  ocr?: "auto" | "always" | "never";
  /** Overrides of DEFAULT_LIMITS (size, pages, unzipped size, time). */
  limits?: Partial<Limits>;
}

export async function ingest(bytes: Uint8Array, options: IngestOptions = {}): Promise<Ingested> {
  const name = options.name ?? null;
  if (bytes.length === 0) throw new VnplanError("read", "the file is empty", { file: name });
  checkInput(bytes, name, options.limits);
  const ext = name ? extname(name).toLowerCase() : "";
  return ingestText(bytes, ext === ".md");
}
