import type { Target } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export function extractTargets(seg: Segmented): Target[] {
  void seg;
  return [];
}
