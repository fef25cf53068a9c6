import type { Citation, Deadline, Task, Unit } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";

export interface TaskInputs {
  citations: Citation[];
  deadlines: Deadline[];
  units: Unit[];
}

export function extractTasks(seg: Segmented, found: TaskInputs): Task[] {
  void seg;
  void found;
  return [];
}
