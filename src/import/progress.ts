// Import progress on stderr: a bar on a terminal, a plain line every few
// seconds otherwise (logs, CI), nothing when asked to be quiet.
import cliProgress from "cli-progress";
import type { ImportProgress } from "./run.js";

export interface ProgressReporter {
  update(p: ImportProgress): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: "{bar} {value}/{total} files | {pagesPerSecond} pages/s | {failed} failed | ETA {eta_formatted}",
        etaBuffer: 50,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { pagesPerSecond: rate(p.pages, p.elapsedMs), failed: p.failed };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  let lastLine = "";
  return {
    update(p) {
      const now = p.elapsedMs;
      if (now - last < PLAIN_EVERY_MS && p.done < p.total) return;
      last = now;
      const line = plainLine(p);
      if (line !== lastLine) stream.write(line + "\n");
      lastLine = line;
    },
    stop() {},
  };
}

export function plainLine(p: ImportProgress): string {
  const eta = p.done > 0 && p.done < p.total ? `, ETA ${Math.ceil(((p.total - p.done) * p.elapsedMs) / p.done / 1000)} s` : "";
  return `import: ${p.done}/${p.total} files, ${rate(p.pages, p.elapsedMs)} pages/s, ${p.failed} failed${eta}`;
}

function rate(pages: number, ms: number): string {
  return ms > 0 ? ((pages * 1000) / ms).toFixed(1) : "0.0";
}
