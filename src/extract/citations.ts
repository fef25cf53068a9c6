import type { Citation } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export function extractCitations(seg: Segmented): Citation[] {
  void seg;
  return [];
}
