// Font names of the pre-Unicode Vietnamese encodings, found in a file's bytes
// when its format offers no easier way to list the fonts it uses.

/** Font families of the legacy Vietnamese encodings (TCVN3 ".Vn…", VNI "VNI-…"). */
export function isLegacyVietnameseFont(name: string): boolean {
  return /^(?:\.vn|vni[-_ ]|vn3?[-_ ]|vps|viet)/i.test(name.trim());
}

const LEGACY_NAME = /(?:\.Vn[A-Za-z0-9]{2,24}|VNI[-_ ][A-Za-z0-9-]{2,24})/g;

/** Legacy font names stored as 8-bit or UTF-16LE strings anywhere in the bytes. */
export function scanFontNames(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (const text of [buf.toString("latin1"), buf.toString("utf16le"), buf.subarray(1).toString("utf16le")]) {
    for (const m of text.matchAll(LEGACY_NAME)) names.add(m[0]);
  }
  return [...names];
}
