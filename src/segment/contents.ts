// A table of contents at the start of a document (or of an attached one)
// repeats the section labels ("I. MỤC ĐÍCH, YÊU CẦU ........ 3"). Its entries
// must not open sections: the body's own headings would then be out of
// sequence. Found as the run under a "MỤC LỤC" heading, or as a run of lines
// that end with dot leaders and a page number.
import type { Paragraph } from "../normalize/types.js";
import { isDigitCode } from "../text/chars.js";
import { labelsAt } from "./numbering.js";
import { trimTrailing } from "./pieces.js";
import { isTocHeading, TOC_HEADING_MAX } from "./vocabulary.js";

/** Longest entry of a table of contents. */
const ENTRY_MAX = 200;
/** An entry with no page number is a short title. */
const TITLE_MAX = 120;
/** Lines with leaders and page numbers in a row that make a table of contents without a heading. */
const LEADER_RUN = 3;
/** Most entries read under a heading: beyond, the run is the body. */
const ENTRIES_MAX = 300;

const LEADER = ".…_·";

/** Where the trailing page number and its leaders start in `t`, and whether there were leaders; null when none. */
function pageTail(t: string): { at: number; leaders: boolean } | null {
  let e = t.length;
  while (e > 0 && t.charCodeAt(e - 1) === 32) e--;
  let d = e;
  while (d > 0 && isDigitCode(t.charCodeAt(d - 1))) d--;
  if (d === e || e - d > 3) return null;
  let l = d;
  while (l > 0 && (LEADER.includes(t[l - 1]) || t.charCodeAt(l - 1) === 32)) l--;
  if (l === d) return null; // "năm 2025" has a space; "Mẫu 01" is caught below
  let dots = 0;
  for (let i = l; i < d; i++) if (LEADER.includes(t[i])) dots++;
  return { at: l, leaders: dots >= 3 };
}

/** An entry's text without page number, leaders and case: the body repeats it. */
function keyOf(t: string): string {
  const tail = pageTail(t);
  const s = tail ? t.slice(0, tail.at) : t;
  return trimTrailing(s.toLowerCase().replace(/\s+/g, " ").trim(), " .:");
}

/** Indexes of the paragraphs that are entries of a table of contents. */
export function tableOfContents(texts: string[], paras: Paragraph[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < texts.length; i++) {
    // Most lines can open neither: longer than a heading, and not ending with a page number.
    const t = texts[i];
    const last = t.charCodeAt(t.length - 1);
    if (t.length > TOC_HEADING_MAX && !isDigitCode(last) && last !== 32) continue;
    if (isTocHeading(t)) {
      const seen = new Set<string>();
      let paged = 0;
      let k = i + 1;
      for (; k < texts.length && k - i <= ENTRIES_MAX; k++) {
        const t = texts[k];
        if (paras[k].kind === "row" || t.length > ENTRY_MAX) break;
        const key = keyOf(t);
        const tail = pageTail(t);
        // The body starts where an entry comes again, or where the page numbers stop.
        if (seen.has(key)) break;
        if (!tail && seen.size >= 2 && paged * 2 >= seen.size) break;
        const entry = tail !== null || labelsAt(t).length > 0 || (t.length <= TITLE_MAX && !/[.;:,]$/.test(t));
        if (!entry) break;
        seen.add(key);
        if (tail) paged++;
        out.add(k);
      }
      i = k - 1;
      continue;
    }
    // Without a heading: lines with dot leaders and page numbers, several in a row.
    let k = i;
    while (k < texts.length && texts[k].length <= ENTRY_MAX && pageTail(texts[k])?.leaders) k++;
    if (k - i >= LEADER_RUN) {
      for (let j = i; j < k; j++) out.add(j);
      i = k - 1;
    }
  }
  return out;
}
