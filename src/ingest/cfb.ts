// OLE compound files (DOC, XLS, PPT) through SheetJS's CFB reader.
import * as XLSX from "@e965/xlsx";

type Cfb = ReturnType<typeof XLSX.CFB.read>;

export function readCfb(bytes: Uint8Array): Cfb {
  return XLSX.CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
}

/** A stream's bytes by its name anywhere in the file, or null. */
export function cfbStream(cfb: Cfb, name: string): Buffer | null {
  const i = cfb.FullPaths.findIndex((p: string) => p.replace(/\/$/, "").split("/").pop() === name);
  if (i < 0) return null;
  const content = cfb.FileIndex[i]?.content;
  if (!content || !content.length) return null;
  return Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array);
}
