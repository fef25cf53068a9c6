// Applies word replacements to a text. The exact offset map is built only
// when first read (one pass over typed arrays, no per-character bookkeeping
// for unchanged runs): most callers never read it, and offsets that must move
// are found from the edits themselves.
import type { OffsetMap } from "../offsets.js";
import { identityView } from "./identity.js";

export interface Edit {
  start: number;
  end: number;
  to: string;
}

/** Edits must be sorted and must not overlap. */
export function splice(text: string, edits: readonly Edit[]): { text: string; map: OffsetMap } {
  const parts: string[] = [];
  let done = 0;
  for (const e of edits) {
    parts.push(text.slice(done, e.start), e.to);
    done = e.end;
  }
  parts.push(text.slice(done));
  const out = parts.join("");
  let map: OffsetMap | null = null;
  return {
    text: out,
    get map() {
      return (map ??= spliceMap(text.length, out.length, edits));
    },
  };
}

/** Source offset of the k-th of `toLen` characters replacing `srcLen` (proportionally inside the replaced range). */
function inside(k: number, srcLen: number, toLen: number): number {
  return srcLen === toLen ? k : Math.min(srcLen - 1, Math.floor((k * srcLen) / toLen));
}

function spliceMap(srcLen: number, len: number, edits: readonly Edit[]): OffsetMap {
  const map = new Int32Array(len + 1);
  // Unchanged runs map to themselves: copied from the shared identity sequence.
  const same = identityView(srcLen);
  let o = 0, done = 0;
  for (const e of edits) {
    map.set(same.subarray(done, e.start), o);
    o += e.start - done;
    const n = e.end - e.start;
    for (let k = 0; k < e.to.length; k++) map[o++] = e.start + inside(k, n, e.to.length);
    done = e.end;
  }
  map.set(same.subarray(done, srcLen), o);
  map[len] = srcLen;
  return map;
}

/**
 * The first output offset whose source offset is at or after a given one:
 * what fromSource gives on the splice's map, found from the sorted edits alone.
 */
export function outputOffsets(edits: readonly Edit[]): (src: number) => number {
  // shift[k]: length change of the first k edits.
  const shift = new Int32Array(edits.length + 1);
  for (let k = 0; k < edits.length; k++) shift[k + 1] = shift[k] + edits[k].to.length - (edits[k].end - edits[k].start);
  return (src) => {
    // The first edit that ends after src; those before it move everything after them.
    let lo = 0, hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid].end <= src) lo = mid + 1;
      else hi = mid;
    }
    if (lo === edits.length || src <= edits[lo].start) return src + shift[lo];
    // Inside the replaced range: the first replacing character that maps at or after src.
    const e = edits[lo];
    const n = e.end - e.start;
    let k = 0;
    while (k < e.to.length && e.start + inside(k, n, e.to.length) < src) k++;
    return e.start + shift[lo] + k;
  };
}
