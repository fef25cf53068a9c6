// The closing: "Nơi nhận" with its recipient lines, and the signature
// (authority line, position, name). Works on pieces so that both layouts
// read alike: the two columns side by side ("Nơi nhận:\tCHỦ TỊCH") or one
// after the other.
import type { Signer } from "../contract/schema.js";
import { trimTrailing, type Piece } from "./pieces.js";
import { bulletAt } from "./numbering.js";
import {
  afterRecipientsHeading,
  authorityPrefix,
  isAnnotationOnly,
  isKnownPosition,
  isPersonName,
  isSignatureNote,
  isTitleLine,
} from "./vocabulary.js";

export interface ClosingMeta {
  recipients: string[];
  /** Recipient lines; null when there is no "Nơi nhận". */
  recipientCount: number | null;
  signer: Signer;
}

export function readClosing(pieces: Piece[]): ClosingMeta {
  const recipients: string[] = [];
  const signature: string[] = [];
  // Physical lines, as the guideline counts them: a recipient wrapped onto a second line counts twice.
  let lines = 0;
  let heading = false;
  let listing = false;
  for (const p of pieces) {
    let t = p.text;
    const rest = afterRecipientsHeading(t);
    if (rest !== null) {
      heading = true;
      listing = true;
      t = rest.trim();
      if (!t) continue;
    }
    if (isAnnotationOnly(t) || isSignatureNote(t.replace(/^[(\[]|[)\]]$/g, ""))) continue;
    if (listing && isRecipientLine(t, p.column) && !authorityPrefix(t) && !isKnownPosition(t)) {
      // Several recipients run into one line: "- Như Điều 3; - Lưu: VT."
      const before = recipients.length;
      for (const r of t.split(/(?<=[;,.])\s+(?=[-+•]\s)/)) if (!isAnnotationOnly(r)) recipients.push(cleanRecipient(r));
      lines += Math.max(recipients.length - before, p.lines);
      continue;
    }
    if (p.column === 0) listing = false; // the list ends at the first left-column line that is not a recipient
    signature.push(t);
  }
  return { recipients, recipientCount: heading ? lines : null, signer: readSigner(signature) };
}

/** A recipient line: a bullet, or in the left column a continuation ("(Ban Tuyên giáo)", "và UBND ...") or "Lưu ...". */
function isRecipientLine(t: string, column: number): boolean {
  if (bulletAt(t) > 0) return true;
  if (column !== 0) return false;
  return /^[(\p{Ll}]/u.test(t) || /^Lưu\b/iu.test(t) || (/[;,.]$/.test(t) && !isTitleLine(t) && !isPersonName(t));
}

function cleanRecipient(t: string): string {
  return trimTrailing(t.slice(bulletAt(t)), " \t,;.").trim();
}

/** Authority line, then title lines, then the name; later lines (honours) are ignored. */
function readSigner(lines: string[]): Signer {
  let authority: string | null = null;
  let position: string | null = null;
  let name: string | null = null;
  for (const l of lines) {
    if (!authority && !position && authorityPrefix(l) > 0) {
      authority = l;
      continue;
    }
    if (isPersonName(l) && (position || authority)) {
      name = l;
      break;
    }
    if (isTitleLine(l) || isKnownPosition(l)) position = l;
  }
  if (!name) name = lines.find((l) => isPersonName(l)) ?? null;
  return { authority, position, name };
}
