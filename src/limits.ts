// Resource limits applied before and while a file is parsed. Defaults are
// documented in the README; the CLI exposes each as a flag.
export interface Limits {
  /** Largest input file, in bytes. */
  maxBytes: number;
  /** Most pages read from one PDF. */
  maxPages: number;
  /** Largest total size a ZIP container (DOCX, XLSX) may expand to, in bytes. */
  maxUnzippedBytes: number;
  /** Longest time one file may take, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 2000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxMillis: 120_000,
};
