import type { Unit } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export function extractUnits(seg: Segmented): Unit[] {
  void seg;
  return [];
}
