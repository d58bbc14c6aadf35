import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GetAvailableActionsHandler } from '../application/available-actions.query.js';
import { Clock, SystemClock } from '../application/clock.js';
import { ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import { ExecuteStandardSolutionCommandHandler } from '../application/execute-standard-solution-command.js';
import { ExecuteReportCommandHandler } from '../application/execute-report-command.js';
import { ExecuteAssessmentCommandHandler } from '../application/execute-assessment-command.js';
import { GetProjectHandler } from '../application/get-project.query.js';
import { PolicyProvider } from '../application/policy.provider.js';
import { ProjectAccess } from '../application/project-access.js';
import { StreamCache } from '../application/stream-cache.js';
import { AppConfig } from '../config/app-config.js';
import { AvailableActionsResolver } from './available-actions.resolver.js';
import { ExpectedErrorsFilter } from './expected-errors.filter.js';
import { ProjectResolver } from './project.resolver.js';
import { SalesControlResolver } from './sales-control.resolver.js';

/** The command side: one mutation per step of the procedure, a project's state from its stream, and what the caller may do to it now. */
@Module({
  providers: [
    ProjectResolver,
    SalesControlResolver,
    ExecuteProjectCommandHandler,
    ExecuteStandardSolutionCommandHandler,
    ExecuteReportCommandHandler,
    ExecuteAssessmentCommandHandler,
    GetProjectHandler,
    AvailableActionsResolver,
    GetAvailableActionsHandler,
    ProjectAccess,
    StreamCache,
    { provide: PolicyProvider, inject: [AppConfig], useFactory: (config: AppConfig) => new PolicyProvider(config.policy) },
    { provide: Clock, useClass: SystemClock },
    { provide: APP_FILTER, useClass: ExpectedErrorsFilter },
  ],
  exports: [PolicyProvider, ProjectAccess, StreamCache, Clock],
})
export class ProjectModule {}
