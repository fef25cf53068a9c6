// Plain text and markdown: decode the bytes; markup is handled by normalize.
import type { Ingested } from "./types.js";

/** Decodes text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
}

export function ingestText(bytes: Uint8Array, markdown: boolean): Ingested {
  const { text, encoding } = decodeText(bytes);
  return { format: markdown ? "markdown" : "text", text, pages: [], fonts: [], encoding, warnings: [] };
}
