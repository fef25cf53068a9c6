import type { Format } from "../contract/schema.js";

/** A page of ingested text: [start, end) offsets into `Ingested.text`. */
export interface IngestedPage {
  page: number;
  start: number;
  end: number;
  ocr: boolean;
}

/**
 * What every ingester returns: the document as light markdown (headings as
 * `#`, bold as `**`, table rows as `| a | b |`, list numbers written out), so
 * that one text path serves every format.
 */
export interface Ingested {
  format: Format;
  text: string;
  pages: IngestedPage[];
  /** Font names seen in the file (".VnTime", "VNI-Times"): hints for legacy decoding. */
  fonts: string[];
  /** Encoding the bytes were decoded from, when the ingester decoded text. */
  encoding: string | null;
  warnings: string[];
}
