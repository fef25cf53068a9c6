// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, Windows-1258) → Unicode.
// Detection is per line, so files that mix fonts decode run by run: a line is
// decoded when the decoding turns more of its words into valid Vietnamese
// syllables than it had. Lines already in Unicode (they hold letters such as
// ư, ơ, đ, ạ that no legacy chart produces as-is) are skipped at once.
import { isValidSyllable } from "../syllable/index.js";
import { scanWords } from "../syllable/words.js";
import { identityMap } from "../offsets.js";
import { MappedRuns } from "../mapped-runs.js";
import type { StageResult } from "../types.js";
import { decodeWith, type DecodeOptions, type Encoding, type Piece } from "./decoders.js";

export type { Encoding } from "./decoders.js";

// Letters only Unicode text has (ă đ ơ ư, Ă Đ Ơ Ư, U+1EA0–U+1EF9).
const isUnicodeVi = (c: number) =>
  c >= 0x102 && (c <= 0x103 || c === 0x110 || c === 0x111 || c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0 || (c >= 0x1ea0 && c <= 0x1ef9));
// Anything a legacy chart might have produced.
const HIGH = /[\u00a1-\u00ff]/;
const VIQR_HINT = /[AEOUaeou][\^(+]|[aeiouyAEIOUY][`'~?][a-z]|\b[dD][dD][aeiouAEIOU]/;

const ABBREVIATION = /^[A-ZĐ]{2,}$/;
// Latin-1 symbols no Vietnamese text uses but legacy charts fill with letters (§ = Đ in TCVN3).
const SYMBOLS = /[\u00a1-\u00bf]/;

interface FontHints {
  prefer: Encoding | null;
  capitals: boolean;
}

/** What the source's font names say: .VnTime* is TCVN3 (.VnTimeH capitals), VNI-* is VNI. */
export function fontHints(fonts: readonly string[]): FontHints {
  let tcvn = 0, caps = 0, vni = 0;
  for (const f of fonts) {
    const name = f.trim();
    if (/^\.?vn[a-z]/i.test(name) && !/^vni/i.test(name)) {
      tcvn++;
      if (/h$/i.test(name.replace(/\s+(bold|italic|regular)$/i, ""))) caps++;
    } else if (/^vni[- ]/i.test(name)) vni++;
  }
  return { prefer: tcvn > vni ? "TCVN3" : vni ? "VNI" : null, capitals: tcvn > 0 && caps === tcvn };
}

const verdicts = new Map<string, number>();
let judged = 0;
/** +1 for each word with marks that is a valid syllable, −1 for each that is not (`judged` counts them). */
function score(text: string): number {
  let s = 0;
  judged = 0;
  scanWords(text, (a, b) => {
    // A word of ASCII letters says nothing: known without a string or a lookup.
    let k = a;
    while (k < b && text.charCodeAt(k) < 0x80) k++;
    if (k === b) return;
    const w = text.slice(a, b);
    let v = verdicts.get(w);
    if (v === undefined) {
      // Case inside a word is lower, Title or UPPER; "MôC" is a decoding waiting to happen.
      const rest = w.slice(1);
      const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
      v = cased && isValidSyllable(w) ? 1 : ABBREVIATION.test(w) ? 0 : -1;
      if (verdicts.size > 100_000) verdicts.clear();
      verdicts.set(w, v);
    }
    if (v) judged++;
    s += v;
  });
  return s;
}

/**
 * Latin-1 characters a chart turns into something other than a letter or
 * mark, or a non-letter into a letter: a line without them keeps its words,
 * so no decoding of it can read better than a line whose every word reads.
 */
const reshapes = (c: number) => (c >= 0xa1 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || c === 0xfe;

function candidates(line: string): Encoding[] {
  const out: Encoding[] = [];
  if (HIGH.test(line)) out.push("TCVN3", "VNI", "Windows-1258");
  else if (VIQR_HINT.test(line)) out.push("VIQR");
  return out;
}

const join = (p: Piece[]) => p.map((x) => x[0]).join("");

export function decodeLegacy(text: string, fonts: readonly string[] = []): StageResult & { encoding: string | null } {
  const hints = fontHints(fonts);
  const opts: DecodeOptions = { capitals: hints.capitals };
  // First pass: every candidate decoding of each line, scored.
  type Option = { enc: Encoding; pieces: Piece[]; s: number };
  // A line that already reads perfectly can only follow the document's
  // encoding: its decodings wait until one is known.
  const lines: { pos: number; end: number; options: Option[] | null; base: number }[] = [];
  const votes = new Map<Encoding, number>();
  const decodings = (line: string, encs: Encoding[]): Option[] =>
    encs
      .map((enc) => {
        const pieces = decodeWith(enc, line, opts);
        return { enc, pieces, s: score(join(pieces)) + (enc === hints.prefer ? 0.5 : 0) };
      })
      .sort((a, b) => b.s - a.s);
  for (let pos = 0; pos <= text.length; ) {
    // A line with a letter only Unicode has is skipped without slicing it.
    let k = pos;
    let c = 0;
    let reshaped = false;
    while (k < text.length && (c = text.charCodeAt(k)) !== 10 && !isUnicodeVi(c)) {
      if (c > 0xa0 && reshapes(c)) reshaped = true;
      k++;
    }
    let end = k < text.length && c !== 10 ? text.indexOf("\n", k) : k;
    if (end < 0) end = text.length;
    if (k === end && end > pos) {
      const line = text.slice(pos, end);
      const encs = candidates(line);
      if (encs.length) {
        const base = score(line);
        if (!reshaped && !hints.prefer && encs[0] !== "VIQR" && base === judged) lines.push({ pos, end, options: null, base });
        else {
          const options = decodings(line, encs);
          lines.push({ pos, end, options, base });
          const best = options[0];
          if (best.s > base && best.s >= 1) votes.set(best.enc, (votes.get(best.enc) ?? 0) + 1);
        }
      }
    }
    pos = end + 1;
  }
  // The document's encoding wins any line it reads about as well as the best
  // reading: short lines (a number, a code) decide weakly on their own.
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? hints.prefer;
  const used = new Map<Encoding, number>();
  let out: MappedRuns | null = null;
  let done = 0;
  for (const { pos, end, options: known, base } of lines) {
    if (!known && !major) continue;
    const options = known ?? decodings(text.slice(pos, end), candidates(text.slice(pos, end)));
    const best = options[0];
    const mine = options.find((o) => o.enc === major);
    let pick: Option | null = null;
    const symbols = mine && mine.s === base && SYMBOLS.test(text.slice(pos, end));
    if (mine && mine.s >= best.s - 1 && (mine.s > base || (mine.s === base && (mine.s >= 1 || symbols)))) pick = mine;
    else if (best.s > base && best.s >= 1) pick = best;
    if (!pick) continue;
    out ??= new MappedRuns(text.length + 64);
    out.copy(text, done, pos);
    for (const [s, a, b] of pick.pieces) out.push(s, pos + a, pos + b);
    done = end;
    used.set(pick.enc, (used.get(pick.enc) ?? 0) + 1);
  }
  if (!out) return { text, map: identityMap(text.length), encoding: null };
  out.copy(text, done, text.length);
  const encoding = [...used].sort((a, b) => b[1] - a[1]).map(([e]) => e).join("+");
  return { ...out.finish(text.length), encoding };
}
