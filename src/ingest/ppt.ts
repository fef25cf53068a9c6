// PPT (PowerPoint 97–2003): the text atoms of the "PowerPoint Document"
// stream in record order, one paragraph per text line. Fonts are found by
// name for the legacy decoder.
import { cfbStream, readCfb } from "./cfb.js";
import { scanFontNames } from "./fonts.js";
import { joinBlocks } from "./markdown.js";
import { decodeCp1252 } from "./text.js";
import type { Ingested } from "./types.js";
import { Unreadable } from "./unreadable.js";

const TEXT_CHARS_ATOM = 0x0fa0; // UTF-16LE
const TEXT_BYTES_ATOM = 0x0fa8; // one byte per character, read as Windows-1252

export function ingestPpt(bytes: Uint8Array): Ingested {
  const stream = cfbStream(readCfb(bytes), "PowerPoint Document");
  if (!stream) throw new Unreadable("the file is corrupt (no PowerPoint Document stream)");
  const blocks: { text: string }[] = [];
  let p = 0;
  while (p + 8 <= stream.length) {
    const verInst = stream.readUInt16LE(p);
    const type = stream.readUInt16LE(p + 2);
    const len = stream.readUInt32LE(p + 4);
    p += 8;
    if ((verInst & 0x0f) === 0x0f) continue; // a container: its records follow
    const body = stream.subarray(p, Math.min(stream.length, p + len));
    p += len;
    let text: string | null = null;
    if (type === TEXT_CHARS_ATOM) text = body.toString("utf16le");
    else if (type === TEXT_BYTES_ATOM) text = decodeCp1252(body);
    if (text) for (const line of text.split(/[\r\n]/)) blocks.push({ text: line.replace(/\v/g, " ").trim() });
  }
  return { format: "ppt", text: joinBlocks(blocks), pages: [], fonts: scanFontNames(bytes), encoding: null, warnings: [] };
}
