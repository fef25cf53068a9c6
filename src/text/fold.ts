// Folding for matching, identity keys and search: both tone styles (hoà/hòa,
// thuý/thúy, khoẻ/khỏe) fold to one spelling, so documents written either
// way compare equal.
import { restyle } from "../normalize/syllable/index.js";
import { scanWords } from "../normalize/syllable/words.js";

/** Rewrites every syllable's tone in the modern style (hòa → hoà); case and everything else kept. */
export function foldToneStyle(text: string): string {
  const nfc = text.normalize("NFC");
  let out = "";
  let done = 0;
  scanWords(nfc, (a, b) => {
    const w = nfc.slice(a, b);
    const r = restyle(w, "modern");
    if (r === w) return;
    out += nfc.slice(done, a) + r;
    done = b;
  });
  return done ? out + nfc.slice(done) : nfc;
}

/** A matching key: NFC, Ð/ð read as Đ/đ, lowercase, one tone style, spaces collapsed. */
export function foldKey(text: string): string {
  return foldToneStyle(text.replace(/\u00d0/g, "Đ").replace(/\u00f0/g, "đ"))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
