// Linear time on adversarial inputs (short mode of scripts/linear-time.mjs):
// the time per KB may not grow with the size. This asserts a growth ratio
// between the two largest sizes (4× apart), never an absolute time.
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
// @ts-expect-error: a plain ESM script without types
import { CASES, MAX_GROWTH, SHORT_SIZES, formatRow, measure } from "../scripts/linear-time.mjs";

describe("core pipeline time per KB does not grow with the input", () => {
  for (const name of Object.keys(CASES)) {
    it(name, async () => {
      const [row] = await measure((text: string) => extract(text), { sizes: SHORT_SIZES, runs: 3, cases: { [name]: CASES[name] } });
      expect(row.points, formatRow(row)).toHaveLength(SHORT_SIZES.length);
      expect(row.growth, formatRow(row)).toBeLessThanOrEqual(MAX_GROWTH);
    });
  }
});
