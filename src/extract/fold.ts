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

/** Folded and without any separator: "01-CT/UBND" and "01/CT-UBND" parts compare equal. */
export function foldCode(s: string): string {
  return fold(s).replace(/[^a-z0-9]/g, "");
}
