// Unit names fold to the traditional tone placement (hoà → hòa, uỷ → ủy), the
// style of official names; the one implementation is in fold.ts.
export { foldToTraditional as foldTone } from "./fold.js";
