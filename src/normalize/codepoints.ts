// Odd code points: NFD sequences, Ð/ð for Đ/đ, zero-width characters, NBSP,
// soft hyphens. Only the places that need it are touched, so clean NFC text
// passes through with an identity map.
import type { Repair } from "../contract/schema.js";
import { identityMap } from "./offsets.js";
import { MappedRuns } from "./mapped-runs.js";
import type { StageResult } from "./types.js";

// One character class: combining marks, the look-alike eth, invisible and
// non-breaking spaces. Linear, no backtracking.
const ODD = /[\u0300-\u036f\u00a0\u00ad\u00d0\u00f0\u200b-\u200d\u2060\u202f\ufeff]/g;
const isMark = (c: number) => c >= 0x300 && c <= 0x36f;
const isLetter = (c: string) => c !== "" && c.toLowerCase() !== c.toUpperCase();

export function cleanCodepoints(text: string): StageResult {
  ODD.lastIndex = 0;
  if (!ODD.test(text)) return { text, map: identityMap(text.length), repairs: [] };
  const out = new MappedRuns(text.length + 16);
  const repairs: Repair[] = [];
  let done = 0;
  ODD.lastIndex = 0;
  for (let m = ODD.exec(text); m; m = ODD.exec(text)) {
    const i = m.index;
    if (i < done) continue;
    const c = text.charCodeAt(i);
    if (isMark(c)) {
      // A base letter and its marks compose to one NFC cluster.
      const start = i > done ? i - 1 : i;
      let end = i + 1;
      while (end < text.length && isMark(text.charCodeAt(end))) end++;
      out.copy(text, done, start);
      out.push(text.slice(start, end).normalize("NFC"), start, end);
      done = end;
      ODD.lastIndex = end;
      continue;
    }
    out.copy(text, done, i);
    done = i + 1;
    if (c === 0xd0 || c === 0xf0) {
      const to = c === 0xd0 ? "Đ" : "đ";
      repairs.push({ from: text[i], to, span: { start: out.size, end: out.size + 1 }, rule: "codepoint", confidence: 1 });
      out.push(to, i, i + 1);
    } else if (c === 0xa0 || c === 0x202f) out.push(" ", i, i + 1);
    else if (isLetter(text[i - 1] ?? "") && isLetter(text[i + 1] ?? "")) {
      // An invisible character inside a word: dropping it joins the word.
      repairs.push({ from: text[i], to: "", span: { start: out.size, end: out.size }, rule: "codepoint", confidence: 1 });
    }
  }
  out.copy(text, done, text.length);
  return { ...out.finish(text.length), repairs };
}
