import { UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import * as control from './inputs/sales-control.input.js';
import { CommandResult } from './project.types.js';
import { runProjectCommand } from './run-project-command.js';

/** 售前项目管理 (document 004): the sales plan, the task book, costs, war rooms, progress reports and adjustments. */
@Resolver()
@UseGuards(AuthGuard)
export class SalesControlResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResult, { description: '项目销售策划案 File the sales plan, or revise it (a new version, with the reason)' })
  fileSalesPlan(@Args('input') input: control.FileSalesPlanInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'FileSalesPlan', input, actor);
  }

  @Mutation(() => CommandResult, { description: '售前项目任务书 File the task book: budget from the expected gross margin (over the policy\'s allowance: BUDGET_ABOVE_POLICY with extensions.allowedBudget), milestones' })
  fileTaskBook(@Args('input') input: control.FileTaskBookInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'FileTaskBook', input, actor);
  }

  @Mutation(() => CommandResult, { description: '任务书确认 The sponsor named at 立项 confirms the task book; its budget and milestones are in force from then on' })
  confirmTaskBook(@Args('input') input: control.ConfirmTaskBookInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'ConfirmTaskBook', input, actor);
  }

  @Mutation(() => CommandResult, { description: '售前费用 Book a pre-sales cost against the confirmed task book' })
  bookPresalesCost(@Args('input') input: control.BookPresalesCostInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'BookPresalesCost', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目进展分析会 Record a war-room meeting; the sponsor\'s PROPOSE_STOP also requests the termination, decided by the termination rules' })
  holdWarRoomMeeting(@Args('input') input: control.HoldWarRoomMeetingInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'HoldWarRoomMeeting', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目月度进展情况报告 The project manager\'s report of a month, once per month' })
  reportMonthlyProgress(@Args('input') input: control.ReportMonthlyProgressInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'ReportMonthlyProgress', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目任务书调整表 The project manager asks for a late milestone\'s new date or extra budget' })
  requestPlanAdjustment(@Args('input') input: control.RequestPlanAdjustmentInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'RequestPlanAdjustment', input, actor);
  }

  @Mutation(() => CommandResult, { description: '任务书调整确认 The sponsor confirms an adjustment before its approvers decide' })
  confirmPlanAdjustment(@Args('input') input: control.ConfirmPlanAdjustmentInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'ConfirmPlanAdjustment', input, actor);
  }

  @Mutation(() => CommandResult, { description: '任务书调整审批 The sales director or GM decides a confirmed adjustment; beyond the policy\'s limits an EXECUTIVE' })
  decidePlanAdjustment(@Args('input') input: control.DecidePlanAdjustmentInput, @CurrentActor() actor: AuthenticatedActor) {
    return runProjectCommand(this.commands, 'DecidePlanAdjustment', input, actor);
  }
}
