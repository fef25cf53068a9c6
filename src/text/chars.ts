// Character classes tested by code unit, for scans that read the text in place
// instead of building one-character strings or running a pattern per character.

/** The characters of \s (the same with and without the u flag). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\d`: an ASCII digit. */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Whether text[from, to) holds an ASCII digit. */
export function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}
