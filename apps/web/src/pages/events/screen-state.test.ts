import { describe, expect, it } from 'vitest';
import { countdown, screenState } from './screen-state';

const rounds = [
  { round: 1, startsAt: '2026-03-12T09:00:00.000Z', endsAt: '2026-03-12T09:07:00.000Z' },
  { round: 2, startsAt: '2026-03-12T09:09:00.000Z', endsAt: '2026-03-12T09:16:00.000Z' },
];
const at = (iso: string) => Date.parse(iso);

describe('big screen clock', () => {
  it('follows the event clock: before, in a round, between rounds, over', () => {
    expect(screenState(rounds, at('2026-03-12T08:50:00Z'))).toMatchObject({
      phase: 'before',
      current: { round: 1 },
      next: { round: 2 },
    });
    expect(screenState(rounds, at('2026-03-12T09:03:00Z'))).toMatchObject({
      phase: 'round',
      current: { round: 1 },
      until: at(rounds[0].endsAt),
    });
    expect(screenState(rounds, at('2026-03-12T09:08:00Z'))).toMatchObject({
      phase: 'change',
      current: { round: 2 },
      until: at(rounds[1].startsAt),
    });
    expect(screenState(rounds, at('2026-03-12T09:10:00Z'))).toMatchObject({
      phase: 'round',
      current: { round: 2 },
      next: null,
    });
    expect(screenState(rounds, at('2026-03-12T09:20:00Z'))).toEqual({ phase: 'over' });
  });

  it('counts down in mm:ss, with hours when needed', () => {
    expect(countdown(at('2026-03-12T09:07:00Z'), at('2026-03-12T09:03:18Z'))).toBe('03:42');
    expect(countdown(at('2026-03-12T11:00:00Z'), at('2026-03-12T09:59:59Z'))).toBe('1:00:01');
    expect(countdown(0, 1000)).toBe('00:00');
  });
});
