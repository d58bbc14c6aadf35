import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { projectUpcasters } from '../event-store/project-upcasters.js';
import { openReadStore } from '../read-store/open-read-store.js';
import { READ_STORE, type ReadStore } from '../read-store/read-store.port.js';
import { InlineProjector } from './inline-projector.js';

export const LOGGER = Symbol('Logger');

/** The configuration, the logger and the two stores, for every module; closes the stores last. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config, projectUpcasters) },
        { provide: READ_STORE, useFactory: () => openReadStore(config, logger) },
        {
          provide: InlineProjector,
          inject: [EVENT_STORE, READ_STORE],
          useFactory: (events: EventStore, reads: ReadStore) =>
            new InlineProjector(config.runsProjectionsInline ? new Projector(PROJECTIONS, events, reads, logger) : undefined),
        },
      ],
      exports: [AppConfig, LOGGER, EVENT_STORE, READ_STORE, InlineProjector],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.events.close(), this.reads.close()]);
  }
}
