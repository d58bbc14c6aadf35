import { DeadlineExceededError, TimeoutError, UnavailableError } from '@eventstore/db-client';
import { StoreUnavailableError } from '../event-store.errors.js';

/** gRPC status codes DEADLINE_EXCEEDED and UNAVAILABLE. */
const UNREACHABLE_STATUS = new Set<unknown>([4, 14]);

/** No connection, or no answer in time, as StoreUnavailableError; any other error as it is. */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const unreachable =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // appends report the raw gRPC status: { code: 14, details: 'No connection established…' }
    UNREACHABLE_STATUS.has((error as { code?: unknown } | null)?.code);
  return unreachable ? new StoreUnavailableError('event store', (error as Error).message, { cause: error }) : error;
}

/**
 * Settles with `work`, or rejects with StoreUnavailableError after `ms`: the client's own gRPC deadline
 * does not cover establishing the connection, which against a host that never answers waits for TCP.
 * `abandon` ends what the work left running.
 */
export async function withinDeadline<T>(ms: number, work: Promise<T>, abandon: () => void = () => undefined): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon();
      reject(new StoreUnavailableError('event store', `EventStoreDB did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    throw unavailableOr(error);
  } finally {
    clearTimeout(timer);
  }
}
