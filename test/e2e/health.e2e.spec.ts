import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { TokenService } from '../../src/auth/token.service.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { READ_STORE, type ReadStore } from '../../src/read-store/read-store.port.js';
import { newEvent, sleep } from '../support/events.js';

describe('the running service on the embedded default', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let base: string;
  let operator: { authorization: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-e2e-'));
    app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    operator = { authorization: `Bearer ${app.get(TokenService).sign({ userId: 'operator', roles: [] })}` };
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it('answers the health query over HTTP, with the backlog in events for a caller with a token', async () => {
    const { status, body } = await graphql('{ health { eventStore readStore projections { name state eventsBehind } } }', operator);
    expect(status).toBe(200);
    expect(body.data.health).toEqual({
      eventStore: 'UP',
      readStore: 'UP',
      projections: PROJECTIONS.map(({ name }) => ({ name, state: 'RUNNING', eventsBehind: 0 })),
    });
  });

  it('tells a caller without a token whether it works, not where the log stands (review finding 15)', async () => {
    const open = await graphql('{ health { eventStore readStore projections { name state lagSeconds } } }');
    expect(open.body.data.health).toMatchObject({ eventStore: 'UP', readStore: 'UP', projections: PROJECTIONS.map(({ name }) => ({ name, state: 'RUNNING', lagSeconds: 0 })) });
    for (const field of ['checkpoint', 'eventsBehind', 'error']) {
      const { body } = await graphql(`{ health { projections { ${field} } } }`);
      expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body.data ?? null)).not.toMatch(/\d{2,}/);
    }
  });

  it('serves GET /health and folds new events into the read models in the same process', async () => {
    const events = app.get<EventStore>(EVENT_STORE);
    const projectId = randomUUID();
    const lead = { title: '焊接机器人工作站', customer: '苏州精工', ownerId: 'am-li', region: 'EAST', productLine: 'ROBOT_CELL', estimatedAmount: { amount: 100, currency: 'CNY' } };
    await events.append(`project-${projectId}`, [newEvent('LeadRegistered', lead), newEvent('TrackingNoteAdded', { kind: 'CALL', note: 'called' })], 'NO_STREAM');
    const reads = app.get<ReadStore>(READ_STORE);
    for (let i = 0; i < 100 && (await reads.findOne(PIPELINE_CARDS, { _id: projectId }))?.revision !== 1; i++) await sleep(20);
    expect(await reads.findOne(PIPELINE_CARDS, { _id: projectId })).toMatchObject({ revision: 1, title: lead.title, stage: 'LEAD' });

    const response = await fetch(`${base}/health`, { headers: operator });
    expect(response.status).toBe(200);
    const health = (await response.json()) as { projections: unknown[] };
    expect(health).toMatchObject({ status: 'ok', eventStore: 'UP', readStore: 'UP' });
    expect(health.projections[0]).toMatchObject({ name: 'pipeline-board', eventsBehind: 0, lagSeconds: 0, checkpoint: expect.any(String) });
  });

  it('serves GET /health without a token as UP/DOWN per store and read model, with no log position or count (review finding 15)', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const response = await fetch(`${base}/health`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', eventStore: 'UP', readStore: 'UP', projections: PROJECTIONS.map(({ name }) => ({ name, state: 'RUNNING' })) });
    }
  });

  it('serves Prometheus metrics with the lag of every projection, in events for a scrape with a token', async () => {
    const response = await fetch(`${base}/metrics`, { headers: operator });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const { name } of PROJECTIONS) expect(text).toContain(`psm_projection_events_behind{projection="${name}"} 0`);
    expect(text).toContain('psm_projection_lag_seconds{projection="pipeline-board"} 0');
    expect(text).toContain('psm_store_up{store="event"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves Prometheus metrics without a token with no event counts (review finding 15)', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('psm_store_up{store="event"} 1');
    expect(text).toContain('psm_projection_lag_seconds{projection="pipeline-board"} 0');
    expect(text).not.toContain('psm_projection_events_behind');
  });

  it('serves GraphiQL', async () => {
    const response = await fetch(`${base}/graphiql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphiql');
  });

  it('answers a malformed query with a coded error', async () => {
    const { body } = await graphql('{ health { nope } }');
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
