// Folding for comparisons and identity keys: diacritics, đ, case and tone
// placement style (hoà/hòa) all fold away, whitespace collapses.

/** "Ủy ban nhân dân tỉnh Tây Hoà" → "uy ban nhan dan tinh tay hoa". */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Codes repeat (CT, UBND, TW ...): fold each once.
const codes = new Map<string, string>();
const CACHE_MAX = 4096;

/** Folded and without any separator: "01-CT/UBND" and "01/CT-UBND" parts compare equal. */
export function foldCode(s: string): string {
  let out = codes.get(s);
  if (out === undefined) {
    out = fold(s).replace(/[^a-z0-9]/g, "");
    if (codes.size >= CACHE_MAX) codes.clear();
    codes.set(s, out);
  }
  return out;
}
