import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Run { stdout: string; status: number | null }

/**
 * `npm run soak` in miniature: a few seconds, a few users, no history, nothing recorded. Its users think between
 * requests, so a run mostly waits: the three runs go side by side.
 */
const soak = (env: Record<string, string> = {}, ...extra: string[]): Promise<Run> => {
  if (!existsSync('dist/bench/soak.js')) throw new Error('run `npm run build` first (npm test does)');
  const args = ['dist/bench/soak.js', '--minutes', '0.05', '--users', '4', '--history', '0', '--warmup-minutes', '0', '--sample-seconds', '1', '--dry-run', ...extra];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout) =>
      resolve({ stdout, status: error ? (typeof error.code === 'number' ? error.code : null) : 0 }));
  });
};

describe('the soak (npm run soak)', () => {
  let runs: { walk: Promise<Run>; readsOnly: Promise<Run>; rateLimited: Promise<Run> };
  beforeAll(() => {
    runs = {
      walk: soak(),
      readsOnly: soak({}, '--reads-only'),
      // one request per person a minute: refused once someone of a team asks twice, by the walk's fifth command (the engineer's
      // second) if no query did before; 9 s reach it however slowly a loaded machine answers (in 3 s a starved one let four users
      // ask twice each without repeating anyone)
      rateLimited: soak({ RATE_LIMIT_MAX: '1' }, '--minutes', '0.15'),
    };
  });

  it('drives the service over loopback and finds every acknowledged command in the log', async () => {
    const { stdout } = await runs.walk;
    expect(stdout).toMatch(/\| unexpected errors \| 0 \|/);
    expect(stdout).toMatch(/missing from the log: 0 \|/);
    expect(stdout).toMatch(/\| refused commands found in the log \| 0 \|/);
    expect(Number(/expected domain refusals \| ([\d,]+)/.exec(stdout)?.[1].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(stdout).toMatch(/\| commands \| [\d,]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
  }, 60_000);

  it('with --reads-only sends queries and no command', async () => {
    const { stdout } = await runs.readsOnly;
    expect(stdout).toMatch(/\| acknowledged commands \| 0; missing from the log: 0 \|/);
    expect(stdout).toMatch(/\| queries \| [1-9][\d,]* \|/);
    expect(stdout).toMatch(/\| unexpected errors \| 0 \|/);
  }, 60_000);

  it('counts refusals the walk did not expect as unexpected errors and fails', async () => {
    const { stdout, status } = await runs.rateLimited;
    expect(stdout).toMatch(/\*\*FAIL\*\*/);
    expect(stdout).toMatch(/unexpected errors \| [1-9][\d,]* \(.*TOO_MANY_REQUESTS/);
    expect(status).toBe(1);
  }, 60_000);
});
