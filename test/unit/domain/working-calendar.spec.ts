import { endOfShanghaiDay, shanghaiDate } from '../../../src/domain/policy/working-calendar.js';

describe('the Asia/Shanghai calendar', () => {
  it('dates an instant in Shanghai: 16:00 UTC is already the next day', () => {
    expect(shanghaiDate(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10-31');
    expect(shanghaiDate(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11-01');
  });

  it('an instant is before the end of a date exactly when its Shanghai date is that date or earlier', () => {
    const dueOn = '2026-11-27';
    for (let minutes = -3 * 1440; minutes <= 3 * 1440; minutes += 7) {
      const instant = new Date(Date.parse('2026-11-27T00:00:00.000Z') + minutes * 60_000).toISOString();
      expect(instant < endOfShanghaiDay(dueOn)).toBe(shanghaiDate(new Date(instant)) <= dueOn);
    }
  });
});
