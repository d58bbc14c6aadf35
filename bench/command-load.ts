import { randomUUID } from 'node:crypto';
import type { Role } from '../src/domain/project/vocabulary.js';

interface Target {
  url: string;
  tokenFor(userId: string, role: Role): string;
}

/** Sends one mutation as `userId`; anything but an acknowledged command throws. */
async function command(target: Target, userId: string, role: Role, mutation: string, input: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.tokenFor(userId, role)}` },
    body: JSON.stringify({
      query: `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { projectId revision } }`,
      variables: { input: { commandId: randomUUID(), ...input } },
    }),
  });
  const body = (await response.json()) as { data?: Record<string, { revision: number } | null>; errors?: unknown };
  if (!response.ok || body.errors || typeof body.data?.[mutation]?.revision !== 'number') throw new Error(`${mutation}: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

/**
 * A modest closed loop: `clients` account managers for `seconds`, each registering a lead, noting a call on it,
 * having it screened, then noting calls on two projects of the existing history (`projectIds`). Returns every
 * command's latency in ms, sorted.
 */
export async function commandLoad(target: Target, projectIds: string[], clients: number, seconds: number): Promise<number[]> {
  const deadline = performance.now() + seconds * 1000;
  const times: number[] = [];
  const note = { kind: 'CALL', note: '电话跟进，确认预算', nextAction: 'send the solution', nextActionOn: '2026-12-15' };
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    const am = `am-${client + 1}`;
    for (let round = 0; performance.now() < deadline; round++) {
      const projectId = randomUUID();
      times.push(await command(target, am, 'ACCOUNT_MANAGER', 'registerLead', {
        projectId, title: `扩产项目 ${projectId.slice(0, 8)}`, customer: '苏州精工机械', contact: { name: '陈工' }, need: 'two welding cells',
        channel: 'WEB', estimatedAmount: { amount: 90_000_000, currency: 'CNY' }, region: 'EAST', productLine: 'ROBOT_CELL',
      }));
      times.push(await command(target, am, 'ACCOUNT_MANAGER', 'addTrackingNote', { projectId, ...note }));
      times.push(await command(target, 'sup-1', 'SALES_SUPERVISOR', 'screenLead', { projectId, decision: 'QUALIFY' }));
      for (const k of [0, 1]) {
        const existing = projectIds[(client * 7919 + round * 2 + k) % projectIds.length];
        times.push(await command(target, 'sup-1', 'SALES_SUPERVISOR', 'addTrackingNote', { projectId: existing, ...note }));
      }
    }
  }));
  return times.sort((a, b) => a - b);
}
