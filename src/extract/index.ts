// extract: segmented text → citations, deadlines, units, targets and tasks.
import type { Citation, Deadline, Target, Task, Unit } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export interface Extracted {
  citations: Citation[];
  deadlines: Deadline[];
  units: Unit[];
  targets: Target[];
  tasks: Task[];
}

export function extractAll(seg: Segmented): Extracted {
  void seg;
  return { citations: [], deadlines: [], units: [], targets: [], tasks: [] };
}
