// Import inputs: files, folders (walked for the formats vnplan reads) and globs.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** File name endings walked in folders; a file named explicitly is read whatever its name. */
export const WALKED_EXTENSIONS = ["txt", "md", "pdf", "docx", "doc", "rtf", "xlsx", "xls", "html", "htm", "ppt"] as const;

export interface Inputs {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Inputs that named nothing: neither a file, a folder nor a glob with matches. */
  missing: string[];
}

export async function listInputs(inputs: readonly string[]): Promise<Inputs> {
  const files = new Set<string>();
  const missing: string[] = [];
  const walked = `**/*.{${WALKED_EXTENSIONS.join(",")}}`;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    let found: string[];
    if (info?.isDirectory()) found = await glob(walked, { cwd: input, absolute: true, caseSensitiveMatch: false, onlyFiles: true });
    else if (info) found = [resolve(input)];
    else if (isDynamicPattern(input)) found = await glob(input, { absolute: true, onlyFiles: true });
    else found = [];
    if (!found.length) missing.push(input);
    for (const f of found) files.add(resolve(f));
  }
  return { files: [...files].sort(), missing };
}
