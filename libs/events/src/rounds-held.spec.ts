import { EventStatus } from './event-enums';
import { HeldEventClock, roundsHeld } from './rounds-held';

describe('roundsHeld (met-before uses the event clock)', () => {
  const startsAt = new Date('2026-03-10T09:00:00Z');
  const event = (status: EventStatus): HeldEventClock => ({
    status,
    startsAt,
    rounds: 4,
    roundMinutes: 7,
    changeMinutes: 3,
    pauses: [{ afterRound: 2, minutes: 15 }],
  });
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

  it('counts the rounds of a live event that have started, pauses included', () => {
    expect(roundsHeld(event(EventStatus.LIVE), at(-1))).toBe(0);
    expect(roundsHeld(event(EventStatus.LIVE), at(0))).toBe(1);
    expect(roundsHeld(event(EventStatus.LIVE), at(10))).toBe(2);
    // Round 3 starts after round 2 (10..17), the change (3) and the pause (15): minute 35.
    expect(roundsHeld(event(EventStatus.LIVE), at(34))).toBe(2);
    expect(roundsHeld(event(EventStatus.LIVE), at(35))).toBe(3);
    expect(roundsHeld(event(EventStatus.LIVE), at(1000))).toBe(4);
  });

  it('counts every round of a closed event and none of an event not yet live', () => {
    expect(roundsHeld(event(EventStatus.CLOSED), at(-60))).toBeGreaterThanOrEqual(4);
    for (const status of [EventStatus.PUBLISHED, EventStatus.SCHEDULED, EventStatus.DRAFT, EventStatus.OPEN])
      expect(roundsHeld(event(status), at(1000))).toBe(0);
  });
});
