// Folding for the full-text index. SQLite's unicode61 tokenizer with
// remove_diacritics 2 strips tone and vowel marks (so both tone styles, hoà and
// hòa, meet) but keeps đ as its own letter: đ/Đ are folded here, in the indexed
// text and in queries. Names and symbols compare with extract/fold.ts.

/** đ → d, Đ → D; one code unit for one, so offsets into the result equal offsets into the input. */
export function foldD(s: string): string {
  return s.replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"));
}
