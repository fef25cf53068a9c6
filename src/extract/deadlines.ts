import type { Deadline } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export function extractDeadlines(seg: Segmented): Deadline[] {
  void seg;
  return [];
}
