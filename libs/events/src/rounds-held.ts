import type { EventEntity } from './entities/event.entity';
import { roundTimes } from './event-clock';
import { EventStatus } from './event-enums';

/** Fields of an event the meeting history needs: its state and its clock. */
export type HeldEventClock = Pick<
  EventEntity,
  'status' | 'startsAt' | 'rounds' | 'roundMinutes' | 'changeMinutes' | 'pauses'
>;

/** No upper bound: every round of a closed event counts (the largest PostgreSQL integer). */
const ALL_ROUNDS = 2_147_483_647;

/**
 * The last (1-based) round that took place by `now`: every round of a CLOSED event, the rounds
 * already started (per the event clock, pauses included) of a LIVE one, none otherwise.
 */
export function roundsHeld(event: HeldEventClock, now: Date): number {
  if (event.status === EventStatus.CLOSED) return ALL_ROUNDS;
  if (event.status !== EventStatus.LIVE) return 0;
  // Round start times never decrease, so the started rounds are a prefix.
  return roundTimes(event).filter((t) => t.startsAt.getTime() <= now.getTime()).length;
}
