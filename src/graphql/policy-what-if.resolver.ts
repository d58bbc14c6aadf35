import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { PolicyWhatIfReplay } from '../application/what-if/policy-what-if-replay.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { maySee, requirePolicyWhatIfRole } from '../auth/project-visibility.js';
import { PolicyWhatIfView } from './policy-what-if.types.js';

@Resolver()
@UseGuards(AuthGuard)
export class PolicyWhatIfResolver {
  constructor(private readonly replay: PolicyWhatIfReplay) {}

  @Query(() => PolicyWhatIfView, { description: '策略推演 Replays a period of the log under a candidate policy: what would have differed. Appends nothing' })
  async policyWhatIf(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('candidate', { description: 'The candidate policy file (JSON, the shape of policies/*.json), at most 65,536 characters' }) candidate: string,
    @Args('from', { description: 'The first Beijing day of the period (YYYY-MM-DD)' }) from: string,
    @Args('to', { description: 'The last Beijing day of the period (YYYY-MM-DD), less than 24 months after from' }) to: string,
  ): Promise<PolicyWhatIfView> {
    requirePolicyWhatIfRole(actor);
    const { period, ...answer } = await this.replay.run(candidate, from, to, (project) => maySee(actor, project));
    return { periodStart: period.from, periodEnd: period.to, ...answer };
  }
}
