// The code-point stage composes NFC run by run to keep an exact offset map.
// unorm is an independent, pure-JS implementation of Unicode normalization:
// whatever the mix of composed and decomposed Vietnamese, the stage's output
// must equal unorm's NFC of the whole input.
import fc from "fast-check";
import unorm from "unorm";
import { describe, expect, it } from "vitest";
import { cleanCodepoints } from "../src/normalize/codepoints.js";
import { identityMap, shiftMapOffsets } from "../src/normalize/offsets.js";

const LETTERS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐbcdghklmnpqrstvx";
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** A syllable-ish cluster written either composed or decomposed. */
const cluster = fc
  .tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...TONES), fc.boolean())
  .map(([letter, tone, decomposed]) => {
    const s = (letter + tone).normalize("NFC");
    return decomposed ? s.normalize("NFD") : s;
  });
const piece = fc.oneof(cluster, fc.constantFrom(" ", "\n", ", ", "-", "1", "/"));

describe("code points against the unorm reference", () => {
  it("equals unorm's NFC for any mix of composed and decomposed text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const input = parts.join("");
        expect(cleanCodepoints(input).text).toBe(unorm.nfc(input));
      }),
      { numRuns: 400 },
    );
  });

  it("maps each output cluster back to source characters with the same NFC form", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const input = parts.join("");
        const r = cleanCodepoints(input);
        const { text } = r;
        // No map: the text came through unchanged.
        const map = r.map ? shiftMapOffsets(r.map) : identityMap(input.length);
        if (!r.map) expect(text).toBe(input);
        for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1]);
        // Every output character comes from a source range whose NFC holds it.
        for (let i = 0; i < text.length; i++) {
          const from = map[i];
          const to = i + 1 < text.length ? Math.max(map[i + 1], from + 1) : input.length;
          expect(unorm.nfc(input.slice(from, to))).toContain(text[i]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
