// Word scanning by a code-unit table: letters, combining marks and U+FFFD
// (a hole where a letter was) make words. A table lookup per character is
// several times faster than a Unicode-property regex over long texts. The
// table is filled per code unit on first sight: a text uses a few hundred.
const WORD = /[\p{L}\p{M}\ufffd]/u;

/**
 * Per code unit: 0 not yet seen, 1 not part of a word, otherwise the unit's
 * lowercase (itself when it has none of one unit). No word unit is below 2.
 */
export const unitTable = new Uint16Array(0x10000);

/** Fills in code unit c; returns its table value. */
export function learnUnit(c: number): number {
  const s = String.fromCharCode(c);
  if ((c >= 0xd800 && c <= 0xdfff) || !WORD.test(s)) return (unitTable[c] = 1);
  const l = s.toLowerCase();
  return (unitTable[c] = l.length === 1 ? l.charCodeAt(0) : c);
}

/** The table value of code unit c: 1 outside words, its lowercase inside. */
export function unitClass(c: number): number {
  const v = unitTable[c];
  return v === 0 ? learnUnit(c) : v;
}

/** True when code unit c belongs to a word. */
export function isWordUnit(c: number): boolean {
  return unitClass(c) !== 1;
}

/** Calls `onWord(start, end)` for each word of the text, in order. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordUnit(text.charCodeAt(i))) i++;
    onWord(start, i);
  }
}
