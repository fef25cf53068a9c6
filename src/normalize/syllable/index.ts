// The Vietnamese written syllable: onset + (glide) + nucleus + coda, and a
// tone. Valid toneless syllables are generated from the phonotactic rules
// below, not read from a word list; tones are then placed by the orthographic
// rule (modern: hoà, thuý, khoẻ; traditional: hòa, thúy, khỏe).

/** Tones in the order used everywhere: none, sắc, huyền, hỏi, ngã, nặng. */
export const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;
export type ToneStyle = "modern" | "traditional";

const BASE_VOWELS = "aăâeêioôơuưy";

/** Every precomposed vowel (both cases) → its toneless letter and tone. */
const VOWEL_INFO = new Map<string, { bare: string; tone: Tone }>();
/** toneless vowel letter (both cases) → the six toned letters. */
const TONED = new Map<string, string[]>();
for (const v of BASE_VOWELS + BASE_VOWELS.toUpperCase()) {
  const row = TONE_MARKS.map((m) => (v + m).normalize("NFC"));
  TONED.set(v, row);
  row.forEach((c, t) => VOWEL_INFO.set(c, { bare: v, tone: t as Tone }));
}

// The same by character code (every vowel is one code unit): hot loops read an array, not a hashed string.
const VOWEL_AT: ({ bare: string; tone: Tone } | undefined)[] = new Array(0x1f00).fill(undefined);
for (const [c, info] of VOWEL_INFO) VOWEL_AT[c.charCodeAt(0)] = info;
const IS_BASE = new Uint8Array(0x200);
for (const v of BASE_VOWELS) IS_BASE[v.charCodeAt(0)] = 1;
const isBase = (c: number) => c < 0x200 && IS_BASE[c] === 1;

/** True for any Vietnamese vowel letter, with or without marks, either case. */
export function isVowelChar(c: string): boolean {
  return VOWEL_INFO.has(c);
}

/** The tone carried by one character (0 when none or not a vowel). */
export function toneOfChar(c: string): Tone {
  return VOWEL_INFO.get(c)?.tone ?? 0;
}

/** A vowel letter without its tone ("ấ" → "â"); other characters unchanged. */
export function stripToneChar(c: string): string {
  return VOWEL_INFO.get(c)?.bare ?? c;
}

/** Puts tone t on a toneless vowel letter. */
export function toneChar(v: string, t: Tone): string {
  return TONED.get(v)?.[t] ?? v;
}

// ---------- phonotactics ----------

const ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];

// Written rhymes, grouped by nucleus. Each entry lists the codas the nucleus
// takes ("" = open syllable); semivowel codas are written i/y and o/u.
const NUCLEUS_CODAS: Record<string, string[]> = {
  a: ["", "i", "o", "u", "y", "m", "n", "ng", "nh", "p", "t", "c", "ch"],
  ă: ["m", "n", "ng", "p", "t", "c"],
  â: ["u", "y", "m", "n", "ng", "p", "t", "c"],
  e: ["", "o", "m", "n", "ng", "p", "t", "c"],
  ê: ["", "u", "m", "n", "nh", "p", "t", "ch"],
  i: ["", "u", "a", "m", "n", "nh", "p", "t", "ch"],
  o: ["", "i", "m", "n", "ng", "p", "t", "c"],
  oo: ["ng", "c"],
  ô: ["", "i", "m", "n", "ng", "p", "t", "c"],
  ơ: ["", "i", "m", "n", "p", "t"],
  u: ["", "a", "i", "m", "n", "ng", "p", "t", "c"],
  ư: ["", "a", "i", "u", "ng", "t", "c"],
  iê: ["u", "m", "n", "ng", "p", "t", "c"],
  uô: ["i", "m", "n", "ng", "t", "c"],
  ươ: ["i", "u", "m", "n", "ng", "p", "t", "c"],
};

// Rhymes with the labial glide (written o before a/ă/e, u elsewhere).
const GLIDE_RHYMES = [
  "oa", "oai", "oay", "oam", "oan", "oang", "oanh", "oap", "oat", "oac", "oach",
  "oăm", "oăn", "oăng", "oăt", "oăc",
  "oe", "oeo", "oen", "oet",
  "uân", "uâng", "uât", "uây",
  "uê", "uênh", "uêch",
  "uy", "uya", "uyu", "uyn", "uynh", "uyt", "uych", "uyp", "uyên", "uyêt",
  "uơ",
];

const STOP_CODAS = new Set(["p", "t", "c", "ch"]);
const FRONT = new Set(["e", "ê", "i", "y"]);

function plainRhymes(): string[] {
  const out: string[] = [];
  for (const [n, codas] of Object.entries(NUCLEUS_CODAS)) for (const c of codas) out.push(n + c);
  return out;
}

/** True when the onset may be written before this rhyme. */
function onsetFits(onset: string, rhyme: string): boolean {
  const first = rhyme[0];
  const front = FRONT.has(first);
  switch (onset) {
    case "c": return !front && !GLIDE_RHYMES.includes(rhyme);
    case "k": return front;
    case "g": return !front || (first === "i" && !rhyme.startsWith("iê"));
    case "gh": case "ngh": return front;
    case "ng": return !front;
    case "gi": return (first !== "i" || rhyme.startsWith("iê")) && first !== "y";
    case "qu": return "aăâeêiyôơ".includes(first) && !rhyme.startsWith("ia");
    default: return true;
  }
}

/** Spelling of the i-nucleus: y after no onset for yê; i/y both for open "i". */
function spellings(onset: string, rhyme: string): string[] {
  if (rhyme.startsWith("iê")) return onset === "" || onset === "qu" ? ["y" + rhyme.slice(1)] : onset === "gi" ? [rhyme.slice(1)] : [rhyme];
  if (rhyme === "i") return onset === "qu" ? ["y", "i"] : ["i", "y"];
  if (rhyme.startsWith("uyê") && onset === "qu") return [];
  return [rhyme];
}

/** Every valid toneless syllable (lowercase), generated from the rules. */
export function generateBareSyllables(): string[] {
  const rhymes = [...plainRhymes(), ...GLIDE_RHYMES];
  const out = new Set<string>();
  for (const o of ONSETS) {
    for (const r of rhymes) {
      if (!onsetFits(o, r)) continue;
      // Glide rhymes take no "qu" (its u is the glide) and no labial onsets.
      if ((r.startsWith("o") && r.length > 1 && "aăe".includes(r[1])) || (r[0] === "u" && GLIDE_RHYMES.includes(r))) {
        if (o === "qu" || o === "b" || o === "m" || o === "p" || o === "ph") continue;
      }
      for (const sp of spellings(o, r)) out.add(o + sp);
    }
  }
  // qu + the i/y rhymes and yê rhymes: quy, quynh, quyên, quyết.
  for (const r of ["ynh", "yt", "ych", "yên", "yêt", "yn"]) out.add("qu" + r);
  // gi + i is written gi: gì, gìn are g + i-rhymes, already present.
  return [...out].sort();
}

const BARE = new Set(generateBareSyllables());

/** The onset of a toneless lowercase syllable (gi/qu when followed by a vowel). */
export function onsetOf(bare: string): string {
  let i = 0;
  while (i < bare.length && !isBase(bare.charCodeAt(i))) i++;
  let on = bare.slice(0, i);
  if ((on === "g" && bare[i] === "i" && i + 1 < bare.length && BASE_VOWELS.includes(bare[i + 1])) || (on === "q" && bare[i] === "u")) on = bare.slice(0, i + 1);
  return on;
}

/** Splits a toneless lowercase syllable into onset, vowel letters and coda. */
export function parts(bare: string): { onset: string; vowels: string; coda: string } {
  const onset = onsetOf(bare);
  let j = onset.length;
  while (j < bare.length && isBase(bare.charCodeAt(j))) j++;
  return { onset, vowels: bare.slice(onset.length, j), coda: bare.slice(j) };
}

export function isValidBare(bare: string): boolean {
  return BARE.has(bare);
}

/** True when tone t may go with this toneless syllable (stop codas take only sắc/nặng). */
export function toneAllowed(bare: string, t: Tone): boolean {
  if (t === 0 || t === 1 || t === 5) return true;
  const { coda } = parts(bare);
  return !STOP_CODAS.has(coda);
}

const MODIFIED = "ăâêôơư";

/**
 * Index, within the syllable, of the vowel that carries the tone. The two
 * styles differ only in open oa, oe, uy (hoà/hòa, khoẻ/khỏe, thuý/thúy).
 */
export function tonePosition(bare: string, style: ToneStyle = "modern"): number {
  const { onset, vowels, coda } = parts(bare);
  const at = onset.length;
  if (!vowels) return -1;
  for (let k = vowels.length - 1; k >= 0; k--) if (MODIFIED.includes(vowels[k])) return at + k;
  if (vowels.length === 1) return at;
  if (coda) return at + vowels.length - 1;
  if (vowels.length >= 3) return at + 1;
  if (vowels === "oa" || vowels === "oe" || vowels === "uy") return style === "modern" ? at + 1 : at;
  return at;
}

/** Writes a toneless syllable (any case) with tone t in the given style. */
export function placeTone(bare: string, t: Tone, style: ToneStyle = "modern"): string {
  if (t === 0) return bare;
  const pos = tonePosition(bare.toLowerCase(), style);
  if (pos < 0) return bare;
  return bare.slice(0, pos) + toneChar(bare[pos], t) + bare.slice(pos + 1);
}

export interface Analysis {
  /** The syllable without its tone, case kept. */
  bare: string;
  tone: Tone;
  /** Number of tone marks found (more than one is damage). */
  marks: number;
  /** Index of the (last) toned letter, -1 when toneless. */
  at: number;
}

/** Separates tone from letters in an NFC syllable. */
export function analyse(syl: string): Analysis {
  // The letters between toned vowels are copied as slices: a toneless word is its own bare form.
  let bare = "";
  let from = 0;
  let tone: Tone = 0;
  let marks = 0;
  let at = -1;
  for (let i = 0; i < syl.length; i++) {
    const code = syl.charCodeAt(i);
    const info = code < VOWEL_AT.length ? VOWEL_AT[code] : undefined;
    if (info && info.tone) {
      tone = info.tone;
      marks++;
      at = i;
      bare += syl.slice(from, i) + info.bare;
      from = i + 1;
    }
  }
  bare = from === 0 ? syl : bare + syl.slice(from);
  return { bare, tone, marks, at };
}

/** The tone style a correctly written syllable shows, or null when both styles agree. */
export function styleOf(syl: string): ToneStyle | null {
  if (!TWO_WAYS.test(syl)) return null;
  const a = analyse(syl);
  if (!a.tone) return null;
  const lower = a.bare.toLowerCase();
  const m = tonePosition(lower, "modern");
  const t = tonePosition(lower, "traditional");
  if (m === t) return null;
  return a.at === m ? "modern" : a.at === t ? "traditional" : null;
}

/**
 * True for a well-formed Vietnamese syllable (any case, NFC): a generated
 * toneless form, an allowed tone, and the mark on the right letter in either style.
 */
export function isValidSyllable(syl: string): boolean {
  const a = analyse(syl);
  if (a.marks > 1) return false;
  const lower = a.bare.toLowerCase();
  if (!BARE.has(lower)) return false;
  if (!a.tone) return true;
  if (!toneAllowed(lower, a.tone)) return false;
  return a.at === tonePosition(lower, "modern") || a.at === tonePosition(lower, "traditional");
}

/** Every valid toned syllable (lowercase, modern placement plus traditional variants). */
export function generateSyllables(): string[] {
  const out = new Set<string>();
  for (const b of BARE) {
    for (let t = 0 as Tone; t <= 5; t = (t + 1) as Tone) {
      if (!toneAllowed(b, t)) continue;
      out.add(placeTone(b, t, "modern"));
      out.add(placeTone(b, t, "traditional"));
    }
  }
  return [...out].sort();
}

// Only open oa, oe, uy with a mark can be written two ways: a cheap test first.
const TWO_WAYS = /[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ]/i;

/** True when the syllable may carry its tone in either style (oa, oe, uy). */
export function mayRestyle(syl: string): boolean {
  return TWO_WAYS.test(syl);
}

/** Rewrites a valid syllable's tone in the other style; other strings unchanged. */
export function restyle(syl: string, style: ToneStyle): string {
  if (!TWO_WAYS.test(syl)) return syl;
  const a = analyse(syl);
  if (!a.tone || a.marks !== 1) return syl;
  const lower = a.bare.toLowerCase();
  if (!BARE.has(lower)) return syl;
  const want = tonePosition(lower, style);
  if (want === a.at || want < 0) return syl;
  const other = style === "modern" ? tonePosition(lower, "traditional") : tonePosition(lower, "modern");
  if (other !== a.at) return syl;
  return placeTone(a.bare, a.tone, style);
}
