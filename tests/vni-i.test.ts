// VNI writers put the tone of an "i" either in a byte of its own (í = 0xED) or,
// as on every other vowel, in a mark byte after a plain "i": both decode.
import { describe, expect, it } from "vitest";
import { decodeLegacy } from "../src/normalize/legacy/index.js";

describe("VNI i with a mark byte", () => {
  it("decodes i + mark byte like the other vowels", () => {
    // í, ỉ, ĩ, ì, ị as i + mark byte; "đô thị" with ị as its own byte (ò)
    const vni = "Keá hoaïch thöïc hieän chiùnh saùch khuyeán khiùch ñaàu tö, chiû ñaïo kiõ thuaät viø thaønh thiï vaø ñoâ thò";
    const r = decodeLegacy(vni, ["VNI-Times"]);
    expect(r.text).toBe("Kế hoạch thực hiện chính sách khuyến khích đầu tư, chỉ đạo kĩ thuật vì thành thị và đô thị");
  });
});
