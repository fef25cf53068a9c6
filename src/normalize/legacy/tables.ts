// Code charts of the legacy Vietnamese encodings, as the characters their
// bytes show when read as Windows-1252 (how such text reaches us).
import { toneChar, type Tone } from "../syllable/index.js";

/**
 * TCVN 5712:1993 VN3 ("ABC", fonts .VnTime/.VnArial): bytes A1–FE. VN3 has
 * no toned capitals (the .VnTimeH fonts draw the lowercase codes as
 * capitals), so positions VN1 fills with capitals (80–9F, AF–B4, BA, BF–C5,
 * CD, D9–DB, E0, F0, FF) stay what Windows-1252 says they are: quotes,
 * degree signs, and so on.
 */
const TCVN3_CHART: [number, string][] = [
  [0xa1, "Ă"], [0xa2, "Â"], [0xa3, "Ê"], [0xa4, "Ô"], [0xa5, "Ơ"], [0xa6, "Ư"], [0xa7, "Đ"],
  [0xa8, "ă"], [0xa9, "â"], [0xaa, "ê"], [0xab, "ô"], [0xac, "ơ"], [0xad, "ư"], [0xae, "đ"],
  [0xb5, "à"], [0xb6, "ả"], [0xb7, "ã"], [0xb8, "á"], [0xb9, "ạ"],
  [0xbb, "ằ"], [0xbc, "ẳ"], [0xbd, "ẵ"], [0xbe, "ắ"],
  [0xc6, "ặ"], [0xc7, "ầ"], [0xc8, "ẩ"], [0xc9, "ẫ"], [0xca, "ấ"], [0xcb, "ậ"],
  [0xcc, "è"], [0xce, "ẻ"], [0xcf, "ẽ"], [0xd0, "é"], [0xd1, "ẹ"],
  [0xd2, "ề"], [0xd3, "ể"], [0xd4, "ễ"], [0xd5, "ế"], [0xd6, "ệ"],
  [0xd7, "ì"], [0xd8, "ỉ"], [0xdc, "ĩ"], [0xdd, "í"], [0xde, "ị"],
  [0xdf, "ò"], [0xe1, "ỏ"], [0xe2, "õ"], [0xe3, "ó"], [0xe4, "ọ"],
  [0xe5, "ồ"], [0xe6, "ổ"], [0xe7, "ỗ"], [0xe8, "ố"], [0xe9, "ộ"],
  [0xea, "ờ"], [0xeb, "ở"], [0xec, "ỡ"], [0xed, "ớ"], [0xee, "ợ"],
  [0xef, "ù"], [0xf1, "ủ"], [0xf2, "ũ"], [0xf3, "ú"], [0xf4, "ụ"],
  [0xf5, "ừ"], [0xf6, "ử"], [0xf7, "ữ"], [0xf8, "ứ"], [0xf9, "ự"],
  [0xfa, "ỳ"], [0xfb, "ỷ"], [0xfc, "ỹ"], [0xfd, "ý"], [0xfe, "ỵ"],
];
/** Character (as Windows-1252 shows the byte) → Unicode letter. */
export const TCVN3 = new Map<string, string>(TCVN3_CHART.map(([b, u]) => [String.fromCharCode(b), u]));

/** The inverse chart, for encoding (tests and the damage generator). */
export const TCVN3_ENCODE = new Map<string, string>(TCVN3_CHART.map(([b, u]) => [u, String.fromCharCode(b)]));

// VNI-Windows: a base letter followed by a mark byte; a few letters have a
// byte of their own. Mark bytes, lowercase forms (the uppercase byte is the
// Windows-1252 capital of the same letter).
type Mod = "" | "^" | "(";
const VNI_MARKS: [string, Mod, Tone][] = [
  ["ù", "", 1], ["ø", "", 2], ["û", "", 3], ["õ", "", 4], ["ï", "", 5],
  ["â", "^", 0], ["á", "^", 1], ["à", "^", 2], ["å", "^", 3], ["ã", "^", 4], ["ä", "^", 5],
  ["ê", "(", 0], ["é", "(", 1], ["è", "(", 2], ["ú", "(", 3], ["ü", "(", 4], ["ë", "(", 5],
];
/** Mark byte (either case) → modifier and tone. */
export const VNI_MARK = new Map<string, { mod: Mod; tone: Tone }>();
for (const [c, mod, tone] of VNI_MARKS) {
  VNI_MARK.set(c, { mod, tone });
  VNI_MARK.set(c.toUpperCase(), { mod, tone });
}
/** Letters with a byte of their own. */
export const VNI_SINGLE = new Map<string, string>([
  ["ô", "ơ"], ["Ô", "Ơ"], ["ö", "ư"], ["Ö", "Ư"], ["ñ", "đ"], ["Ñ", "Đ"],
  ["í", "í"], ["Í", "Í"], ["ì", "ì"], ["Ì", "Ì"], ["æ", "ỉ"], ["Æ", "Ỉ"],
  ["ó", "ĩ"], ["Ó", "Ĩ"], ["ò", "ị"], ["Ò", "Ị"], ["î", "ỵ"], ["Î", "Ỵ"],
]);
/** Base letters a VNI mark byte may follow, with the modifiers each takes. */
export const VNI_BASES = new Map<string, string>([
  ["a", "^("], ["e", "^"], ["i", ""], ["o", "^"], ["u", ""], ["y", ""], ["ơ", ""], ["ư", ""],
]);

const MODIFY: Record<string, Record<string, string>> = {
  "^": { a: "â", e: "ê", o: "ô", A: "Â", E: "Ê", O: "Ô" },
  "(": { a: "ă", A: "Ă" },
  "+": { o: "ơ", u: "ư", O: "Ơ", U: "Ư" },
};

/** Applies a modifier and a tone to a base vowel; null when they do not fit. */
export function compose(base: string, mod: string, tone: Tone): string | null {
  const v = mod ? MODIFY[mod]?.[base] : base;
  if (!v) return null;
  return toneChar(v, tone);
}

/** Windows-1258 read as Windows-1252: letters of their own and combining tone bytes. */
export const CP1258_LETTER = new Map<string, string>([
  ["ã", "ă"], ["Ã", "Ă"], ["ð", "đ"], ["Ð", "Đ"], ["õ", "ơ"], ["Õ", "Ơ"], ["ý", "ư"], ["Ý", "Ư"], ["þ", "₫"],
]);
export const CP1258_TONE = new Map<string, Tone>([["ì", 1], ["Ì", 2], ["Ò", 3], ["Þ", 4], ["ò", 5]]);

/** VIQR mark characters. */
export const VIQR_MOD = new Map<string, string>([["^", "^"], ["(", "("], ["+", "+"]]);
export const VIQR_TONE = new Map<string, Tone>([["'", 1], ["`", 2], ["?", 3], ["~", 4], [".", 5]]);
