import { Module } from '@nestjs/common';
import { PolicyWhatIfReplay } from '../application/what-if/policy-what-if-replay.js';
import { ProjectModule } from './project.module.js';
import { PolicyWhatIfResolver } from './policy-what-if.resolver.js';

/** 策略推演: a period of the log replayed under a candidate policy. */
@Module({
  imports: [ProjectModule],
  providers: [PolicyWhatIfResolver, PolicyWhatIfReplay],
})
export class PolicyWhatIfModule {}
