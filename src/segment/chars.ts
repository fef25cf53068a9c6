// Character tests remembered by UTF-16 code, for scans that would otherwise run a pattern per character.

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
