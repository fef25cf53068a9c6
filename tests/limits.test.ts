// Limit flags and the checks run on a file's bytes before any parser.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VnplanError } from "../src/errors.js";
import { checkInput } from "../src/ingest/guards.js";
import { DEFAULT_LIMITS, parseCount, parseDuration, parseSize, resolveLimits } from "../src/limits.js";
// @ts-expect-error: a plain ESM script without types
import { emptyPagesPdf, HOSTILE_DIR, PLAN_TEXT } from "../scripts/make-hostile.mjs";

const refusal = (fn: () => void): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(VnplanError);
    return (err as VnplanError).toLine();
  }
  return "accepted";
};

describe("limit flags", () => {
  it("read sizes with and without units", () => {
    expect(parseSize("500000")).toBe(500_000);
    expect(parseSize("20M")).toBe(20 * 1024 * 1024);
    expect(parseSize("1.5g")).toBe(1.5 * 1024 ** 3);
    expect(parseSize("300 KB")).toBe(300 * 1024);
    expect(() => parseSize("20 megabytes")).toThrow(/not a size/);
  });

  it("read durations in seconds by default", () => {
    expect(parseDuration("90")).toBe(90_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("2m")).toBe(120_000);
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
  });

  it("read page counts as positive whole numbers", () => {
    expect(parseCount("20000")).toBe(20_000);
    expect(() => parseCount("0")).toThrow(/positive/);
    expect(() => parseCount("1.5")).toThrow(/positive/);
  });

  it("keep the defaults for what is not set", () => {
    expect(resolveLimits({ maxPages: 10, maxBytes: undefined })).toEqual({ ...DEFAULT_LIMITS, maxPages: 10 });
  });
});

describe("checks before parsing", () => {
  it("refuse a file over --max-size, naming the limit and the flag", () => {
    expect(refusal(() => checkInput(Buffer.from(PLAN_TEXT), "kh.txt", { maxBytes: 100 }))).toMatch(
      /^kh\.txt: read: the file is \d+ B, over the limit of 100 B \(raise it with --max-size\)$/,
    );
  });

  it("refuse a PDF whose page tree declares more pages than --max-pages, and accept it under a higher limit", () => {
    const pdf = emptyPagesPdf(30);
    expect(refusal(() => checkInput(pdf, "a.pdf", { maxPages: 20 }))).toBe("a.pdf: read: the PDF has 30 pages, over the limit of 20 (raise it with --max-pages)");
    expect(refusal(() => checkInput(pdf, "a.pdf", { maxPages: 30 }))).toBe("accepted");
  });

  it("refuse a PDF cut before its end marker", () => {
    const pdf = emptyPagesPdf(3);
    expect(refusal(() => checkInput(pdf.subarray(0, pdf.length - 40), "a.pdf"))).toMatch(/truncated/);
  });

  it("refuse binary noise named .txt", () => {
    expect(refusal(() => checkInput(readFileSync(join(HOSTILE_DIR, "noise.txt")), "noise.txt"))).toMatch(/binary data/);
  });

  it("accept text in every encoding vnplan decodes: UTF-8, UTF-16 with a BOM, TCVN3 and VISCII bytes", () => {
    expect(refusal(() => checkInput(Buffer.from(PLAN_TEXT), "a.txt"))).toBe("accepted");
    expect(refusal(() => checkInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN_TEXT, "utf16le")]), "a.txt"))).toBe("accepted");
    // "KÕ ho¹ch" in TCVN3 (.VnTime) bytes; VISCII puts some letters on C0 codes (0x02, 0x05, 0x06, 0x14, 0x19, 0x1e).
    const tcvn3 = Buffer.from("K\u00d5 ho\u00b9ch tæ chøc kiÓm tra\r\n", "latin1");
    expect(refusal(() => checkInput(Buffer.concat(Array(50).fill(tcvn3)), "a.txt"))).toBe("accepted");
    const viscii = Buffer.from("Vi\u00d5t Nam \u0002\u0005\u0006\u0014\u0019\u001e ch\u00f0ng\r\n", "latin1");
    expect(refusal(() => checkInput(Buffer.concat(Array(50).fill(viscii)), "a.txt"))).toBe("accepted");
  });
});
