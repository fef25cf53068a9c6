// OCR of PDF pages without a text layer: pdftoppm renders the page, Tesseract
// reads it with its Vietnamese model. Both are optional system tools
// (poppler-utils, tesseract-ocr, tesseract-ocr-vie); without them the page is
// reported, not read.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const OCR_INSTALL_HINT = "install poppler-utils, tesseract-ocr and tesseract-ocr-vie to read scanned pages";

let available: string | null | undefined;

/** Null when OCR can run; otherwise why not, with what to install. */
export function ocrUnavailable(): string | null {
  if (available !== undefined) return available;
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8", timeout: 10_000 });
  const pdftoppm = ok("pdftoppm", ["-v"]);
  const tess = ok("tesseract", ["--list-langs"]);
  if (pdftoppm.error) available = `pdftoppm is not installed: ${OCR_INSTALL_HINT}`;
  else if (tess.error) available = `tesseract is not installed: ${OCR_INSTALL_HINT}`;
  else if (!/^vie$/m.test(`${tess.stdout}${tess.stderr}`)) available = `Tesseract's Vietnamese model is missing: install tesseract-ocr-vie`;
  else available = null;
  return available;
}

export interface OcrSession {
  page(n: number): Promise<string>;
  close(): Promise<void>;
}

/** Opens a PDF for OCR page by page; one temporary directory per document. */
export async function openOcr(pdf: Uint8Array, dpi = 300): Promise<OcrSession> {
  const dir = await mkdtemp(join(tmpdir(), "vnplan-ocr-"));
  const file = join(dir, "in.pdf");
  await writeFile(file, pdf);
  const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
  return {
    async page(n: number) {
      const prefix = join(dir, `p${n}`);
      await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", "-singlefile", "-f", String(n), "-l", String(n), file, prefix], { env });
      const { stdout } = await run("tesseract", [`${prefix}.png`, "-", "-l", "vie"], { env, maxBuffer: 32 * 1024 * 1024 });
      await rm(`${prefix}.png`, { force: true });
      return stdout.normalize("NFC");
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
