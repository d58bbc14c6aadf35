import { BadRequestException, UseGuards } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { EVENT_LABELS } from '../application/audit/event-labels.js';
import { ProjectAudit } from '../application/audit/project-audit.js';
import { ProjectAccess } from '../application/project-access.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { assertMayAccessRecord } from '../auth/project-record-access.js';
import { CanonicalUuidPipe } from './canonical-uuid.js';
import { ChainVerificationView, HistoryPageView, ProjectDiffView, ReplayPointInput } from './audit.types.js';

const MAX_PAGE = 1000;

/** Audit replay: a project's history, what changed between two points, and its hash chain. */
@Resolver()
@UseGuards(AuthGuard)
export class AuditResolver {
  constructor(
    private readonly audit: ProjectAudit,
    private readonly access: ProjectAccess,
  ) {}

  @Query(() => HistoryPageView, { description: '项目历史 The project’s events in order, with actors, payloads and the documents decided on' })
  async projectHistory(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('projectId', { type: () => ID }, new CanonicalUuidPipe()) projectId: string,
    @Args('from', { type: () => Int, nullable: true, description: 'First revision (the page cursor)' }) from?: number,
    @Args('to', { type: () => Int, nullable: true, description: 'Last revision, inclusive' }) to?: number,
    @Args('types', { type: () => [String], nullable: true, description: 'Only these event types' }) types?: string[],
    @Args('limit', { type: () => Int, defaultValue: 100, description: `At most ${MAX_PAGE}` }) limit = 100,
  ): Promise<HistoryPageView> {
    assertMayAccessRecord(actor, 'READ');
    await this.access.assertMaySee(actor, projectId);
    const unknown = types?.filter((type) => !(type in EVENT_LABELS)) ?? [];
    if (unknown.length > 0) throw new BadRequestException({ message: [`unknown event type(s): ${unknown.join(', ')}`] });
    // an explicit null means the same as an absent bound
    const page = await this.audit.history(projectId, { from: from ?? undefined, to: to ?? undefined, types: types ?? undefined, limit: Math.max(1, Math.min(limit, MAX_PAGE)) });
    return { projectId, ...page };
  }

  @Query(() => ProjectDiffView, { description: '变更对比 What changed between two points: stage, amounts, documents, approvals, signers' })
  async projectDiff(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }, new CanonicalUuidPipe()) id: string,
    @Args('from', { type: () => ReplayPointInput }) from: ReplayPointInput,
    @Args('to', { type: () => ReplayPointInput }) to: ReplayPointInput,
  ): Promise<ProjectDiffView> {
    assertMayAccessRecord(actor, 'READ');
    await this.access.assertMaySee(actor, id);
    return this.audit.diff(id, from, to);
  }

  @Query(() => ChainVerificationView, { description: '防篡改校验 Recomputes the project’s hash chain and names the first broken link' })
  async verifyProject(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }, new CanonicalUuidPipe()) id: string): Promise<ChainVerificationView> {
    assertMayAccessRecord(actor, 'VERIFY');
    // hashes and event types only: ADMIN checks any project, the others those they may see
    if (!actor.roles.includes('ADMIN')) await this.access.assertMaySee(actor, id);
    return { projectId: id, ...(await this.audit.verify(id)) };
  }
}
