/** Dates are shown in Asia/Shanghai whatever the browser's zone (ARCHITECTURE.md: "shown in Asia/Shanghai by default"). */
const ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as YYYY-MM-DD HH:mm in Shanghai. */
export function shanghaiDateTime(iso: string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A wall-clock time picked as Shanghai's (YYYY-MM-DD HH:mm) as an instant, ISO-8601 UTC. */
export const shanghaiInstant = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();

/** For a picker of Shanghai wall-clock days: whether `day` (its YYYY-MM-DD) is after today in Shanghai, whatever the browser's zone. */
export const isAfterShanghaiToday = (day: { format: (pattern: string) => string }): boolean =>
  day.format('YYYY-MM-DD') > shanghaiDateTime(new Date().toISOString()).slice(0, 10);
