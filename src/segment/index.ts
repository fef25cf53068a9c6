// segment: normalized paragraphs → header, preamble, numbered sections and closing.
import type { Normalized } from "../normalize/types.js";
import type { Segmented } from "./types.js";

export type { Block, Region, Segmented } from "./types.js";

export function segment(norm: Normalized): Segmented {
  return {
    text: norm.text,
    document: {
      typeCode: null,
      typeName: null,
      title: null,
      symbol: null,
      issuer: [],
      draft: false,
      place: null,
      date: null,
      year: null,
      signer: { authority: null, position: null, name: null },
      recipients: [],
      recipientCount: null,
    },
    sections: [],
    blocks: norm.paragraphs.map((p) => ({ ...p, region: "preamble", path: [], section: "preamble", heading: false, labelLength: 0 })),
  };
}
