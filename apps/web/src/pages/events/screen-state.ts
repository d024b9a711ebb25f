export interface ScreenRound {
  round: number;
  startsAt: string;
  endsAt: string;
}

export type ScreenState<R extends ScreenRound> =
  | { phase: 'before'; current: R; next: R | null; until: number }
  | { phase: 'round'; current: R; next: R | null; until: number }
  | { phase: 'change'; current: R; next: R | null; until: number }
  | { phase: 'over' };

/**
 * Where the event clock is at `now`: before the start (round 1 shown, countdown to its start),
 * in a round (countdown to its end), between two rounds (the next round shown, countdown to its
 * start), or over. Driven by the schedule's own round times (pauses included by the API's clock).
 */
export function screenState<R extends ScreenRound>(rounds: R[], now: number): ScreenState<R> {
  const sorted = [...rounds].sort((a, b) => a.round - b.round);
  if (!sorted.length) return { phase: 'over' };
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    const start = Date.parse(r.startsAt);
    const end = Date.parse(r.endsAt);
    const next = sorted[i + 1] ?? null;
    if (now < start) return { phase: i === 0 ? 'before' : 'change', current: r, next, until: start };
    if (now < end) return { phase: 'round', current: r, next, until: end };
  }
  return { phase: 'over' };
}

/** mm:ss (or h:mm:ss) left until `until`. */
export function countdown(until: number, now: number): string {
  const s = Math.max(0, Math.ceil((until - now) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}
