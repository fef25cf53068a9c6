// vnplan's own error: every failure the library reports for bad input is one
// of these, naming the file (when known), the stage and the reason.
export type Stage = "read" | "detect" | "ingest" | "normalize" | "segment" | "extract" | "validate" | "store";

export class VnplanError extends Error {
  readonly stage: Stage;
  readonly file: string | null;
  constructor(stage: Stage, message: string, options: { file?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "VnplanError";
    this.stage = stage;
    this.file = options.file ?? null;
  }

  /** One line: "FILE: stage: reason". */
  toLine(): string {
    return `${this.file ?? "<input>"}: ${this.stage}: ${this.message}`;
  }
}
