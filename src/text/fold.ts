// Folding for matching, identity keys and search: both tone styles (hoà/hòa,
// thuý/thúy, khoẻ/khỏe) fold to one spelling, so documents written either
// way compare equal. Keys use the modern style; names of bodies the
// traditional one (Ủy ban, Hòa Bình), the style of official names.
import { restyle, type ToneStyle } from "../normalize/syllable/index.js";
import { scanWords } from "../normalize/syllable/words.js";

/** Rewrites every syllable's tone in one style (modern: hòa → hoà); case and everything else kept. */
export function foldToneStyle(text: string, style: ToneStyle = "modern"): string {
  const nfc = text.normalize("NFC");
  let out = "";
  let done = 0;
  scanWords(nfc, (a, b) => {
    const w = nfc.slice(a, b);
    const r = restyle(w, style);
    if (r === w) return;
    out += nfc.slice(done, a) + r;
    done = b;
  });
  return done ? out + nfc.slice(done) : nfc;
}

/** The traditional placement of official names: uỷ → ủy, hoà → hòa, khoẻ → khỏe. */
export function foldToTraditional(text: string): string {
  return foldToneStyle(text, "traditional");
}

/** A matching key: NFC, Ð/ð read as Đ/đ, lowercase, one tone style, spaces collapsed. */
export function foldKey(text: string): string {
  return foldToneStyle(text.replace(/\u00d0/g, "Đ").replace(/\u00f0/g, "đ"))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
