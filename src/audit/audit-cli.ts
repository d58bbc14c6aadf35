import { loadConfig, ConfigError, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../domain/project/errors.js';
import { UnreadableEventError } from '../event-store/event-store.errors.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { projectUpcasters } from '../event-store/project-upcasters.js';
import { visibleOnTerminal } from './terminal-text.js';

/** Reads from the event store the configuration selects, and closes it however the reading ends. */
export async function withEventStore<T>(read: (events: EventStore, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const events = await openEventStore(config, projectUpcasters);
  try {
    return await read(events, config);
  } finally {
    await events.close();
  }
}

/** An answer as indented JSON or as the tool's tables; what the log holds is shown, never obeyed by the terminal. */
export const printed = <T>(answer: T, json: boolean | undefined, asTables: (answer: T) => string): string =>
  json ? `${visibleOnTerminal(JSON.stringify(answer, null, 2), { keepLineBreaks: true })}\n` : asTables(answer);

/** A tool's body: a bad configuration, a refusal or an unreadable event ends it with its message and exit code 1. */
export async function runAuditTool(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof DomainError || error instanceof UnreadableEventError)) throw error;
    process.stderr.write(`${visibleOnTerminal(error.message)}\n`);
    process.exit(1);
  }
}
