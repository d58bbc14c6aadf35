/** One small multiple: a figure measured at each size, and optionally what it would be if it grew like something else. */
export interface Panel {
  title: string;
  unit: string;
  values: number[];
  /** Drawn dashed, e.g. the figure at the smallest size grown as the answer grew. */
  reference?: { label: string; values: number[] };
}

const WIDTH = 300;
const HEIGHT = 200;
const MARGIN = { left: 52, right: 16, top: 30, bottom: 34 };
const COLUMNS = 3;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sizeLabel = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));
const short = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function panel({ title, unit, values, reference }: Panel, sizes: number[], x0: number, y0: number): string {
  const [plotW, plotH] = [WIDTH - MARGIN.left - MARGIN.right, HEIGHT - MARGIN.top - MARGIN.bottom];
  const [lo, hi] = [Math.log10(sizes[0]), Math.log10(sizes.at(-1)!)];
  const x = (i: number) => x0 + MARGIN.left + (hi === lo ? plotW / 2 : ((Math.log10(sizes[i]) - lo) / (hi - lo)) * plotW);
  const top = Math.max(...values, ...(reference?.values ?? [])) * 1.15 || 1;
  const y = (value: number) => y0 + MARGIN.top + plotH - (value / top) * plotH;
  const line = (series: number[]) => series.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const bottom = y0 + MARGIN.top + plotH;
  return [
    `<text x="${x0 + WIDTH / 2}" y="${y0 + 18}" text-anchor="middle" font-weight="bold">${escape(title)}</text>`,
    `<line x1="${x0 + MARGIN.left}" y1="${bottom}" x2="${x0 + WIDTH - MARGIN.right}" y2="${bottom}" stroke="#444"/>`,
    `<line x1="${x0 + MARGIN.left}" y1="${y0 + MARGIN.top}" x2="${x0 + MARGIN.left}" y2="${bottom}" stroke="#444"/>`,
    ...[0, top / 2, top].map((tick) => `<text x="${x0 + MARGIN.left - 4}" y="${y(tick) + 4}" text-anchor="end" font-size="10">${short(tick)}</text>`),
    `<text x="${x0 + 12}" y="${y0 + MARGIN.top + plotH / 2}" font-size="10" transform="rotate(-90 ${x0 + 12} ${y0 + MARGIN.top + plotH / 2})" text-anchor="middle">${escape(unit)}</text>`,
    ...sizes.map((size, i) => `<text x="${x(i)}" y="${bottom + 14}" text-anchor="middle" font-size="10">${sizeLabel(size)}</text>`),
    reference ? `<polyline points="${line(reference.values)}" fill="none" stroke="#999" stroke-dasharray="4 3"/><text x="${x0 + WIDTH - MARGIN.right}" y="${y0 + MARGIN.top - 2}" text-anchor="end" font-size="9" fill="#777">dashed: ${escape(reference.label)}</text>` : '',
    `<polyline points="${line(values)}" fill="none" stroke="#1f6feb" stroke-width="2"/>`,
    ...values.map((value, i) => `<circle cx="${x(i)}" cy="${y(value)}" r="3" fill="#1f6feb"/><text x="${x(i)}" y="${y(value) - 6}" text-anchor="middle" font-size="10">${short(value)}</text>`),
  ].join('\n');
}

/** Small multiples, one per figure, each against the number of projects on a log scale. */
export function scalingChart(sizes: number[], panels: Panel[]): string {
  const rows = Math.ceil(panels.length / COLUMNS);
  const [width, height] = [COLUMNS * WIDTH, rows * HEIGHT + 30];
  const body = panels.map((p, i) => panel(p, sizes, (i % COLUMNS) * WIDTH, 30 + Math.floor(i / COLUMNS) * HEIGHT));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">PSM scaling: each figure against the number of projects (≈50 events each, log scale)</text>
${body.join('\n')}
</svg>
`;
}
