import { describe, expect, it } from "vitest";
import { ByteBudget } from "../src/import/budget.js";

describe("byte budget of files read ahead", () => {
  it("lets files in while they fit, then in order as bytes are given back", async () => {
    const b = new ByteBudget(100);
    const order: string[] = [];
    await b.take(60);
    const second = b.take(50).then(() => order.push("50"));
    const third = b.take(10).then(() => order.push("10"));
    await Promise.resolve();
    // 10 would fit, but waits behind 50: files keep their order.
    expect(order).toEqual([]);
    expect(b.held).toBe(60);
    b.give(60);
    await Promise.all([second, third]);
    expect(order).toEqual(["50", "10"]);
    expect(b.held).toBe(60);
  });

  it("always lets one file in, however large", async () => {
    const b = new ByteBudget(100);
    await b.take(1000);
    expect(b.held).toBe(1000);
    let waited = true;
    const next = b.take(1).then(() => (waited = false));
    await Promise.resolve();
    expect(waited).toBe(true);
    b.give(1000);
    await next;
    expect(waited).toBe(false);
  });
});
