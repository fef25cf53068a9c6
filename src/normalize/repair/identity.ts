// Identity offset maps without filling one per text: every identity map is
// a prefix of the same ascending sequence, so a stage that changed nothing
// returns a view of one shared array (grown when a longer text comes). Maps
// are read-only by contract: every stage and composition writes a new array.
import type { OffsetMap } from "../offsets.js";

let shared = new Int32Array(0);

/** The identity map of a text of length n (n + 1 entries), as a view of a shared array. */
export function identityView(n: number): OffsetMap {
  if (shared.length <= n) {
    const size = Math.max(n + 1, 2 * shared.length, 1 << 16);
    shared = new Int32Array(size);
    for (let i = 0; i < size; i++) shared[i] = i;
  }
  return shared.subarray(0, n + 1);
}
