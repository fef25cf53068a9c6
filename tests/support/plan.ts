// Builds a segmented plan from lines, one paragraph per line, so extractor
// tests can state their input as the sentences of a plan. A line "## II/1"
// sets the section path of the lines below it (and is not part of the text);
// a line starting with "|" is a table row.
import type { Block, Segmented } from "../../src/segment/types.js";

export function plan(lines: string[], year: number | null = 2025): Segmented {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let path: string[] = ["I"];
  let at = 0;
  for (const line of lines) {
    const set = /^## (.+)$/.exec(line);
    if (set) {
      path = set[1].split("/");
      continue;
    }
    const closing = /^\W*Nơi nhận/i.test(line) || blocks.at(-1)?.region === "closing";
    blocks.push({
      start: at,
      end: at + line.length,
      kind: line.startsWith("|") ? "row" : "text",
      strong: false,
      region: closing ? "closing" : "body",
      path: closing ? [] : path,
      section: closing ? "closing" : path.join("/"),
      heading: false,
      labelLength: 0,
    });
    parts.push(line);
    at += line.length + 1;
  }
  return {
    text: parts.join("\n"),
    document: {
      typeCode: "KH",
      typeName: "KẾ HOẠCH",
      title: null,
      symbol: null,
      issuer: [],
      draft: false,
      place: null,
      date: null,
      year,
      signer: { authority: null, position: null, name: null },
      recipients: [],
      recipientCount: null,
    },
    sections: [],
    blocks,
  };
}
