// DOCX packages the direct reader (docx.ts) cannot read — a main part under
// another namespace prefix ("ns0:", as XML libraries write it), Strict OOXML
// under such a prefix, or a structure the direct reader fails on — are read by
// mammoth, whose XML reader maps namespaces by URI, into semantic HTML, which
// the HTML ingester turns into light markdown. Word's list formats are lost on
// that road ("I.", "a)" become 1., 2., …), so the result carries a warning.
import { ingestHtml } from "./html.js";
import type { Ingested } from "./types.js";
import type { Zip } from "./zip.js";

/** Mammoth's notes ("<li id="footnote-2">…↑</li>") as the "[n] text" paragraphs of the notes region. */
function notesAsParagraphs(html: string): string {
  const shown = new Map<string, string>();
  for (const m of html.matchAll(/<a href="#((?:foot|end)note-\d{1,6})" id="[^"]{0,40}">\[(\d{1,4})\]<\/a>/g)) shown.set(m[1], m[2]);
  return html
    .replace(/<li id="((?:foot|end)note-\d{1,6})">(?:<p>)?/g, (_, id: string) => `<p>[${shown.get(id) ?? id.replace(/\D+/g, "")}] `)
    .replace(/ ?<a href="#(?:foot|end)note-ref-\d{1,6}">↑<\/a>/g, "");
}

/** Font names of the runs, for the legacy decoder: mammoth's HTML has none. */
function fontsOf(zip: Zip): string[] {
  const fonts = new Set<string>();
  for (const part of ["word/styles.xml", ...zip.names.filter((n) => /^word\/document\d*\.xml$/.test(n))]) {
    const xml = zip.text(part);
    if (xml) for (const m of xml.matchAll(/:ascii="([^"]{1,80})"/g)) fonts.add(m[1]);
  }
  return [...fonts];
}

export async function ingestDocxViaMammoth(zip: Zip, bytes: Uint8Array, why: string): Promise<Ingested> {
  // mammoth inflates with JSZip, which knows none of our limits: inflating its
  // XML parts here first, under the limit, keeps a lying ZIP from expanding there
  for (const name of zip.names) if (/\.(?:xml|rels)$/i.test(name)) zip.read(name);
  // loaded on first use: most packages never need it, and every run would pay its start-up
  const { default: mammoth } = await import("mammoth");
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
  );
  const html = `<html><head><meta charset="utf-8"></head><body>${notesAsParagraphs(value)}</body></html>`;
  const r = ingestHtml(new TextEncoder().encode(html));
  return {
    ...r,
    format: "docx",
    fonts: fontsOf(zip),
    encoding: null,
    warnings: [
      `DOCX read through mammoth (${why}): Word's list numbers are written 1., 2., … because their formats (I., a)) are not kept, so section paths under automatic numbering may differ; headers, footers and text-box positions are not kept`,
    ],
  };
}
