// Folding for search and loose matching. SQLite's unicode61 tokenizer with
// remove_diacritics 2 strips tone and vowel marks but keeps đ as its own
// letter, so đ/Đ are folded here, both in the indexed text and in queries.

/** đ → d, Đ → D; one code unit for one, so offsets into the result equal offsets into the input. */
export function foldD(s: string): string {
  return s.replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"));
}

/** A name compared loosely: no marks, no đ, lower case, single spaces ("Ủy ban  nhân dân" → "uy ban nhan dan"). */
export function foldName(s: string): string {
  return foldD(s.normalize("NFD").replace(/\p{M}/gu, ""))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A document symbol compared loosely: letters and digits only ("34/CT-TW" and "34-CT/TW" → "34cttw"). */
export function foldSymbol(s: string): string {
  return foldName(s).replace(/[^\p{L}\p{N}]/gu, "");
}
