import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ProjectAudit, type ProjectArchive } from '../application/audit/project-audit.js';
import { ProjectAccess } from '../application/project-access.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { assertMayAccessRecord } from '../auth/project-record-access.js';
import { CanonicalUuidPipe } from './canonical-uuid.js';

/** A project's stream as stored, with its hash chain, for safekeeping and offline checks (`npm run audit:verify -- --file`). */
@Controller('projects')
@UseGuards(AuthGuard)
export class ProjectArchiveController {
  constructor(
    private readonly audit: ProjectAudit,
    private readonly access: ProjectAccess,
  ) {}

  @Get(':id/archive')
  @Header('content-type', 'application/json; charset=utf-8')
  async archive(@Param('id', new CanonicalUuidPipe()) id: string, @CurrentActor() actor: AuthenticatedActor): Promise<ProjectArchive> {
    assertMayAccessRecord(actor, 'READ');
    await this.access.assertMaySee(actor, id);
    return this.audit.archive(id);
  }
}
