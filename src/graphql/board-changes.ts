import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { PubSub } from 'mercurius';
import type { Logger } from 'pino';
import { PIPELINE_CARDS, pipelineBoardProjection } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { projectIdOf } from '../application/project-event-metadata.js';
import { boardCard, type CardDocument } from '../../projections/pipeline-board/pipeline-board.query.js';
import { READ_STORE, type ReadStore } from '../read-store/read-store.port.js';
import { InlineProjector } from '../storage/inline-projector.js';
import { LOGGER } from '../storage/storage.module.js';

export const BOARD_CHANGED = 'BOARD_CHANGED';

/**
 * Pushes every card the board projection just changed to `boardChanged` subscribers. It hears the
 * projector running in this process (the embedded default); a separate projector does not reach it.
 */
@Injectable()
export class BoardChanges implements OnApplicationBootstrap {
  constructor(
    private readonly projector: InlineProjector,
    private readonly adapter: HttpAdapterHost,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const pubsub = (this.adapter.httpAdapter.getInstance() as FastifyInstance & { graphql: { pubsub: PubSub } }).graphql.pubsub;
    this.projector.onCommitted(pipelineBoardProjection.name, (events) => {
      const ids = [...new Set(events.map(projectIdOf).filter((id): id is string => id !== undefined))];
      void this.publish(pubsub, ids).catch((error: unknown) => this.logger.warn({ err: error }, 'board change not pushed'));
    });
  }

  private async publish(pubsub: PubSub, ids: string[]): Promise<void> {
    const cards = await this.reads.find<CardDocument>(PIPELINE_CARDS, { _id: { $in: ids }, stage: { $exists: true } });
    const now = new Date();
    for (const card of cards) {
      const access = { businessUnit: card.businessUnit ?? null, members: [...(card.members ?? []), ...(card.ownerId ? [card.ownerId] : [])] };
      await pubsub.publish({ topic: BOARD_CHANGED, payload: { boardChanged: boardCard(card, now), access } });
    }
  }
}
