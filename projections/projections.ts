import type { Projection } from './runtime/projection.js';
import { pipelineBoardProjection } from './pipeline-board/pipeline-board.projection.js';
import { streamsProjection } from './streams/streams.projection.js';

/** Every read model the projector keeps. */
export const PROJECTIONS: Projection[] = [streamsProjection, pipelineBoardProjection];
