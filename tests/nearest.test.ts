import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { nearest } from "../src/store/nearest.js";

const seed = join(import.meta.dirname, "..", "fixtures", "seeds", "000_bdb84c189a81ae0c.txt");

describe("nearest names", () => {
  it("ranks a misspelt unit name's true spelling first, diacritics ignored", () => {
    const names = ["Phòng Đoàn thể và các hội", "Phòng Dân vận các cơ quan nhà nước", "Ban Chấp hành Công đoàn"];
    expect(nearest("Phong Dan van cac co quan nha nuoc", names)[0]).toBe("Phòng Dân vận các cơ quan nhà nước");
    expect(nearest("Phòng Dân vận cơ quan nhà nước", names)[0]).toBe("Phòng Dân vận các cơ quan nhà nước");
  });

  it("returns nothing for a name unlike any stored one", () => {
    expect(nearest("Sở Giao thông vận tải", ["Ban Chấp hành Công đoàn", "Chi ủy"])).toEqual([]);
  });

  describe("in a store", () => {
    let store: Store;
    beforeAll(async () => {
      store = openStore(join(mkdtempSync(join(tmpdir(), "vnplan-near-")), "t.db"));
      store.put(await extract(readFileSync(seed, "utf8")), seed);
    });
    afterAll(() => store.close());

    it("suggests the stored spelling of a symbol typed with the wrong issuer", () => {
      expect(store.cites("34/CT-TU")).toEqual([]);
      expect(store.nearest("symbol", "34/CT-TU")).toContain("34/CT-TW");
    });

    it("suggests a unit the plan names when the query drops a word", () => {
      expect(store.unit("Phòng Dân vận cơ quan nhà nước")).toEqual([]);
      expect(store.nearest("unit", "Phòng Dân vận cơ quan nhà nước")[0]).toBe("Phòng Dân vận các cơ quan nhà nước");
    });
  });
});
