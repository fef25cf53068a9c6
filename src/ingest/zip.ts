// A small ZIP reader for OOXML containers (DOCX, XLSX). It reads the central
// directory first and refuses archives whose declared sizes exceed the limit
// before anything is inflated (zip bombs); inflation is capped as well, since
// declared sizes can lie.
import { inflateRawSync } from "node:zlib";
import { Unreadable } from "./unreadable.js";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface Zip {
  names: string[];
  /** The entry's bytes, or null when absent. */
  read(name: string): Uint8Array | null;
  text(name: string): string | null;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function openZip(bytes: Uint8Array, maxUnzippedBytes: number): Zip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new Unreadable("the ZIP container is truncated or corrupt (no central directory)");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries = new Map<string, Entry>();
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CEN) throw new Unreadable("the ZIP central directory is corrupt");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: Entry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (view.getUint16(p + 8, true) & 1) throw new Unreadable("the file is encrypted");
    declared += entry.size;
    if (declared > maxUnzippedBytes) throw new Unreadable(`the ZIP container would expand beyond the limit of ${maxUnzippedBytes} bytes`);
    entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  let inflated = 0;
  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name);
    if (!e) return null;
    const lp = e.localOffset;
    if (lp + 30 > bytes.length || view.getUint32(lp, true) !== LOC) throw new Unreadable(`the ZIP entry ${name} is corrupt`);
    const start = lp + 30 + view.getUint16(lp + 26, true) + view.getUint16(lp + 28, true);
    if (start + e.compressedSize > bytes.length) throw new Unreadable("the ZIP container is truncated");
    const raw = bytes.subarray(start, start + e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(maxUnzippedBytes - inflated, e.size + 1)) });
      } catch {
        throw new Unreadable(`the ZIP entry ${name} is corrupt or larger than declared`);
      }
    } else throw new Unreadable(`the ZIP entry ${name} uses an unsupported compression method (${e.method})`);
    inflated += out.length;
    return out;
  };
  return {
    names: [...entries.keys()],
    read,
    text: (name) => {
      const b = read(name);
      return b ? new TextDecoder("utf-8").decode(b) : null;
    },
  };
}

function findEocd(view: DataView): number {
  // The end record sits in the last 22 + 65535 bytes (it may carry a comment).
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}
