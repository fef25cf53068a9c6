// Flags shared by the commands that read files (extract, import), and the
// wrapper that turns a value parser into a commander usage error.
import { InvalidArgumentError, type Command } from "commander";
import { parseCount, parseDuration, parseSize, type Limits } from "../limits.js";

export interface ReadFlags {
  ocr: "auto" | "always" | "never";
  toneStyle: "preserve" | "modern" | "traditional";
}

/** Adds --ocr and --tone-style, the extraction options of every command that reads files. */
export function addReadFlags(command: Command): Command {
  return command
    .option("--ocr <mode>", "OCR for pages without a text layer: auto, always or never", flag(parseOcr), "auto")
    .option("--tone-style <style>", "tone mark placement: preserve, modern or traditional", flag(parseToneStyle), "preserve");
}

function parseOcr(v: string): ReadFlags["ocr"] {
  if (v !== "auto" && v !== "always" && v !== "never") throw new Error("use auto, always or never");
  return v;
}

function parseToneStyle(v: string): ReadFlags["toneStyle"] {
  if (v !== "preserve" && v !== "modern" && v !== "traditional") throw new Error("use preserve, modern or traditional");
  return v;
}

export interface LimitFlags {
  maxSize?: number;
  maxPages?: number;
  maxUnzipped?: number;
  timeout?: number;
}

/** Adds --max-size, --max-pages, --max-unzipped and --timeout to a command. */
export function addLimitFlags(command: Command): Command {
  return command
    .option("--max-size <size>", "refuse larger input files (e.g. 20M, 1G; default 100M)", flag(parseSize))
    .option("--max-pages <n>", "refuse PDFs with more pages (default 2000)", flag(parseCount))
    .option("--max-unzipped <size>", "refuse DOCX/XLSX that expand beyond this (default 200M)", flag(parseSize))
    .option("--timeout <duration>", "give up on a file after this long (e.g. 90s, 2m; default 120s)", flag(parseDuration));
}

/** The limits the flags set; the others keep their defaults. */
export function limitsOf(flags: LimitFlags): Partial<Limits> {
  return { maxBytes: flags.maxSize, maxPages: flags.maxPages, maxUnzippedBytes: flags.maxUnzipped, maxMillis: flags.timeout };
}

/** Lets commander report a bad flag value as a usage error. */
export function flag<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}
