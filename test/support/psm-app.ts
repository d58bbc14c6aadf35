import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/application/clock.js';
import { TokenService } from '../../src/auth/token.service.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import type { Role } from '../../src/domain/project/vocabulary.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions: { code: string; domainCode?: string; details?: unknown } }>;
}

/** The real service on embedded stores in a temporary directory, spoken to over HTTP. */
export class PsmApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
    readonly dir: string,
  ) {}

  /** `env` lays configuration over the test defaults (rate limits, token keys, NODE_ENV…). */
  static async start(env: Record<string, string> = {}): Promise<PsmApp> {
    const dir = mkdtempSync(join(tmpdir(), 'psm-e2e-'));
    const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }));
    await app.listen(0, '127.0.0.1');
    return new PsmApp(app, await app.getUrl(), dir);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Waits until every read model has folded in the whole log. */
  async caughtUp(): Promise<void> {
    const operator = this.tokenFor('operator');
    for (let i = 0; i < 300; i++) {
      const { data } = await this.graphql('{ health { projections { eventsBehind } } }', {}, operator);
      if (data.health.projections.every((projection: { eventsBehind: number }) => projection.eventsBehind === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the read models did not catch up');
  }

  /** The position of the last event in the log: a refused request leaves it where it was. */
  async logHead(): Promise<string | undefined> {
    const head = await this.app.get<EventStore>(EVENT_STORE).head();
    return head === undefined ? undefined : String(head.position);
  }

  /** Commands are decided at `instant` from now on (undefined: at the real time again); the read side keeps the real time, so a limit set then may have run out. */
  decideAt(instant: Date | undefined): void {
    const clock = this.app.get(Clock, { strict: false });
    if (instant) clock.now = () => new Date(instant);
    else Reflect.deleteProperty(clock, 'now');
  }

  tokenFor(userId: string, ...roles: Role[]): string {
    return this.app.get(TokenService).sign({ userId, roles });
  }

  async graphql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Runs one mutation as a user: `as('am-li', 'ACCOUNT_MANAGER').do('screenLead', {...})`. */
  as(userId: string, ...roles: Role[]) {
    const token = this.tokenFor(userId, ...roles);
    return {
      do: (mutation: string, input: Record<string, unknown>) =>
        this.graphql(
          `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { projectId revision stage events { type revision data } } }`,
          { input: { commandId: randomUUID(), ...input } },
          token,
        ),
    };
  }
}

export const sha = (text: string) => createHash('sha256').update(text).digest('hex');
export const docOf = (title: string) => ({ title, uri: `https://dms.example.test/${encodeURIComponent(title)}`, sha256: sha(title) });
export const cny = (yuan: number) => ({ amount: yuan * 100, currency: 'CNY' });
