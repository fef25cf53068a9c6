// The header block above the type name: issuing body, số/ký hiệu, draft mark,
// place and date. Read from the pieces (column parts) of the header lines.
import type { Piece } from "./pieces.js";
import { isDraftMark, isMotto, placeDateIn, symbolIn, withoutMotto, type PlaceDate } from "./vocabulary.js";

export interface HeaderMeta extends PlaceDate {
  issuer: string[];
  symbol: string | null;
  draft: boolean;
}

/** `lines`: each header paragraph's pieces joined by "\t", for fields that a blank splits into columns. */
export function readHeader(pieces: Piece[], lines: string[]): HeaderMeta {
  let symbol: { symbol: string; colon: boolean; line: number } | null = null;
  lines.forEach((l, i) => {
    const s = symbolIn(l);
    // "Số:" with a colon is the document's own number; "SỐ 1050/QĐ-SCT" without one may be part of the issuer.
    if (s && (!symbol || (s.colon && !symbol.colon))) symbol = { ...s, line: i };
  });
  let when: PlaceDate | null = null;
  for (const l of lines) {
    when = placeDateIn(l);
    if (when) break;
  }
  const draft = pieces.some((p) => isDraftMark(p.text) || /\(\s*dự thảo\s*\)/iu.test(p.text));
  const chosen = symbol as { symbol: string; line: number } | null;
  const issuer = pieces
    .filter((p) => p.column === 0)
    .filter((p) => !isMotto(p.text) && !isDraftMark(p.text) && !placeDateIn(p.text))
    .filter((p) => !(chosen && symbolIn(p.text)?.symbol === chosen.symbol))
    .filter((p) => /\p{Lu}/u.test(p.text) && !/\p{Ll}/u.test(p.text.replace(/\(.*?\)/g, "")))
    .map((p) => withoutMotto(p.text));
  return { issuer, symbol: chosen?.symbol ?? null, draft, place: when?.place ?? null, date: when?.date ?? null, year: when?.year ?? null };
}
