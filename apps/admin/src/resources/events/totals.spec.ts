import { counted, percentOfGoal, totalCounted } from './totals';

describe('event turnout', () => {
  it('counts check-ins and walk-ins until a host reports its attendance', () => {
    expect(counted({ checkedIn: 2, walkIns: 5, reportedAttendance: null })).toBe(7);
    expect(counted({ checkedIn: 2, walkIns: 5, reportedAttendance: 9 })).toBe(9);
    expect(counted({ checkedIn: 2, walkIns: 5, reportedAttendance: 0 })).toBe(0);
  });

  it('adds each host’s own figure for the totals row', () => {
    expect(
      totalCounted([
        { checkedIn: 2, walkIns: 5, reportedAttendance: null },
        { checkedIn: 10, walkIns: 0, reportedAttendance: 31 },
      ]),
    ).toBe(38);
  });

  it('measures against the goal only when there is one', () => {
    expect(percentOfGoal(7, 20)).toBe(35);
    expect(percentOfGoal(7, 0)).toBeNull();
    expect(percentOfGoal(7, null)).toBeNull();
  });
});
