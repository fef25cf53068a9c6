// The plan's year, for time expressions that leave it out ("trong tháng 3").
import type { Segmented } from "../../segment/types.js";

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
// Outside a recognised header only a year written as "năm 2023" counts: ranges such as
// "(2021 - 2025)" in a title are periods, not the plan's year.
const YEAR_WORD = /(?<![\p{L}])năm\s+((?:19|20)\d{2})(?!\d)/giu;

/** The document's year, else its date's, else the latest year in its header and title. */
export function planYear(seg: Segmented): number | null {
  const d = seg.document;
  if (d.year) return d.year;
  if (d.date) return Number(d.date.slice(0, 4));
  const header = seg.blocks.filter((b) => b.region === "header");
  // Without a recognised header, the opening lines hold the place-date line and the title.
  let best: number | null = null;
  for (const b of header) for (const m of seg.text.slice(b.start, b.end).matchAll(YEAR)) best = Math.max(best ?? 0, Number(m[0]));
  const opening = d.title ?? seg.text.slice(0, 600);
  if (best === null) for (const m of opening.matchAll(YEAR_WORD)) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}
