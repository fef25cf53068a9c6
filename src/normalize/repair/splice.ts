// Applies word replacements to a text and builds the exact offset map in one
// pass over typed arrays (no per-character bookkeeping for unchanged runs).
import type { OffsetMap } from "../offsets.js";
import { identityView } from "./identity.js";

export interface Edit {
  start: number;
  end: number;
  to: string;
}

/** Edits must be sorted and must not overlap. */
export function splice(text: string, edits: readonly Edit[]): { text: string; map: OffsetMap } {
  let len = text.length;
  for (const e of edits) len += e.to.length - (e.end - e.start);
  const map = new Int32Array(len + 1);
  // Unchanged runs map to themselves: copied from the shared identity sequence.
  const same = identityView(text.length);
  const parts: string[] = [];
  let o = 0, done = 0;
  for (const e of edits) {
    map.set(same.subarray(done, e.start), o);
    o += e.start - done;
    parts.push(text.slice(done, e.start), e.to);
    // A replacement of another length maps its characters proportionally inside the replaced range.
    const srcLen = e.end - e.start;
    for (let k = 0; k < e.to.length; k++) map[o++] = e.start + (srcLen === e.to.length ? k : Math.min(srcLen - 1, Math.floor((k * srcLen) / e.to.length)));
    done = e.end;
  }
  map.set(same.subarray(done, text.length), o);
  parts.push(text.slice(done));
  map[len] = text.length;
  return { text: parts.join(""), map };
}
