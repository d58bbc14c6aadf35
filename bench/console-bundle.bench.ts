import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runLine, writeSection } from './results.js';

/**
 * What the console's first screen ships (issue 17: under 500 KB of JavaScript gzipped): the entry and,
 * for a signed-in user opening the board, the layout's and the board's lazy chunks, each with every
 * chunk they import statically. From web/dist as `npm run build` left it.
 */
const DIST = 'web/dist';
type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const screens: Array<[string, string[]]> = [
  ['sign-in', ['index.html', 'src/features/sign-in/sign-in-page.tsx']],
  ['board (signed in)', ['index.html', 'src/app/console-layout.tsx', 'src/features/board/board-page.tsx']],
  ['my work (signed in)', ['index.html', 'src/app/console-layout.tsx', 'src/features/my-work/my-work-page.tsx']],
  // ECharts comes with the reports alone
  ['monthly report (signed in)', ['index.html', 'src/app/console-layout.tsx', 'src/features/reports/monthly-report-page.tsx']],
  ['quarterly report (signed in)', ['index.html', 'src/app/console-layout.tsx', 'src/features/reports/quarterly-report-page.tsx']],
];
const rows = screens.map(([name, keys]) => {
  const chunks = [...closure(keys)].map((key) => manifest[key]);
  const js = chunks.reduce((sum, chunk) => sum + gzipped(chunk.file), 0);
  const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].reduce((sum, file) => sum + gzipped(file), 0);
  return `| ${name} | ${chunks.length} | ${kb(js)} | ${kb(css)} |`;
});
const body = `${runLine('web/dist as built')}

The first screen's files, gzipped (level 9); CSS is mostly the self-hosted font's @font-face rules (the
font files themselves load by unicode range, as the page's text needs them).

| first screen | JS files | JavaScript | CSS |
|---|---|---|---|
${rows.join('\n')}
`;
process.stdout.write(`${body}\n`);
writeSection('Console bundle', body);
