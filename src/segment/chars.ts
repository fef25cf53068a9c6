// Character classes by UTF-16 code, for scans that would otherwise run a pattern per character.

/** `\s` of a regular expression, by code. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `test` of a one-character string, remembered per UTF-16 code: a pattern tried on a line's first
 * or last character runs once per distinct character. Past the end (NaN) is false.
 */
export function byCode(test: (ch: string) => boolean): (c: number) => boolean {
  const memo = new Uint8Array(0x10000); // 0 not yet tested, 1 no, 2 yes
  return (c) => {
    if (Number.isNaN(c)) return false;
    if (memo[c] === 0) memo[c] = test(String.fromCharCode(c)) ? 2 : 1;
    return memo[c] === 2;
  };
}
