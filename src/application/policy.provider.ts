import { chineseWorkingCalendar } from '../domain/policy/chinese-working-calendar.js';
import type { Policy } from '../domain/policy/policy.js';
import type { WorkingCalendar } from '../domain/policy/working-calendar.js';

/** The policy in force for new decisions; decisions record what they used. */
export class PolicyProvider {
  constructor(
    private readonly policy: Policy,
    private readonly calendar: WorkingCalendar = chineseWorkingCalendar,
  ) {}

  current(): { policy: Policy; calendar: WorkingCalendar } {
    return { policy: this.policy, calendar: this.calendar };
  }
}
