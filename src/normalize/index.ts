// normalize: ingested text → clean NFC text in paragraphs, with an offset map
// back to the ingested text and a record of every repair.
//
//   decodeLegacy → cleanCodepoints → repairDiacritics → reflow
//
// Each stage maps its output back to its input; the maps compose into reflow's
// map, in place, when the map is first read (most callers never read it). A
// stage whose text came through unchanged is the identity and is skipped.
// Repairs are carried forward into the final text's coordinates.
import type { Repair, Suspect } from "../contract/schema.js";
import { cleanCodepoints } from "./codepoints.js";
import { decodeLegacy } from "./legacy/index.js";
import { composeInto, composeShiftsInto, fromSource, type OffsetMap } from "./offsets.js";
import { reflow } from "./reflow.js";
import { repairDiacritics } from "./repair/index.js";
import type { Normalized, NormalizeOptions } from "./types.js";

export type { Normalized, NormalizeOptions, Paragraph, StageResult } from "./types.js";

export function normalize(source: string, options: NormalizeOptions = {}): Normalized {
  const legacy = decodeLegacy(source, options.fonts ?? []);
  const clean = cleanCodepoints(legacy.text);
  const repaired = options.repair === false ? { text: clean.text, map: null, repairs: [], suspects: [] } : repairDiacritics(clean.text, options);
  const flowed = reflow(repaired.text);

  // Offsets of repairs move with the later stages: find each one's place in the final text.
  const toFinalFromRepaired = (off: number) => flowed.pieces.fromSource(off);
  const repairedSame = repaired.text === clean.text;
  const toFinalFromClean = (off: number) => toFinalFromRepaired(repaired.map && !repairedSame ? fromSource(repaired.map, off) : off);
  const moveRepair = <T extends Repair | Suspect>(r: T, to: (o: number) => number): T => ({ ...r, span: { start: to(r.span.start), end: to(r.span.end) } });
  const repairs = [
    ...(clean.repairs ?? []).map((r) => moveRepair(r, toFinalFromClean)),
    ...(repaired.repairs ?? []).map((r) => moveRepair(r, toFinalFromRepaired)),
  ].sort((a, b) => a.span.start - b.span.start);
  const suspects = (repaired.suspects ?? []).map((s) => moveRepair(s, toFinalFromRepaired));

  // Built on first read: reflow's map is a fresh array, and the earlier stages compose into it.
  let map: OffsetMap | null = null;
  const build = (): OffsetMap => {
    const m = flowed.pieces.build();
    if (repaired.map && !repairedSame) composeInto(repaired.map, m);
    if (clean.map) composeShiftsInto(m, clean.map);
    if (legacy.text !== source) composeInto(legacy.map, m);
    return m;
  };
  return {
    text: flowed.text,
    get map() {
      return (map ??= build());
    },
    paragraphs: flowed.paragraphs,
    repairs,
    suspects,
    encoding: legacy.encoding,
  };
}
