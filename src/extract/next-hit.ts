// A search run forward over a text, asked in text order: "where is the next hit at or after
// this offset?" for block after block. Each search runs once per hit instead of once per block.

/** Wraps `search` (first hit at or after `from`, -1 when none) into a cursor; no hit reads as text.length. */
export function nextHit(text: string, search: (from: number) => number): (from: number) => number {
  let asked = Infinity;
  let hit = -1;
  return (from) => {
    if (from < asked || (hit >= 0 && hit < from)) {
      asked = from;
      hit = search(from);
    }
    return hit < 0 ? text.length : hit;
  };
}

/** The first match of the global `re` at or after `from`, as a search for `nextHit`. */
export function regexSearch(text: string, re: RegExp): (from: number) => number {
  return (from) => {
    re.lastIndex = from;
    return re.exec(text)?.index ?? -1;
  };
}
