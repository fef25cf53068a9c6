// Resource limits applied before and while a file is parsed. Defaults are
// documented in the README; the CLI exposes each as a flag.
import { VnplanError } from "./errors.js";

export interface Limits {
  /** Largest input file, in bytes (--max-size). */
  maxBytes: number;
  /** Most pages read from one PDF (--max-pages). */
  maxPages: number;
  /** Largest total size a ZIP container (DOCX, XLSX) may expand to, in bytes (--max-unzipped). */
  maxUnzippedBytes: number;
  /** Longest time one file may take, in milliseconds (--timeout). */
  maxMillis: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 2000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxMillis: 120_000,
};

/** The defaults with the given overrides. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof Limits)[]) {
    const v = overrides[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses a byte size flag: "500000", "20M", "1.5G", "300kb". */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]{0,2})\s*$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new VnplanError("read", `not a size: "${value}" (use e.g. 500K, 20M, 1G)`);
  return Math.round(Number(m[1]) * unit);
}

const SECONDS: Record<string, number> = { "": 1000, s: 1000, ms: 1, m: 60_000, min: 60_000 };

/** Parses a duration flag: "90" (seconds), "90s", "500ms", "2m". */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]{0,3})\s*$/i.exec(value);
  const unit = m ? SECONDS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new VnplanError("read", `not a duration: "${value}" (use e.g. 90, 90s, 500ms, 2m)`);
  return Math.round(Number(m[1]) * unit);
}

/** Parses a positive whole number flag. */
export function parseCount(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new VnplanError("read", `not a positive whole number: "${value}"`);
  return Number(value);
}

/** "12.3 MB", for messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** The error for a file over --max-size. */
export function tooLarge(bytes: number, limits: Limits, file: string | null): VnplanError {
  return new VnplanError("read", `the file is ${formatSize(bytes)}, over the limit of ${formatSize(limits.maxBytes)} (raise it with --max-size)`, { file });
}

/**
 * Rejects with a VnplanError when `work` has not settled within `millis`.
 * Work that never yields to the event loop cannot be interrupted here; the
 * parsers that can run long (PDF, OCR) are asynchronous.
 */
export async function withTimeout<T>(work: Promise<T>, millis: number, file: string | null): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new VnplanError("ingest", `took longer than ${millis / 1000} s (limit set by --timeout)`, { file })),
      millis,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
