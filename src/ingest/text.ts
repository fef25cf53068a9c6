// Plain text and markdown: find the encoding and decode the bytes. Bytes that
// are not UTF-8 are either Windows-1258 (decoded here) or a legacy font
// encoding (TCVN3, VNI): those are decoded as Windows-1252, the way Windows
// showed them, and left to normalize's legacy decoder.
import { isAscii, isUtf8, transcode } from "node:buffer";
import type { Ingested } from "./types.js";

// Windows-1252 0x80–0x9F (TextDecoder's "windows-1252" is Latin-1 in some Node builds).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

export function decodeCp1252(bytes: Uint8Array): string {
  // Latin-1 is Windows-1252 outside 0x80–0x9F: decode natively, then remap those few bytes if any occur.
  const latin1 = asBuffer(bytes).toString("latin1");
  if (!hasC1(bytes)) return latin1;
  return latin1.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

const C1 = /[\u0080-\u009f]/g;

function hasC1(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80 && bytes[i] <= 0x9f) return true;
  return false;
}

/** The same bytes as a Buffer, without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Valid UTF-8 (checked before) to a string. ASCII is read as Latin-1; other
 * text goes through ICU's transcoder to UTF-16 and is read from that, which is
 * more than twice as fast as V8's UTF-8 decoding of Vietnamese text.
 */
function decodeUtf8(bytes: Uint8Array): string {
  const buf = asBuffer(bytes);
  if (isAscii(buf)) return buf.toString("latin1");
  if (typeof transcode === "function") return transcode(buf, "utf8", "ucs2").toString("ucs2");
  return new TextDecoder("utf-8").decode(buf);
}

/** UTF-16 without a BOM: one of every two bytes is zero in Latin and Vietnamese text. */
function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

// Windows-1258 writes tones as separate combining bytes after the vowel. Byte tables: one read per byte.
const CP1258_TONES = byteSet([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
const CP1258_VOWELS = byteSet([..."aeiouyAEIOUY"].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xc2, 0xca, 0xd4, 0xe3, 0xc3, 0xf5, 0xd5, 0xfd, 0xdd]));

function byteSet(bytes: number[]): Uint8Array {
  const set = new Uint8Array(256);
  for (const b of bytes) set[b] = 1;
  return set;
}

/** True when the non-ASCII bytes look like Windows-1258: tone bytes right after vowels. */
export function looksCp1258(bytes: Uint8Array): boolean {
  let high = 0;
  let tones = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (CP1258_TONES[b] && i > 0 && CP1258_VOWELS[bytes[i - 1]]) tones++;
  }
  return tones >= 3 && tones >= high * 0.3;
}

/** Decodes text bytes: BOMs, UTF-8, UTF-16, Windows-1258, else Windows-1252 for the legacy decoder. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const u16 = utf16Guess(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  if (isUtf8(bytes)) return { text: decodeUtf8(bytes), encoding: "utf-8" };
  if (looksCp1258(bytes)) return { text: new TextDecoder("windows-1258").decode(bytes).normalize("NFC"), encoding: "windows-1258" };
  return { text: decodeCp1252(bytes), encoding: "windows-1252" };
}

export function ingestText(bytes: Uint8Array, markdown: boolean): Ingested {
  const { text, encoding } = decodeText(bytes);
  return { format: markdown ? "markdown" : "text", text, pages: [], fonts: [], encoding, warnings: [] };
}
