// Seeded damage generator: reproduces each class of damaged Vietnamese on
// clean text, at a chosen rate, and says which words it damaged.
//   1 odd code points   2 mark on the wrong letter   3 mark jumped to the next word
//   4 U+FFFD for a vowel   5 lost mark   6 legacy encodings
import { analyse, isValidSyllable, TONE_MARKS, type Tone } from "../src/normalize/syllable/index.js";
import { TCVN3_ENCODE, VNI_MARK, VNI_SINGLE } from "../src/normalize/legacy/tables.js";

export type DamageClass = 1 | 2 | 3 | 4 | 5;
export type LegacyName = "TCVN3" | "VNI" | "VIQR" | "Windows-1258";

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORD = /[\p{L}\p{M}\ufffd]+/gu;

export interface Damaged {
  text: string;
  /** Indices (in the clean text's word list) of the words damaged. */
  damaged: number[];
}

interface W {
  start: number;
  end: number;
  w: string;
}

function words(text: string): W[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, w: m[0] }));
}

const joined = (text: string, a: W, b: W) => text.slice(a.end, b.start) === " ";

/** Damages about `rate` of the eligible words of a clean NFC text. */
export function damage(text: string, cls: DamageClass, rate: number, seed: number): Damaged {
  const r = rng(seed);
  const ws = words(text);
  const repl = new Map<number, string>(); // word index → new text for [start, end)
  const before = new Map<number, string>(); // word index → new separator before it
  const damaged: number[] = [];
  // Class 4: the glyphs this document's font lost, a dozen of its marked vowels.
  const marked = cls === 4 ? [...text].filter((c) => /[^\x00-\x7f]/.test(c) && "aăâeêioôơuưy".includes(analyse(c).bare.toLowerCase())) : [];
  const lost = new Set<string>();
  while (lost.size < Math.min(12, new Set(marked).size)) lost.add(marked[Math.floor(r() * marked.length)]);
  for (let i = 0; i < ws.length; i++) {
    const { w } = ws[i];
    if (repl.has(i) || !isValidSyllable(w) || r() >= rate) continue;
    const a = analyse(w);
    switch (cls) {
      case 1: {
        const k = r();
        if (k < 0.5 && w.normalize("NFD") !== w) repl.set(i, w.normalize("NFD"));
        else if (k < 0.65 && /[đĐ]/.test(w)) repl.set(i, w.replace(/đ/g, "ð").replace(/Đ/g, "Ð"));
        else if (k < 0.85 && w.length > 1) {
          const at = 1 + Math.floor(r() * (w.length - 1));
          repl.set(i, w.slice(0, at) + (r() < 0.5 ? "\u200b" : "\u00ad") + w.slice(at));
        } else if (i > 0 && text.slice(ws[i - 1].end, ws[i].start) === " ") before.set(i, "\u00a0");
        else continue;
        damaged.push(i);
        break;
      }
      case 2: {
        // The tone mark leaves its vowel for the next letter (or the one before).
        if (!a.tone || w.length < 2) continue;
        const bare = [...a.bare];
        const to = a.at + 1 < bare.length ? a.at + 1 : a.at - 1;
        bare[to] = bare[to] + TONE_MARKS[a.tone];
        const out = bare.join("").normalize("NFC");
        // Moving the mark to another vowel can spell the word in the other tone style (hoà/hòa): no damage.
        if (out === w || isValidSyllable(out)) continue;
        repl.set(i, out);
        damaged.push(i);
        break;
      }
      case 3: {
        // The mark jumps over the space onto the next word's first letter.
        const n = ws[i + 1];
        if (!a.tone || !n || !joined(text, ws[i], n) || !isValidSyllable(n.w)) continue;
        repl.set(i, a.bare);
        repl.set(i + 1, (n.w[0] + TONE_MARKS[a.tone] + n.w.slice(1)).normalize("NFC"));
        damaged.push(i, i + 1);
        break;
      }
      case 4: {
        // A glyph with marks that the font could not map: U+FFFD, sometimes keeping
        // its tone mark. A font lacks the same few glyphs all through a document.
        const chars = [...w];
        const at = chars.map((c, k) => (lost.has(c) ? k : -1)).filter((k) => k >= 0);
        if (!at.length) continue;
        const k = at[Math.floor(r() * at.length)];
        const t = analyse(chars[k]).tone;
        chars[k] = t && r() < 0.3 ? "\ufffd" + TONE_MARKS[t] : "\ufffd";
        repl.set(i, chars.join(""));
        damaged.push(i);
        break;
      }
      case 5: {
        if (!a.tone) continue;
        repl.set(i, a.bare);
        damaged.push(i);
        break;
      }
    }
  }
  let out = "";
  let done = 0;
  for (let i = 0; i < ws.length; i++) {
    const sep = before.get(i);
    const rep = repl.get(i);
    if (sep === undefined && rep === undefined) continue;
    const from = sep !== undefined ? ws[i - 1].end : ws[i].start;
    out += text.slice(done, from) + (sep ?? "") + (rep ?? ws[i].w);
    done = ws[i].end;
  }
  return { text: out + text.slice(done), damaged: damaged.sort((x, y) => x - y) };
}

// ---------- legacy encoders (the inverse of the decoders' charts) ----------

const VNI_ENCODE = new Map<string, string>();
{
  for (const [byte, u] of VNI_SINGLE) VNI_ENCODE.set(u, byte);
  const mods: Record<string, string> = { "^": "\u0302", "(": "\u0306", "": "" };
  for (const [byte, { mod, tone }] of VNI_MARK) {
    const upper = byte !== byte.toLowerCase();
    for (const base of upper ? ["A", "E", "O", "U", "Y"] : ["a", "e", "o", "u", "y"]) {
      const u = (base + mods[mod] + TONE_MARKS[tone]).normalize("NFC");
      if (u.length === 1 && u !== base && !VNI_ENCODE.has(u)) VNI_ENCODE.set(u, base + byte);
    }
  }
  for (const [b, o] of [["Ô", "ơ"], ["Ö", "ư"]] as const) {
    for (const [byte, { mod, tone }] of VNI_MARK) {
      if (mod) continue;
      const upper = byte !== byte.toLowerCase();
      const letter = upper ? o.toUpperCase() : o;
      const u = toned(letter, tone);
      if (u !== letter) VNI_ENCODE.set(u, (upper ? b : b.toLowerCase()) + byte);
    }
  }
}

function toned(v: string, t: Tone): string {
  return (v + TONE_MARKS[t]).normalize("NFC");
}

const VIQR_MOD: Record<string, string> = { "\u0302": "^", "\u0306": "(", "\u031b": "+" };
const VIQR_TONE: Record<string, string> = { "\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "." };
const CP1258_OUT: Record<string, string> = { "\u0301": "ì", "\u0300": "Ì", "\u0309": "Ò", "\u0303": "Þ", "\u0323": "ò" };
const CP1258_LETTER: Record<string, string> = { ă: "ã", Ă: "Ã", đ: "ð", Đ: "Ð", ơ: "õ", Ơ: "Õ", ư: "ý", Ư: "Ý" };

/** Writes Unicode text in a legacy encoding, as Windows-1252 would show its bytes. */
export function encodeLegacy(text: string, enc: LegacyName): string {
  let out = "";
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) {
      out += c;
      continue;
    }
    switch (enc) {
      case "TCVN3": {
        // VN3 has no toned capitals: they are typed as the lowercase codes.
        out += TCVN3_ENCODE.get(c) ?? TCVN3_ENCODE.get(c.toLowerCase()) ?? c;
        break;
      }
      case "VNI":
        out += VNI_ENCODE.get(c) ?? c;
        break;
      case "VIQR": {
        const d = c.normalize("NFD");
        if (c === "đ") out += "dd";
        else if (c === "Đ") out += "DD";
        else if (d.length > 1 && /[a-zA-Z]/.test(d[0])) {
          const marks = [...d.slice(1)];
          out += d[0] + marks.filter((m) => VIQR_MOD[m]).map((m) => VIQR_MOD[m]).join("") + marks.filter((m) => VIQR_TONE[m]).map((m) => VIQR_TONE[m]).join("");
        } else out += c;
        break;
      }
      case "Windows-1258": {
        // Windows-1258 keeps â ê ô and the Latin-1 toned letters precomposed; others are base + tone byte.
        if (/[àáâèéêíóôùúÀÁÂÈÉÊÍÓÔÙÚ]/.test(c)) {
          out += c;
          break;
        }
        const d = c.normalize("NFD");
        const tone = [...d].find((m) => CP1258_OUT[m]);
        const base = [...d].filter((m) => !CP1258_OUT[m]).join("").normalize("NFC");
        out += (CP1258_LETTER[base] ?? base) + (tone ? CP1258_OUT[tone] : "");
        break;
      }
    }
  }
  return out;
}
