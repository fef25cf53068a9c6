// Document metadata: type, trích yếu, header fields and closing fields,
// gathered from the regions found by segment().
import type { DocumentMeta } from "../contract/schema.js";
import type { ClosingMeta } from "./closing.js";
import type { HeaderMeta } from "./header.js";

export function documentMeta(
  type: { name: string; code: string } | null,
  title: string | null,
  header: HeaderMeta,
  closing: ClosingMeta | null,
): DocumentMeta {
  const symbolYear = header.symbol ? /\/((?:19|20)\d\d)\//.exec(header.symbol)?.[1] : undefined;
  const titleYear = title ? /năm\s+((?:19|20)\d\d)\b/iu.exec(title)?.[1] : undefined;
  return {
    typeCode: type?.code ?? null,
    typeName: type?.name ?? null,
    title,
    symbol: header.symbol,
    issuer: header.issuer,
    draft: header.draft,
    place: header.place,
    date: header.date,
    year: header.year ?? (symbolYear ? Number(symbolYear) : titleYear ? Number(titleYear) : null),
    signer: closing?.signer ?? { authority: null, position: null, name: null },
    recipients: closing?.recipients ?? [],
    recipientCount: closing?.recipientCount ?? null,
  };
}
