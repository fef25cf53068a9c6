// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, Windows-1258) → Unicode.
// Detection is per line, so files that mix fonts decode run by run: a line is
// decoded when the decoding turns more of its words into valid Vietnamese
// syllables than it had. Lines already in Unicode (they hold letters such as
// ư, ơ, đ, ạ that no legacy chart produces as-is) are skipped at once.
import { isValidSyllable } from "../syllable/index.js";
import { identityMap, MappedText } from "../offsets.js";
import type { StageResult } from "../types.js";
import { decodeWith, type DecodeOptions, type Encoding, type Piece } from "./decoders.js";

export type { Encoding } from "./decoders.js";

// Letters only Unicode text has (ă đ ơ ư, Ă Đ Ơ Ư, U+1EA0–U+1EF9).
const UNICODE_VI = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
// Anything a legacy chart might have produced.
const HIGH = /[\u00a1-\u00ff]/;
const VIQR_HINT = /[AEOUaeou][\^(+]|[aeiouyAEIOUY][`'~?][a-z]|\b[dD][dD][aeiouAEIOU]/;

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

/** +1 for each word with marks that is a valid syllable, −1 for each that is not. */
function score(text: string): number {
  let s = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (!/[^\x00-\x7f]/.test(w)) continue;
    // Case inside a word is lower, Title or UPPER; "MôC" is a decoding waiting to happen.
    const rest = w.slice(1);
    const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
    s += cased && isValidSyllable(w) ? 1 : -1;
  }
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
  // First pass: each line's best decoding and whether it clearly beats the text as it is.
  const lines: { pos: number; end: number; best: { enc: Encoding; pieces: Piece[]; s: number } | null; base: number }[] = [];
  const votes = new Map<Encoding, number>();
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (line && !UNICODE_VI.test(line)) {
      const encs = candidates(line);
      if (encs.length) {
        const base = score(line);
        let best: { enc: Encoding; pieces: Piece[]; s: number } | null = null;
        for (const enc of encs) {
          const pieces = decodeWith(enc, line, opts);
          const s = score(join(pieces)) + (enc === hints.prefer ? 0.5 : 0);
          if (!best || s > best.s) best = { enc, pieces, s };
        }
        lines.push({ pos, end, best, base });
        if (best && best.s > base && best.s >= 1) votes.set(best.enc, (votes.get(best.enc) ?? 0) + 1);
      }
    }
    pos = end + 1;
  }
  // A line that reads equally well both ways follows the document's encoding.
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? hints.prefer;
  const used = new Map<Encoding, number>();
  let out: MappedText | null = null;
  let done = 0;
  for (const { pos, end, best, base } of lines) {
    if (!best) continue;
    let pick = best.s > base && best.s >= 1 ? best : null;
    if (!pick && major && best.s >= base && best.s >= 1) {
      const line = text.slice(pos, end);
      const pieces = decodeWith(major, line, opts);
      if (score(join(pieces)) >= base) pick = { enc: major, pieces, s: base };
    }
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
