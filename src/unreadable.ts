// Recognises text that is not prose: what a PDF drawn with a broken font
// encoding leaves in its text layer, or a binary file read as text. Judged on
// the normalized text, after legacy encodings are decoded, where Vietnamese
// prose is nearly all letters, digits and ordinary punctuation.
import { codeUnits } from "./normalize/repair/code-units.js";

/** Characters read from each of three places in a long text. */
const WINDOW = 32 * 1024;
/** Fewer visible characters than this are too few to judge. */
const MIN_VISIBLE = 200;
/** Share of symbols, private-use and control characters above which the text is unreadable (real plans: under 0.1, raw TCVN3 included). */
const MAX_ODD_SHARE = 0.2;

// Letters, digits, marks, and the punctuation and markup of plans (tables, headings, bullets).
const ORDINARY = /[\p{L}\p{N}\p{M}.,;:!?()[\]"'“”‘’«»…\-–—/\\%&+=*#|_<>•·°§@$]/u;
const ASCII_ORDINARY = Uint8Array.from({ length: 128 }, (_, c) => (c > 32 && c < 127 && ORDINARY.test(String.fromCharCode(c)) ? 1 : 0));

/** Whether one UTF-16 unit is ordinary writing; the ranges of Vietnamese text are decided without a regular expression. */
function ordinary(c: number): boolean {
  if (c < 128) return ASCII_ORDINARY[c] === 1;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7; // Latin-1 letters, Latin Extended-A and -B
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x1ea0 && c <= 0x1ef9)) return true; // combining marks, Vietnamese letters
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral characters: emoji, symbols
  return ORDINARY.test(String.fromCharCode(c));
}

// Bit 1: visible; both bits: odd.
const UNKNOWN = 0;
const BLANK = 0b01;
const ORDINARY_UNIT = 0b10;
const ODD_UNIT = 0b11;

/** The kind of every UTF-16 unit, judged once on first sight: one table read per character of the text. */
const KIND = new Uint8Array(0x10000);
for (const c of [32, 10, 9, 13, 0xa0]) KIND[c] = BLANK;

function kindOf(c: number): number {
  return (KIND[c] = ordinary(c) ? ORDINARY_UNIT : ODD_UNIT);
}

/** A warning when `text` looks like garbage rather than writing, else null. */
export function unreadableWarning(text: string): string | null {
  // Three windows (start, middle, end) judge a long text in constant time.
  const short = text.length <= 3 * WINDOW;
  const seen = { visible: 0, odd: 0 };
  if (short) count(codeUnits(text), text.length, seen);
  else for (const from of [0, (text.length - WINDOW) >> 1, text.length - WINDOW]) count(codeUnits(text.slice(from, from + WINDOW)), WINDOW, seen);
  const { visible, odd } = seen;
  if (visible < MIN_VISIBLE || odd / visible <= MAX_ODD_SHARE) return null;
  return `the text looks unreadable (${Math.round((odd / visible) * 100)}% of its characters are symbols or codes, not letters): a broken font encoding or a scanned page; try --ocr always`;
}

/**
 * Adds the visible and odd units of units[0, n) to `seen`: read from a typed array, one table read
 * per unit (a string's charCodeAt checks its representation at every unit).
 */
function count(units: Uint16Array, n: number, seen: { visible: number; odd: number }): void {
  const kinds = KIND;
  let visible = 0;
  let odd = 0;
  let i = 0;
  while (i < n) {
    // Four units a step while all four are judged already (UNKNOWN is 0): the loop calls nothing.
    for (; i + 4 <= n; i += 4) {
      const k0 = kinds[units[i]];
      const k1 = kinds[units[i + 1]];
      const k2 = kinds[units[i + 2]];
      const k3 = kinds[units[i + 3]];
      if (k0 * k1 * k2 * k3 === UNKNOWN) break;
      // Counted without branches: the kinds' bits say visible (ordinary, odd) and odd.
      visible += (k0 >> 1) + (k1 >> 1) + (k2 >> 1) + (k3 >> 1);
      odd += (k0 & (k0 >> 1)) + (k1 & (k1 >> 1)) + (k2 & (k2 >> 1)) + (k3 & (k3 >> 1));
    }
    // One unit alone: a unit not yet judged, or the last few.
    if (i < n) {
      let k = kinds[units[i]];
      if (k === UNKNOWN) k = kindOf(units[i]);
      visible += k >> 1;
      odd += k & (k >> 1);
      i++;
    }
  }
  seen.visible += visible;
  seen.odd += odd;
}
