// extract: segmented text → citations, deadlines, units, targets and tasks.
// Each extractor reads the segmented document alone; tasks gather the others.
import type { Citation, Deadline, Target, Task, Unit } from "../contract/schema.js";
import type { Segmented } from "../segment/types.js";
import { extractCitations } from "./citations.js";
import { extractDeadlines } from "./deadlines.js";
import { extractTargets } from "./targets.js";
import { extractTasks } from "./tasks.js";
import { extractUnits } from "./units.js";

export interface Extracted {
  citations: Citation[];
  deadlines: Deadline[];
  units: Unit[];
  targets: Target[];
  tasks: Task[];
}

export function extractAll(seg: Segmented): Extracted {
  const citations = extractCitations(seg);
  const deadlines = extractDeadlines(seg);
  const units = extractUnits(seg);
  const targets = extractTargets(seg);
  const tasks = extractTasks(seg, { citations, deadlines, units });
  return { citations, deadlines, units, targets, tasks };
}
