import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const FILE = 'bench/RESULTS.md';

/** The line that says when and where a run was made. */
export const runLine = (extra: string) => `${new Date().toISOString()} · Node ${process.version} · ${cpus()[0].model} × ${cpus().length} · ${extra}`;

/** A quick run (`BENCH_QUICK=1`) only prints: RESULTS.md holds full runs. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** Replaces one bench's section of RESULTS.md (from its heading to the next `## `), keeping the others; not in a quick run. */
export function writeSection(heading: string, body: string): void {
  if (QUICK) return;
  const text = readFileSync(FILE, 'utf8');
  const title = `## ${heading}`;
  const section = `${title}\n\n${body.trim()}\n`;
  const start = text.indexOf(title);
  if (start < 0) return writeFileSync(FILE, `${text.trimEnd()}\n\n${section}`);
  const next = text.indexOf('\n## ', start + title.length);
  writeFileSync(FILE, `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next)}`);
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
