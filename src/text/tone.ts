// Folds the "modern" tone placement of oa/oe/uy syllables without a final
// consonant onto the first vowel (hoà → hòa, uỷ → ủy, thuỷ → thủy), the style
// of official names, so one body written both ways gets one normalized name.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
// A syllable ending in o+a, o+e or u+y with the tone on the second vowel;
// "qu" + y is a consonant cluster, not the uy glide, so it is left alone.
const MODERN = /(^|[^\p{L}\p{M}])([^\s\p{P}]*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

export function foldTone(s: string): string {
  const d = s.normalize("NFD");
  if (!TONES.test(d)) return s.normalize("NFC");
  return d
    .replace(MODERN, (all, pre: string, onset: string, v1: string, v2: string, tone: string) => {
      if ((v1 === "u" || v1 === "U") && /[qQ]$/.test(onset)) return all;
      if ((v1 === "o" || v1 === "O") && !/^[aAeE]$/.test(v2)) return all;
      if ((v1 === "u" || v1 === "U") && !/^[yY]$/.test(v2)) return all;
      return `${pre}${onset}${v1}${tone}${v2}`;
    })
    .normalize("NFC");
}
