// Garbage text layers are told apart from writing, including raw pre-Unicode text.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unreadableWarning } from "../src/unreadable.js";

const seeds = join(import.meta.dirname, "..", "fixtures", "seeds");
const originalsText = join(import.meta.dirname, "..", "..", "shared", "originals", "text");

describe("unreadableWarning", () => {
  it("passes every seed plan", () => {
    for (const f of readdirSync(seeds)) expect(unreadableWarning(readFileSync(join(seeds, f), "utf8")), f).toBeNull();
  });

  it.skipIf(!existsSync(originalsText))("passes raw TCVN3 and VNI text before it is decoded", () => {
    for (const f of readdirSync(originalsText)) expect(unreadableWarning(readFileSync(join(originalsText, f), "utf8")), f).toBeNull();
  });

  it("flags a text layer of symbols that spell nothing", () => {
    const line = "~¬º¼¶© ~Đ°³<¿ ¼ª%÷²# ·]¿²¼© °¸ª¬÷¸ |¯^¼~« ß$¶%¨½ ½×°¶» ¹³¶ º± ³>#·§¾ °ßđ²®³\n";
    expect(unreadableWarning(line.repeat(10))).toMatch(/unreadable \(\d+% .*--ocr always/);
  });

  it("flags private-use glyph codes left by fonts without a Unicode map", () => {
    const pua = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0xe000 + (i % 90)) + (i % 6 === 5 ? " " : "")).join("");
    expect(unreadableWarning(pua)).not.toBeNull();
  });

  it("judges a long text on its start, middle and end", () => {
    const prose = "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện năm 2026.\n";
    const garbage = "\ue001\ue002\ue003 \ue004\ue005 \ue006\ue007\ue008\ue009\n";
    const side = prose.repeat(2000);
    // Garbage over the middle window: a third of the characters read are odd.
    expect(unreadableWarning(side + garbage.repeat(4000) + side)).toMatch(/unreadable \(3\d% /);
    // The same garbage between the windows is not read.
    expect(unreadableWarning(side + garbage.repeat(4000) + side + side + garbage.repeat(4000) + side)).toBeNull();
  });

  it("does not judge a text too short to tell", () => {
    expect(unreadableWarning("©®±×÷")).toBeNull();
  });
});
