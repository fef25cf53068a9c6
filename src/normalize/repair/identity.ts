// Identity offset maps without filling one per text: every identity map is
// a prefix of the same ascending sequence, so a stage that changed nothing
// returns a view of one shared array (grown when a longer text comes). Maps
// are read-only by contract: every stage and composition writes a new array.
import type { OffsetMap } from "../offsets.js";

/** Longest text served from the shared array (16 MB of offsets); a longer one gets its own map. */
const MAX_SHARED = 1 << 22;

let shared: Int32Array = new Int32Array(0);

function fill(size: number): Int32Array {
  const m = new Int32Array(size);
  for (let i = 0; i < size; i++) m[i] = i;
  return m;
}

/** The identity map of a text of length n (n + 1 entries), as a view of a shared array. */
export function identityView(n: number): OffsetMap {
  if (n >= MAX_SHARED) return fill(n + 1);
  if (shared.length <= n) shared = fill(Math.min(MAX_SHARED, Math.max(n + 1, 2 * shared.length, 1 << 16)));
  return shared.subarray(0, n + 1);
}
