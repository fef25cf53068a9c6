// A cheap test before an anchored regex that opens with bullets and then one of a few words
// ("^[-*+• ]*(?:Thời gian|Tiến độ)..."): most paragraphs open with another letter, and one
// look at it spares slicing the paragraph and running the regex.

/** Classes of a character code, filled on first sight. */
const UNSEEN = 0;
const SKIP = 1;
const FIRST = 2;
const OTHER = 3;

/**
 * `skip`: the class of one bullet character as the regex writes it; `words`: what may follow the
 * bullets. Returns whether the regex could match text[from, to): the first character after the
 * bullets must be able to open one of the words under `flags` (case folding included).
 */
export function openingTest(skip: string, words: readonly string[], flags: string): (text: string, from: number, to: number) => boolean {
  const skipRe = new RegExp(`^${skip}$`, flags);
  const firstRe = new RegExp(`^(?:${[...new Set(words.map((w) => w[0]))].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`, flags);
  const classes = new Uint8Array(0x10000);
  const classOf = (c: number) => {
    let k = classes[c];
    if (k === UNSEEN) {
      const ch = String.fromCharCode(c);
      k = skipRe.test(ch) ? SKIP : firstRe.test(ch) ? FIRST : OTHER;
      classes[c] = k;
    }
    return k;
  };
  return (text, from, to) => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      // A surrogate half says nothing alone: leave the decision to the regex.
      if (c >= 0xd800 && c <= 0xdfff) return true;
      const k = classOf(c);
      if (k !== SKIP) return k === FIRST;
    }
    return false;
  };
}
