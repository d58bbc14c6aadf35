import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AppConfig } from '../../src/config/app-config.js';
import type { EventStore, Position } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import { checkpointKey, type Projection } from './projection.js';
import { Projector } from './projector.js';

const SHADOW = '__rebuild';

/** The same projection writing into shadow collections under its own checkpoint. */
export function shadowOf(projection: Projection): Projection {
  // one string per shadow collection, its hash computed once, rather than a new one per change
  const shadowNames = new Map(projection.collections.map(({ name }) => [name, `${name}${SHADOW}`]));
  return {
    ...projection,
    name: `${projection.name}${SHADOW}`,
    collections: projection.collections.map((collection) => ({ ...collection, name: shadowNames.get(collection.name)! })),
    project: (event) => {
      const changes = projection.project(event);
      // a projection's changes are fresh objects of its own: renamed in place rather than copied
      for (const change of changes) change.collection = shadowNames.get(change.collection) ?? `${change.collection}${SHADOW}`;
      return changes;
    },
  };
}

export interface Rebuilt {
  name: string;
  checkpoint?: string;
  ms: number;
}

export interface RebuildOptions {
  /** Where the stores are: given, read models are rebuilt on worker threads that open the stores themselves. */
  config?: AppConfig;
  /** At most this many worker threads (never more than the cores or the read models). */
  threads?: number;
}

/** Where a read model's rebuild stopped: the event it could not project and why. */
export interface RebuildFailure {
  name: string;
  position?: Position;
  type?: string;
  message?: string;
}

export class RebuildFailedError extends Error {
  constructor(readonly failure: RebuildFailure) {
    super(`rebuild of ${failure.name} stopped at ${failure.type} (${failure.position}): ${failure.message}`);
  }
}

/** The checkpoint each read model's shadow reached, by read model. */
export type Checkpoints = Record<string, Position | undefined>;

/** What a rebuild worker is given, and what it answers once its stores are closed. */
export interface RebuildWorkerData {
  config: AppConfig;
  names: string[];
}
export type RebuildWorkerReport = { checkpoints: Checkpoints } | { failure: RebuildFailure };

/**
 * Rebuilds read models from the start of the log into fresh collections while the live ones keep
 * serving, then swaps each in with the rebuild's checkpoint; a live writer resumes from there. With
 * `config`, the read models are spread over worker threads, each reading the log once for its own;
 * without, one read of the log on this thread folds them all. Each thread's read models are swapped in
 * as soon as it is done, while the others still fold; when a thread fails, the other threads' read
 * models are still swapped in, and the failure is thrown once all are done.
 */
export async function rebuild(projections: Projection[], events: EventStore, reads: ReadStore, logger: Logger, options: RebuildOptions = {}): Promise<Rebuilt[]> {
  const started = Date.now();
  const shadows = new Map(projections.map((projection) => [projection.name, shadowOf(projection)]));
  for (const shadow of shadows.values()) await reads.reset(checkpointKey(shadow), shadow.collections.map((collection) => collection.name));
  const { config } = options;
  const groups = config ? spread(projections, Math.max(1, Math.min(availableParallelism(), projections.length, options.threads ?? Infinity))) : [projections];
  const swapIn = async (group: Projection[], checkpoints: Checkpoints): Promise<Rebuilt[]> => {
    const rebuilt: Rebuilt[] = [];
    for (const projection of group) {
      const checkpoint = checkpoints[projection.name];
      if (checkpoint !== undefined) {
        const shadow = shadows.get(projection.name)!;
        const swaps = projection.collections.map(({ name }, index) => ({ from: shadow.collections[index].name, to: name }));
        await reads.swap(checkpointKey(projection), swaps, checkpoint, checkpointKey(shadow));
      }
      const ms = Date.now() - started;
      logger.info({ projection: projection.name, checkpoint, ms }, 'read model rebuilt and swapped in');
      rebuilt.push({ name: projection.name, checkpoint, ms });
    }
    return rebuilt;
  };
  // every thread runs to its end before a failure is thrown: none is left writing behind the caller's back
  const outcomes = await Promise.allSettled(groups.map(async (group) => {
    const names = group.map((projection) => projection.name);
    return swapIn(group, await (config ? runWorker({ config, names }) : foldShadows(group, events, reads, logger)));
  }));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const rebuilt = outcomes.flatMap((outcome) => (outcome as PromiseFulfilledResult<Rebuilt[]>).value);
  return projections.map((projection) => rebuilt.find((result) => result.name === projection.name)!);
}

/** Folds the log, up to its head, into the projections' (reset) shadows; throws RebuildFailedError where one stops. */
export async function foldShadows(projections: Projection[], events: EventStore, reads: ReadStore, logger: Logger): Promise<Checkpoints> {
  const projector = new Projector(projections.map(shadowOf), events, reads, logger, { batchSize: 5000, flushMs: 5 });
  await projector.start();
  for (;;) {
    const head = (await events.head())?.position;
    const statuses = projector.status();
    const failed = statuses.find((status) => status.state === 'FAILED');
    if (failed) {
      await projector.stop();
      throw new RebuildFailedError({ name: failed.name.replace(SHADOW, ''), ...failed.error });
    }
    if (statuses.every((status) => status.checkpoint === head)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await projector.stop();
  return Object.fromEntries(projections.map((projection, index) => [projection.name, projector.status()[index].checkpoint]));
}

const cost = (projection: Projection) => projection.rebuildCost ?? 1;

/**
 * Read models over threads so that the last thread is done as early as can be: every way of placing
 * them is tried (read models are few), costliest first, cutting short any that is already no better.
 */
export function spread(projections: Projection[], threads: number): Projection[][] {
  const sorted = [...projections].sort((a, b) => cost(b) - cost(a));
  const loads = new Array<number>(threads).fill(0);
  const groups: Projection[][] = loads.map(() => []);
  let best: { longest: number; groups: Projection[][] } | undefined;
  const place = (next: number): void => {
    const longest = Math.max(...loads);
    if (best && longest >= best.longest) return;
    if (next === sorted.length) {
      best = { longest, groups: groups.map((group) => [...group]) };
      return;
    }
    for (let thread = 0; thread < threads; thread += 1) {
      const empty = loads[thread] === 0;
      loads[thread] += cost(sorted[next]);
      groups[thread].push(sorted[next]);
      place(next + 1);
      loads[thread] -= cost(sorted[next]);
      groups[thread].pop();
      // empty threads are alike: one of them is enough to try
      if (empty) break;
    }
  };
  place(0);
  return best!.groups.filter((group) => group.length > 0);
}

function workerEntry(): URL {
  const sibling = new URL('./rebuild-worker.js', import.meta.url);
  // under jest this module runs from its .ts source, which has no .js beside it: take the compiled one
  return existsSync(sibling) ? sibling : new URL('../../dist/projections/runtime/rebuild-worker.js', import.meta.url);
}

function runWorker(data: RebuildWorkerData): Promise<Checkpoints> {
  return new Promise((resolve, reject) => {
    // young-generation collections dominate a fold: a larger one makes it about a quarter faster
    const worker = new Worker(workerEntry(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
    // the report comes once the worker's stores are closed, everything written: its thread's teardown need not be awaited
    worker.on('message', (report: RebuildWorkerReport) => ('checkpoints' in report ? resolve(report.checkpoints) : reject(new RebuildFailedError(report.failure))));
    worker.on('error', reject);
    // without a report first: it could not start or died (once the report came, this changes nothing)
    worker.on('exit', (code) => reject(new Error(`rebuild worker for ${data.names.join(', ')} exited with code ${code}`)));
  });
}
