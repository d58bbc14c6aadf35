import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectAudit } from '../src/application/audit/project-audit.js';
import { ManualClock } from '../src/application/clock.js';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../src/application/execute-project-command.js';
import { PolicyProvider } from '../src/application/policy.provider.js';
import { projectStream } from '../src/application/project-stream.js';
import { readPolicyFile } from '../src/config/policy-file.js';
import type { ProjectCommand } from '../src/domain/project/commands.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { percentile, QUICK, runLine, writeSection } from './results.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

/** Audit replay of one 1,000-event project on the embedded store, beside the raw readStream of the same stream. */
const EVENTS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 100 : 500));
const TARGET_MS = 5;
const dir = mkdtempSync(join(tmpdir(), 'psm-bench-audit-'));
const store = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
const clock = new ManualClock(new Date('2026-01-05T01:00:00Z'));
const handler = new ExecuteProjectCommandHandler(store, new PolicyProvider(readPolicyFile()), clock);
const projectId = randomUUID();
const run = (command: ProjectCommand, userId = 'am-li') => {
  clock.set(new Date(clock.now().getTime() + 3_600_000));
  return handler.execute(new ExecuteProjectCommand(projectId, command, { commandId: randomUUID(), actor: { userId, name: '李明', roles: ['ACCOUNT_MANAGER'] } }));
};

await run({ type: 'RegisterLead', data: {
  projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'two welding cells', channel: 'EXHIBITION',
  estimatedAmount: { amount: 80_000_000, currency: 'CNY' }, region: 'EAST', productLine: 'ROBOT_CELL',
} });
for (let n = 1; n < EVENTS; n++) {
  await (n % 4 === 0
    ? run({ type: 'AttachDocument', data: { kind: 'MINUTES', version: String(n), title: `会议纪要 ${n}`, uri: `https://dms.example.test/minutes/${n}`, sha256: randomUUID().replaceAll('-', '').repeat(2) } })
    : run({ type: 'AddTrackingNote', data: { kind: 'CALL', note: '与客户确认了交付周期与付款方式', nextAction: 'send the revised quotation', nextActionOn: '2026-12-01' } }));
}

async function timed(operation: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await operation();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await operation();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const audit = new ProjectAudit(store);
const stream = projectStream(projectId);
if ((await store.readStream(stream)).length !== EVENTS) throw new Error('the project does not have the events it should');
const raw = await timed(() => store.readStream(stream));
const replay = await timed(() => audit.replay(projectId));
const cold = await timed(() => new ProjectAudit(store).replay(projectId));
const atRevision = await timed(() => audit.replay(projectId, { atRevision: EVENTS / 2 }));
const verify = await timed(() => audit.verify(projectId));
await store.close();
rmSync(dir, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(2)} ms`;
const rows: Array<[string, { p50: number; p99: number }]> = [
  [`raw \`readStream\` of the ${EVENTS.toLocaleString('en-US')} events (baseline)`, raw],
  ['replay: history with labels and decided documents + state (`replay`), repeated: the stream kept parsed, its tail read', replay],
  ['the same replay cold: a new audit service each time, the whole stream read and parsed', cold],
  [`replay at revision ${EVENTS / 2} (time travel)`, atRevision],
  ['`verifyProject`: the hash chain recomputed from the events as stored', verify],
];
const table = ['| measurement | p50 | p99 | p99 vs readStream |', '|---|---|---|---|', ...rows.map(([name, { p50, p99 }]) => `| ${name} | ${ms(p50)} | ${ms(p99)} | ${(p99 / raw.p99).toFixed(2)}× |`)].join('\n');
const verdict = (p99: number) => (p99 < TARGET_MS ? 'PASS' : 'FAIL');
const section = `${runLine(`one project of ${EVENTS.toLocaleString('en-US')} events on the SQLite store, ${RUNS} runs each`)}\n\n${table}\n\n` +
  `Target: replaying a ${EVENTS.toLocaleString('en-US')}-event project (history + state) p99 under ${TARGET_MS} ms: repeated **${ms(replay.p99)} — ${verdict(replay.p99)}**; ` +
  `cold **${ms(cold.p99)} — ${verdict(cold.p99)}** (the raw readStream alone: ${ms(raw.p99)})\n`;
console.log(section);
writeSection('Audit replay — latest run', section);
