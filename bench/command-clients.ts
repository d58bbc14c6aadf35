import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { Random } from '../src/demo/random.js';
import { projectWalk, teamOf, type SoakRequest } from './soak-walk.js';

/**
 * The load driver of the commands bench, in a worker thread so it does not share the service's event
 * loop: one client per team, each sending its next command as soon as the last is answered.
 */
export interface ClientsOrder {
  origin: string;
  teams: number[];
  /** A bearer token for every person of every team. */
  tokens: Record<string, string>;
  warmupSeconds: number;
  seconds: number;
}

export interface ClientsReport {
  latencies: number[];
  mix: Record<string, number>;
  elapsedSeconds: number;
}

/** Posted when the warm-up is over and the measured run starts, then the report when it ends. */
export type ClientsMessage = 'measuring' | ClientsReport;

/** Projects a client has open at once; each command goes to one of them. */
const OPEN_PROJECTS = 4;
/** Percent of commands that are a tracking note on an open project rather than its next step. */
const NOTE_CHANCE = 40;

type Command = Extract<SoakRequest, { kind: 'command' }>;

/** One client's working day: its team's projects walked step by step, tracking notes between the steps. */
function* workday(team: number, random: Random): Generator<Command> {
  const walk = () => {
    const projectId = randomUUID();
    return { projectId, steps: projectWalk(team, projectId, random).filter((step): step is Command => step.kind === 'command' && !step.refusedWith) };
  };
  const open = Array.from({ length: OPEN_PROJECTS }, walk);
  const { am } = teamOf(team);
  for (;;) {
    const index = random.int(0, open.length - 1);
    const project = open[index];
    // a note needs the lead registered
    if (project.steps[0].mutation !== 'registerLead' && random.chance(NOTE_CHANCE)) {
      yield { kind: 'command', userId: am, role: 'ACCOUNT_MANAGER', mutation: 'addTrackingNote', input: {
        projectId: project.projectId, kind: random.pick(['VISIT', 'CALL', 'EMAIL']), note: '跟进客户，确认技术要求与预算', nextAction: 'call back', nextActionOn: '2026-12-15',
      } };
      continue;
    }
    yield project.steps.shift()!;
    if (project.steps.length === 0) open[index] = walk();
  }
}

const order = workerData as ClientsOrder;
const pool = new Pool(order.origin, { connections: order.teams.length, pipelining: 1 });
const documentOf = (mutation: string) => `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { projectId revision stage } }`;

/** Sends one command with a fresh commandId; anything but an acknowledgement stops the bench. */
async function send({ userId, mutation, input }: Command): Promise<number> {
  const body = JSON.stringify({ query: documentOf(mutation), variables: { input: { commandId: randomUUID(), ...input } } });
  const start = performance.now();
  const response = await pool.request({
    path: '/graphql', method: 'POST', body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${order.tokens[userId]}` },
  });
  const answer = (await response.body.json()) as { data?: Record<string, { revision?: number }>; errors?: unknown };
  const elapsed = performance.now() - start;
  if (response.statusCode !== 200 || answer.errors || typeof answer.data?.[mutation]?.revision !== 'number') {
    throw new Error(`${mutation} by ${userId} answered ${response.statusCode}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return elapsed;
}

async function drive(days: Array<Generator<Command>>, seconds: number): Promise<ClientsReport> {
  const latencies: number[] = [];
  const mix: Record<string, number> = {};
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(days.map(async (day) => {
    while (performance.now() < until) {
      const command = day.next().value as Command;
      latencies.push(await send(command));
      mix[command.mutation] = (mix[command.mutation] ?? 0) + 1;
    }
  }));
  return { latencies, mix, elapsedSeconds: (performance.now() - start) / 1000 };
}

const days = order.teams.map((team) => workday(team, new Random(team)));
await drive(days, order.warmupSeconds);
parentPort!.postMessage('measuring' satisfies ClientsMessage);
parentPort!.postMessage((await drive(days, order.seconds)) satisfies ClientsMessage);
await pool.close();
