// A text's code units copied into a reused typed array: a scan reads a typed
// array in a fraction of the time charCodeAt takes on a string (which looks
// at the string's representation on every call), and the copy is a memcpy.
import { endianness } from "node:os";

const LITTLE_ENDIAN = endianness() === "LE";

/** Longest text whose array is kept for the next one (8 MB); a longer one gets an array of its own. */
const MAX_KEPT = 1 << 22;

let units = new Uint16Array(1 << 15);
let writer = Buffer.from(units.buffer);

/** The code units of `text` in [0, text.length) of the array returned; valid until the next call. */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (n > MAX_KEPT) return fill(new Uint16Array(n), text);
  if (units.length < n) {
    units = new Uint16Array(Math.min(MAX_KEPT, Math.max(n, 2 * units.length)));
    writer = Buffer.from(units.buffer);
  }
  if (LITTLE_ENDIAN) writer.write(text, 0, "utf16le");
  else fill(units, text);
  return units;
}

function fill(into: Uint16Array, text: string): Uint16Array {
  if (LITTLE_ENDIAN) Buffer.from(into.buffer, into.byteOffset, 2 * text.length).write(text, 0, "utf16le");
  else for (let i = 0; i < text.length; i++) into[i] = text.charCodeAt(i);
  return into;
}
