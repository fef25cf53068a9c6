// A text's code units copied into a reused typed array: a scan reads a typed
// array in a fraction of the time charCodeAt takes on a string (which looks
// at the string's representation on every call), and the copy is a memcpy.
import { endianness } from "node:os";

const LITTLE_ENDIAN = endianness() === "LE";

let units = new Uint16Array(1 << 15);
let writer = Buffer.from(units.buffer);

/** The code units of `text` in [0, text.length) of the array returned; valid until the next call. */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (units.length < n) {
    units = new Uint16Array(Math.max(n, 2 * units.length));
    writer = Buffer.from(units.buffer);
  }
  if (LITTLE_ENDIAN) writer.write(text, 0, "utf16le");
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  return units;
}
