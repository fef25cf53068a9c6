// Takes a possibly damaged word apart: its letters without tone marks, the
// tone marks found anywhere in it (on a consonant, stacked, loose), and the
// U+FFFD holes with the mark that followed each.
import { TONE_MARKS, type Tone } from "../syllable/index.js";

const TONE_OF_MARK = new Map<string, Tone>(TONE_MARKS.map((m, t) => [m, t as Tone]).filter(([m]) => m) as [string, Tone][]);
const MODIFIERS = new Set(["\u0302", "\u0306", "\u031b"]);

export interface WordParts {
  /** Letters with their vowel modifiers, no tones; U+FFFD kept as a hole. */
  bare: string;
  /** Tone marks in the order met. */
  tones: Tone[];
  /** Index in bare of each hole, and the tone that followed it (0: none). */
  holes: { at: number; tone: Tone }[];
  /** A mark sat on a consonant or stood loose. */
  strayMark: boolean;
}

const VOWELS = new Set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY");

export function wordParts(word: string): WordParts {
  const d = word.normalize("NFD");
  const tones: Tone[] = [];
  const holes: { at: number; tone: Tone }[] = [];
  let strayMark = false;
  const letters: string[] = [];
  for (const ch of d) {
    const t = TONE_OF_MARK.get(ch);
    const last = letters.length - 1;
    if (t !== undefined) {
      tones.push(t);
      const base = letters[last];
      if (base === "\ufffd") {
        const h = holes[holes.length - 1];
        if (h && h.at === last && !h.tone) h.tone = t;
      } else if (base === undefined || !VOWELS.has(base.normalize("NFC")[0] ?? "")) strayMark = true;
      continue;
    }
    if (MODIFIERS.has(ch)) {
      if (last >= 0) letters[last] = (letters[last] + ch).normalize("NFC");
      else strayMark = true;
      continue;
    }
    if (ch >= "\u0300" && ch <= "\u036f") {
      strayMark = true;
      continue;
    }
    if (ch === "\ufffd") holes.push({ at: letters.length, tone: 0 });
    letters.push(ch);
  }
  // A hole's own mark is not one of the word's loose tones.
  const holeTones = holes.filter((h) => h.tone).length;
  if (holeTones) {
    for (const h of holes) {
      if (!h.tone) continue;
      const k = tones.indexOf(h.tone);
      if (k >= 0) tones.splice(k, 1);
    }
  }
  return { bare: letters.join(""), tones, holes, strayMark };
}
