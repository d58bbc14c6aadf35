import type { ReadAllOptions, StoredEvent, SubscribeOptions, Subscription } from './event-store.port.js';

export interface PollingSource {
  /** A page of the log; with `types`, at least the events of those types, and the page's last event read. */
  readAll(options: ReadAllOptions & Pick<SubscribeOptions, 'types'>): Promise<StoredEvent[]>;
  /** Resolves when new events may have been appended, or after `timeoutMs`. */
  waitForAppend(timeoutMs: number): Promise<void>;
}

const PAGE = 512;
const IDLE_POLL_MS = 250;

/** Catch-up then live, by reading pages after the last delivered position: no gap, no duplicate. */
export function pollingSubscription(source: PollingSource, { after, types }: SubscribeOptions = {}): Subscription {
  let closed = false;
  let wake: (() => void) | undefined;
  const closedSignal = new Promise<void>((resolve) => (wake = resolve));

  async function* pages(): AsyncGenerator<StoredEvent[]> {
    let position = after;
    while (!closed) {
      const page = await source.readAll({ after: position, limit: PAGE, types });
      if (closed) return;
      if (page.length > 0) {
        position = page[page.length - 1].position;
        yield page;
      }
      if (page.length < PAGE) await Promise.race([source.waitForAppend(IDLE_POLL_MS), closedSignal]);
    }
  }

  const iterator = pages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      wake?.();
      await iterator.return(undefined);
    },
  };
}
