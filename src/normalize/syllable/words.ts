// Word scanning by a code-unit table: letters, combining marks and U+FFFD
// (a hole where a letter was) make words. A table lookup per character is
// several times faster than a Unicode-property regex over long texts.
let table: Uint8Array | null = null;

function wordTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}\ufffd]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (re.test(String.fromCharCode(c))) table[c] = 1;
  }
  return table;
}

/** Calls `onWord(start, end)` for each word of the text, in order. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const t = wordTable();
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !t[text.charCodeAt(i)]) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && t[text.charCodeAt(i)]) i++;
    onWord(start, i);
  }
}
