// Identity of cited documents. A key merges one document written differently
// (01-CT/UBND and 01/CT-UBND, "UBND tỉnh" and "Ủy ban nhân dân tỉnh") and keeps
// apart documents that share a symbol but not a body or a date. A mention
// without a date takes the key of the one dated mention it can only be.
import { foldCode } from "./fold.js";
import { issuerKey, issuerLevel } from "./issuer.js";

export interface KeyInput {
  typeCode: string | null;
  number: string;
  /** Year written inside the symbol (30/2020/NĐ-CP). */
  symbolYear: number | null;
  issuerCode: string | null;
  date: string | null;
  issuer: string | null;
}

/** The symbol part of a key: type, number without leading zeros, symbol year, issuer code. */
export function symbolKey(c: KeyInput): string {
  const n = /^\d+$/.test(c.number) ? String(Number(c.number)) : foldCode(c.number);
  return `${foldCode(c.typeCode ?? "")}:${n}${c.symbolYear ? `/${c.symbolYear}` : ""}:${foldCode(c.issuerCode ?? "")}`;
}

/** Can both issuers name the same body? Unknown matches anything; differing levels never match. */
export function sameBody(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const la = issuerLevel(a);
  const lb = issuerLevel(b);
  if (la && lb && la !== lb) return false;
  const ka = issuerKey(a);
  const kb = issuerKey(b);
  return ka.includes(kb) || kb.includes(ka);
}

/** Keys for the citations of one document, in the same order. */
export function citationKeys(items: readonly KeyInput[]): string[] {
  const bases = items.map(symbolKey);
  const keys = items.map((c, i) => (c.date ? `${bases[i]}@${c.date}` : ""));
  // The dated mentions of each symbol: an undated one is compared with those alone, not with every mention.
  const dated = new Map<string, number[]>();
  for (let j = 0; j < items.length; j++) {
    if (!keys[j]) continue;
    const same = dated.get(bases[j]);
    if (same) same.push(j);
    else dated.set(bases[j], [j]);
  }
  return items.map((c, i) => {
    if (keys[i]) return keys[i];
    const candidates = new Set<string>();
    for (const j of dated.get(bases[i]) ?? []) if (sameBody(c.issuer, items[j].issuer)) candidates.add(keys[j]);
    if (candidates.size === 1) return [...candidates][0];
    const level = c.issuer ? issuerLevel(c.issuer) : null;
    return level ? `${bases[i]}~${foldCode(level)}` : bases[i];
  });
}
