// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, Windows-1258) → Unicode.
// Detection is per line, so files that mix fonts decode run by run: a line is
// decoded when the decoding turns more of its words into valid Vietnamese
// syllables than it had. Lines already in Unicode (they hold letters such as
// ư, ơ, đ, ạ that no legacy chart produces as-is) are skipped at once.
import { isValidSyllable } from "../syllable/index.js";
import { scanWords } from "../syllable/words.js";
import { identityMap, MappedText } from "../offsets.js";
import type { StageResult } from "../types.js";
import { decodeWith, type DecodeOptions, type Encoding, type Piece } from "./decoders.js";

export type { Encoding } from "./decoders.js";

// Letters only Unicode text has (ă đ ơ ư, Ă Đ Ơ Ư, U+1EA0–U+1EF9).
const UNICODE_VI = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
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
/** +1 for each word with marks that is a valid syllable, −1 for each that is not. */
function score(text: string): number {
  let s = 0;
  scanWords(text, (a, b) => {
    const w = text.slice(a, b);
    let v = verdicts.get(w);
    if (v === undefined) {
      // Case inside a word is lower, Title or UPPER; "MôC" is a decoding waiting to happen.
      const rest = w.slice(1);
      const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
      v = !/[^\x00-\x7f]/.test(w) ? 0 : cased && isValidSyllable(w) ? 1 : ABBREVIATION.test(w) ? 0 : -1;
      if (verdicts.size > 100_000) verdicts.clear();
      verdicts.set(w, v);
    }
    s += v;
  });
  return s;
}

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
  const lines: { pos: number; end: number; options: Option[]; base: number }[] = [];
  const votes = new Map<Encoding, number>();
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (line && !UNICODE_VI.test(line)) {
      const encs = candidates(line);
      if (encs.length) {
        const base = score(line);
        const options = encs.map((enc) => {
          const pieces = decodeWith(enc, line, opts);
          return { enc, pieces, s: score(join(pieces)) + (enc === hints.prefer ? 0.5 : 0) };
        });
        options.sort((a, b) => b.s - a.s);
        lines.push({ pos, end, options, base });
        const best = options[0];
        if (best.s > base && best.s >= 1) votes.set(best.enc, (votes.get(best.enc) ?? 0) + 1);
      }
    }
    pos = end + 1;
  }
  // The document's encoding wins any line it reads about as well as the best
  // reading: short lines (a number, a code) decide weakly on their own.
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? hints.prefer;
  const used = new Map<Encoding, number>();
  let out: MappedText | null = null;
  let done = 0;
  for (const { pos, end, options, base } of lines) {
    const best = options[0];
    const mine = options.find((o) => o.enc === major);
    let pick: Option | null = null;
    const symbols = mine && mine.s === base && SYMBOLS.test(text.slice(pos, end));
    if (mine && mine.s >= best.s - 1 && (mine.s > base || (mine.s === base && (mine.s >= 1 || symbols)))) pick = mine;
    else if (best.s > base && best.s >= 1) pick = best;
    if (!pick) continue;
    out ??= new MappedText();
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
