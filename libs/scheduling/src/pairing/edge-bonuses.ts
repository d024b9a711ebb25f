import { WEIGHT_SCALE, type PairingState } from '@maillage/schedule-model';

/**
 * Integer bonuses added to pair scores inside one round's matching. They steer the matching
 * towards the hard and fairness constraints while the reported score stays the raw complementarity.
 */
export interface BonusConfig {
  /** Per meeting: prefers seating one more pair over leaving two people idle for a tiny gain. */
  readonly perMeeting: number;
  /** Per endpoint and per sit-out beyond its allowance: rotates who sits out. */
  readonly perSitOut: number;
  /** Per endpoint that must meet now to still reach its minMeetings. */
  readonly minMeetingsUrgent: number;
  /** Base bonus of a must-meet pair; dominates everything else so it is never displaced. */
  readonly mustMeet: number;
}

/** Sit-outs are counted up to this cap so a weight never explodes. */
const MAX_COUNTED_SIT_OUTS = 4;

export function bonusConfig(fairnessBonus: number): BonusConfig {
  const perSitOut = Math.round(fairnessBonus * WEIGHT_SCALE);
  const perMeeting = Math.round(0.05 * WEIGHT_SCALE);
  // Largest weight an edge can get from score + fairness: a must-meet or urgent edge must beat
  // any two such edges (taking it can displace at most two other meetings).
  const ordinaryMax = WEIGHT_SCALE + perMeeting + 2 * MAX_COUNTED_SIT_OUTS * perSitOut;
  const minMeetingsUrgent = 2 * ordinaryMax;
  const mustMeet = 3 * (ordinaryMax + 2 * minMeetingsUrgent);
  return { perMeeting, perSitOut, minMeetingsUrgent, mustMeet };
}

/** Bonus carried by each endpoint of any edge in round r. */
export function vertexBonus(state: PairingState, v: number, r: number, config: BonusConfig): number {
  const sitOutsBeyondAllowance = Math.max(0, state.sitOuts(v, r) - state.sitOutAllowance(v));
  let bonus =
    config.perMeeting / 2 + config.perSitOut * Math.min(MAX_COUNTED_SIT_OUTS, sitOutsBeyondAllowance);
  const minMissing = state.model.minMeetings[v] - state.meetings[v];
  if (minMissing > 0 && minMissing >= state.openRoundsAhead(v, r)) bonus += config.minMeetingsUrgent;
  return Math.round(bonus);
}

/**
 * Must-meet bonus for the pair in round r: larger when fewer common rounds remain, so pairs with
 * little room are placed first and pairs with slack do not block them.
 */
export function mustMeetBonus(
  state: PairingState,
  a: number,
  b: number,
  r: number,
  config: BonusConfig,
): number {
  const remaining = Math.max(1, state.commonRoundsAhead(a, b, r));
  return Math.round(config.mustMeet * (1 + 1 / remaining));
}
