// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, Windows-1258) → Unicode.
// Detection is per line, so files that mix fonts decode run by run: a line is
// decoded when the decoding turns more of its words into valid Vietnamese
// syllables than it had. Lines already in Unicode (they hold letters such as
// ư, ơ, đ, ạ that no legacy chart produces as-is) are skipped at once.
import { identityView } from "../repair/identity.js";
import { MappedRuns } from "../mapped-runs.js";
import type { StageResult } from "../types.js";
import { decodeInto, Pieces, type DecodeOptions, type Encoding } from "./decoders.js";
import { scorer } from "./score.js";
import { CP1258_LETTER, CP1258_TONE, TCVN3, VNI_MARK, VNI_SINGLE } from "./tables.js";

export type { Encoding } from "./decoders.js";

// Letters only Unicode text has (ă đ ơ ư, Ă Đ Ơ Ư, U+1EA0–U+1EF9).
const isUnicodeVi = (c: number) =>
  c >= 0x102 && (c <= 0x103 || c === 0x110 || c === 0x111 || c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0 || (c >= 0x1ea0 && c <= 0x1ef9));
// Anything a legacy chart might have produced.
const HIGH = /[\u00a1-\u00ff]/;
const VIQR_HINT = /[AEOUaeou][\^(+]|[aeiouyAEIOUY][`'~?][a-z]|\b[dD][dD][aeiouAEIOU]/;

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

// Per Latin-1 character, the charts that read it as something else (every
// chart key is a Latin-1 character): a line holding none of a chart's
// characters decodes to itself under it, and scores what it scored before.
const CHANGES: Record<"TCVN3" | "VNI" | "Windows-1258", number> = { TCVN3: 1, VNI: 2, "Windows-1258": 4 };
const changedBy = new Uint8Array(0x100);
for (let c = 0xa0; c < 0x100; c++) {
  const ch = String.fromCharCode(c);
  changedBy[c] = (TCVN3.has(ch) ? 1 : 0) | (VNI_SINGLE.has(ch) || VNI_MARK.has(ch) ? 2 : 0) | (CP1258_LETTER.has(ch) || CP1258_TONE.has(ch) ? 4 : 0);
}
function chartsChanging(line: string): number {
  let m = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c >= 0xa0 && c < 0x100) m |= changedBy[c];
  }
  return m;
}

export function decodeLegacy(text: string, fonts: readonly string[] = []): StageResult & { encoding: string | null } {
  const hints = fontHints(fonts);
  const opts: DecodeOptions = { capitals: hints.capitals };
  // First pass: every candidate decoding of each line, scored. Pieces are
  // kept only for a line's best decoding (the one it nearly always ends up
  // with); another pick is decoded again.
  type Option = { enc: Encoding; s: number; pieces?: Pieces };
  // A line that already reads perfectly can only follow the document's
  // encoding: its decodings wait until one is known.
  const lines: { pos: number; end: number; options: Option[] | null; base: number }[] = [];
  const votes = new Map<Encoding, number>();
  // Decodings are written into the sink; the best one so far keeps it and the
  // sink is replaced (by the pieces the best one held before, when there are any).
  let sink = new Pieces();
  const decodings = (line: string, encs: Encoding[], base: number): Option[] => {
    const changing = encs[0] === "VIQR" ? 0 : chartsChanging(line);
    let top: Option | null = null;
    const options = encs.map((enc): Option => {
      const bonus = enc === hints.prefer ? 0.5 : 0;
      // The only change a chart can make to a line without its characters is .VnTimeH capitals.
      const same = enc !== "VIQR" && !(changing & CHANGES[enc as keyof typeof CHANGES]) && !(enc === "TCVN3" && opts.capitals);
      if (same) return { enc, s: base + bonus };
      const o: Option = { enc, s: scorer.pieces(decodeInto(enc, line, opts, sink)) + bonus };
      if (!top || o.s > top.s) {
        const spare = top?.pieces;
        if (top) top.pieces = undefined;
        o.pieces = sink;
        sink = spare ?? new Pieces(line.length);
        top = o;
      }
      return o;
    });
    return options.sort((a, b) => b.s - a.s);
  };
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
        const base = scorer.text(line);
        if (!reshaped && !hints.prefer && encs[0] !== "VIQR" && base === scorer.judged) lines.push({ pos, end, options: null, base });
        else {
          const options = decodings(line, encs, base);
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
    const line = text.slice(pos, end);
    const options = known ?? decodings(line, candidates(line), base);
    const best = options[0];
    const mine = options.find((o) => o.enc === major);
    let pick: Option | null = null;
    const symbols = mine && mine.s === base && SYMBOLS.test(line);
    if (mine && mine.s >= best.s - 1 && (mine.s > base || (mine.s === base && (mine.s >= 1 || symbols)))) pick = mine;
    else if (best.s > base && best.s >= 1) pick = best;
    if (!pick) continue;
    out ??= new MappedRuns(text.length + 64);
    out.copy(text, done, pos);
    out.pushPieces(pick.pieces ?? decodeInto(pick.enc, line, opts, sink), pos);
    done = end;
    used.set(pick.enc, (used.get(pick.enc) ?? 0) + 1);
  }
  if (!out) return { text, map: identityView(text.length), encoding: null };
  out.copy(text, done, text.length);
  const encoding = [...used].sort((a, b) => b[1] - a[1]).map(([e]) => e).join("+");
  return { ...out.finish(text.length), encoding };
}
