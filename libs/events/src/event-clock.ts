import type { EventEntity } from './entities/event.entity';

export interface RoundTime {
  round: number;
  startsAt: Date;
  endsAt: Date;
}

/** Start and end of each (1-based) round: round length, table changes and announced pauses. */
export function roundTimes(
  event: Pick<EventEntity, 'startsAt' | 'rounds' | 'roundMinutes' | 'changeMinutes' | 'pauses'>,
): RoundTime[] {
  const out: RoundTime[] = [];
  let cursor = new Date(event.startsAt).getTime();
  for (let round = 1; round <= event.rounds; round++) {
    const startsAt = new Date(cursor);
    const endsAt = new Date(cursor + event.roundMinutes * 60_000);
    out.push({ round, startsAt, endsAt });
    const pause = (event.pauses ?? [])
      .filter((p) => p.afterRound === round)
      .reduce((sum, p) => sum + p.minutes, 0);
    cursor = endsAt.getTime() + (event.changeMinutes + pause) * 60_000;
  }
  return out;
}
