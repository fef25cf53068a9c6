// Where the words of a paragraph start, past its bullet or numbering label
// ("\* *Chủ trì:*", "2.1. ", "4.1- ", "a) ", "**III- ").

// Sticky, linear: markup/bullets, then at most one label, then markup again.
const MARKUP = /[\s*_#\\>+•·●○◦▪‣-]*/y;
const LABEL = /(?:(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)/]|\(\d{1,2}\)|(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3})\s?[-–])(?=[\s*_])/y;

export interface ItemStart {
  /** Offset of the first word. */
  start: number;
  /** The paragraph opens with a numbering label. */
  numbered: boolean;
}

export function itemStart(text: string, from: number, end: number): ItemStart {
  let at = skip(MARKUP, text, from);
  LABEL.lastIndex = at;
  const m = LABEL.exec(text);
  const numbered = m !== null && m.index + m[0].length <= end;
  if (numbered) at = skip(MARKUP, text, at + m[0].length);
  return { start: Math.min(at, end), numbered };
}

function skip(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  re.exec(text);
  return Math.max(at, re.lastIndex);
}
