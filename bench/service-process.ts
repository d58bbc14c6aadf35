import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadConfig } from '../src/config/app-config.js';
import { TokenService } from '../src/auth/token.service.js';
import type { Role } from '../src/domain/project/vocabulary.js';

export interface ServiceProcess {
  /** The GraphQL endpoint. */
  url: string;
  /** From spawn until /health reports every read model at the head of the log. */
  startSeconds: number;
  tokenFor(userId: string, role: Role): string;
  /** Resident memory of the service process, from /proc. */
  rssBytes(): number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () => new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

/** `node dist/src/main.js` on `dataDir`, on 127.0.0.1, as an operator starts it; resolves once it has caught up with the log. */
export async function startService(dataDir: string, timeoutSeconds = 600): Promise<ServiceProcess> {
  const env = { DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(await freePort()), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000', JWT_SECRET: randomBytes(36).toString('base64') };
  const base = `http://127.0.0.1:${env.PORT}`;
  const tokens = new TokenService(loadConfig(env));
  // positions and counts in /health are for a caller with a token
  const operator = { authorization: `Bearer ${tokens.sign({ userId: 'bench-operator', roles: [] })}` };
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null = null;
  void exited.then(() => (exitCode = child.exitCode));
  for (;;) {
    if (exitCode !== null) throw new Error(`the service exited with ${exitCode} while starting`);
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`the service did not catch up within ${timeoutSeconds} s`);
    const health = await fetch(`${base}/health`, { headers: operator }).then((response) => response.json() as Promise<{ projections?: Array<{ eventsBehind: number }> }>, () => undefined);
    if (health?.projections?.length && health.projections.every((projection) => projection.eventsBehind === 0)) break;
    await sleep(20);
  }
  const startSeconds = (performance.now() - started) / 1000;
  return {
    url: `${base}/graphql`,
    startSeconds,
    tokenFor: (userId, role) => tokens.sign({ userId, roles: [role] }),
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
