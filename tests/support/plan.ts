// Builds a segmented plan from lines, one paragraph per line, so extractor
// tests can state their input as the sentences of a plan. A line "## II/1"
// (not part of the text) makes the next line the numbered heading of section
// II/1, which holds the lines below it up to the next heading. A line
// "| a | b |" is a table row, written as normalize writes rows ("a | b", with
// cell ranges); a separator row "|---|---|" is dropped.
import type { Section } from "../../src/contract/schema.js";
import type { Block, Segmented } from "../../src/segment/types.js";

const LABEL = /^\s*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)-]\s*/;

export function plan(lines: string[], year: number | null = 2025): Segmented {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let path: string[] = ["I"];
  let at = 0;
  let heading = false;
  const flat: Section[] = [];
  for (const raw of lines) {
    const set = /^## (.+)$/.exec(raw);
    if (/^\|[\s|:-]*$/.test(raw)) continue;
    const cellTexts = raw.startsWith("|") ? raw.replace(/^\||\|$/g, "").split("|").map((c) => c.trim()) : null;
    const line = cellTexts ? cellTexts.join(" | ") : raw;
    let c = at;
    const cells = cellTexts?.map((t) => {
      const span = { start: c, end: c + t.length };
      c += t.length + 3;
      return span;
    });
    if (set) {
      path = set[1].split("/");
      heading = true;
      continue;
    }
    const label = heading ? (LABEL.exec(line)?.[0].length ?? 0) : 0;
    if (heading) {
      flat.push({
        path,
        section: path.join("/"),
        label: path[path.length - 1],
        title: line.slice(label).split(/[.:]\s/)[0].trim(),
        level: path.length,
        span: { start: at, end: at },
        page: null,
        children: [],
      });
    }
    const closing = /^\W*Nơi nhận/i.test(line) || blocks.at(-1)?.region === "closing";
    blocks.push({
      start: at,
      end: at + line.length,
      kind: cells ? "row" : "text",
      ...(cells ? { cells } : {}),
      strong: false,
      region: closing ? "closing" : "body",
      path: closing ? [] : path,
      section: closing ? "closing" : path.join("/"),
      heading,
      labelLength: label,
    });
    heading = false;
    parts.push(line);
    at += line.length + 1;
  }
  // A section runs to the next heading that is not below it; children nest by path.
  const sections: Section[] = [];
  flat.forEach((s, i) => {
    const next = flat.slice(i + 1).find((n) => !n.section.startsWith(`${s.section}/`));
    s.span.end = next ? next.span.start - 1 : Math.max(at - 1, s.span.start);
    const parent = flat
      .slice(0, i)
      .reverse()
      .find((p) => s.section.startsWith(`${p.section}/`));
    (parent ? parent.children : sections).push(s);
  });
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
    sections,
    blocks,
  };
}
