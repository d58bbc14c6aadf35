import { spawnSync } from 'node:child_process';

const start = (entry: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 20_000 });

describe('start-up with a bad configuration', () => {
  it.each(['dist/src/main.js', 'dist/projections/main.js'])('%s stops with one line naming the variable', (entry) => {
    const result = start(entry, { READ_STORE: 'mongodb' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('configuration: MONGODB_URI is not set: must be a mongodb:// URI\n');
  });
});
