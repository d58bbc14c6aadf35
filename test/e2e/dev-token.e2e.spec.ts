import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../../src/auth/token.service.js';
import { loadConfig } from '../../src/config/app-config.js';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['dist/src/auth/dev-token.cli.js', ...args], { env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8' });

describe('npm run token (embedded default)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'psm-token-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a token the service accepts, carrying the user and roles', async () => {
    const result = cli(dir, '--user', 'u1', '--roles', 'ACCOUNT_MANAGER,REVIEWER', '--name', '李明');
    expect(result.status).toBe(0);
    const actor = await new TokenService(loadConfig({ DATA_DIR: dir })).verify(`Bearer ${result.stdout.trim()}`);
    expect(actor).toEqual({ userId: 'u1', name: '李明', roles: ['ACCOUNT_MANAGER', 'REVIEWER'] });
  });

  it('refuses an unknown role with its usage', () => {
    const result = cli(dir, '--user', 'u1', '--roles', 'KING');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown role\(s\): KING/);
  });

  it('a token signed with another secret, or with alg none, is refused', async () => {
    const other = mkdtempSync(join(tmpdir(), 'psm-token-other-'));
    const foreign = cli(other, '--user', 'u1', '--roles', 'ADMIN').stdout.trim();
    rmSync(other, { recursive: true, force: true });
    const tokens = new TokenService(loadConfig({ DATA_DIR: dir }));
    await expect(tokens.verify(`Bearer ${foreign}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u1","roles":["ADMIN"],"iss":"psm","aud":"psm"}').toString('base64url')}.`;
    await expect(tokens.verify(`Bearer ${unsigned}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
