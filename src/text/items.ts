// Where the words of a paragraph start, past its bullet or numbering label
// ("\* *Chủ trì:*", "2.1. ", "4.1- ", "a) ", "**III- ").
import { isDigitCode, isSpaceCode } from "./chars.js";

// Sticky, linear: at most one label between runs of markup and bullets.
const LABEL = /(?:(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)/]|\(\d{1,2}\)|(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3})\s?[-–])(?=[\s*_])/y;

export interface ItemStart {
  /** Offset of the first word. */
  start: number;
  /** The paragraph opens with a numbering label. */
  numbered: boolean;
}

export function itemStart(text: string, from: number, end: number): ItemStart {
  let at = skipMarkup(text, from);
  let numbered = false;
  // Only these pairs of characters open a label: the sticky test runs only at one of them.
  if (mayOpenLabel(text.charCodeAt(at), text.charCodeAt(at + 1))) {
    LABEL.lastIndex = at;
    if (LABEL.test(text) && LABEL.lastIndex <= end) {
      numbered = true;
      at = skipMarkup(text, LABEL.lastIndex);
    }
  }
  return { start: Math.min(at, end), numbered };
}

/**
 * The first two characters of a label: a digit or I V X L C, then another of the same kind, a closing
 * mark or a space or dash; a lower-case letter or đ, then a closing mark; "(" and a digit.
 */
function mayOpenLabel(c: number, next: number): boolean {
  const closes = next === 46 || next === 41 || next === 47; // . ) /
  if (c >= 48 && c <= 57) return closes || isDigitCode(next) || isSpaceCode(next) || isDash(next);
  if (isRoman(c)) return closes || isRoman(next) || isSpaceCode(next) || isDash(next);
  if ((c >= 97 && c <= 122) || c === 0x111) return closes;
  return c === 40 && isDigitCode(next);
}

const isRoman = (c: number) => c === 73 || c === 86 || c === 88 || c === 76 || c === 67;
const isDash = (c: number) => c === 45 || c === 0x2013;

/** Past white space, markup and bullets: [\s*_#\\>+•·●○◦▪‣-]*. */
function skipMarkup(text: string, at: number): number {
  while (at < text.length && isMarkupCode(text.charCodeAt(at))) at++;
  return at;
}

function isMarkupCode(c: number): boolean {
  if (c < 0x80) return c === 42 || c === 95 || c === 35 || c === 92 || c === 62 || c === 43 || c === 45 || isSpaceCode(c);
  // • · ● ○ ◦ ▪ ‣
  return c === 0x2022 || c === 0xb7 || c === 0x25cf || c === 0x25cb || c === 0x25e6 || c === 0x25aa || c === 0x2023 || isSpaceCode(c);
}
