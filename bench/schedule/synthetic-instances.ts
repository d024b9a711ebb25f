import { mulberry32 as prng } from '@maillage/domain';
import type { Participant, ScheduleProblem } from '../../libs/schedule-model/src';

/**
 * Actor families (association, company, public authority, school, research lab, foundation) with
 * their share of a typical event and pairwise affinities (symmetric).
 */
const TYPE_SHARE = [0.45, 0.2, 0.12, 0.08, 0.05, 0.1];
const AFFINITY: number[][] = [
  // assoc company public school lab  found.
  [0.45, 0.9, 0.85, 0.6, 0.5, 0.8], // association
  [0.9, 0.25, 0.5, 0.55, 0.6, 0.4], // company
  [0.85, 0.5, 0.3, 0.6, 0.45, 0.5], // public
  [0.6, 0.55, 0.6, 0.2, 0.7, 0.4], // school
  [0.5, 0.6, 0.45, 0.7, 0.3, 0.35], // lab
  [0.8, 0.4, 0.5, 0.4, 0.35, 0.2], // foundation
];
const COMPETENCES = 24;
const CAUSES = 17;

interface SyntheticActor {
  type: number;
  offers: number;
  needs: number;
  causes: number;
  x: number;
  y: number;
}

function pickWeighted(weights: readonly number[], random: () => number): number {
  let u = random() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u <= 0) return i;
  }
  return weights.length - 1;
}

/** Bitmask of `count` distinct items drawn with a popularity skew (item i has weight 1/(i+1)). */
function skewedSet(size: number, count: number, random: () => number): number {
  const weights = Array.from({ length: size }, (_, i) => 1 / (i + 1));
  let mask = 0;
  for (let drawn = 0; drawn < count;) {
    const i = pickWeighted(weights, random);
    if (mask & (1 << i)) continue;
    mask |= 1 << i;
    drawn++;
  }
  return mask;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/**
 * Dense symmetric complementarity matrix that looks like real scores: needs covered by the other's
 * offers (both ways, harmonic/arithmetic blend), shared causes, proximity, scaled by the families'
 * affinity. Most pairs score low, a few score high.
 */
export function syntheticWeights(count: number, seed: number, typesOf?: (i: number) => number): Float32Array {
  const random = prng(seed);
  const actors: SyntheticActor[] = Array.from({ length: count }, (_, i) => ({
    type: typesOf ? typesOf(i) : pickWeighted(TYPE_SHARE, random),
    offers: skewedSet(COMPETENCES, 2 + Math.floor(random() * 5), random),
    needs: skewedSet(COMPETENCES, 1 + Math.floor(random() * 4), random),
    causes: skewedSet(CAUSES, 1 + Math.floor(random() * 3), random),
    x: random(),
    y: random(),
  }));
  const weights = new Float32Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const A = actors[a];
      const B = actors[b];
      const coverAB = popcount(A.needs & B.offers) / popcount(A.needs);
      const coverBA = popcount(B.needs & A.offers) / popcount(B.needs);
      const harmonic = coverAB + coverBA > 0 ? (2 * coverAB * coverBA) / (coverAB + coverBA) : 0;
      const reciprocity = 0.5 * harmonic + 0.5 * ((coverAB + coverBA) / 2);
      const shared = Math.min(1, popcount(A.causes & B.causes) / 2);
      const proximity = Math.exp(-Math.hypot(A.x - B.x, A.y - B.y) / 0.25);
      const raw = AFFINITY[A.type][B.type] * (0.6 * reciprocity + 0.2 * shared + 0.2 * proximity);
      const noisy = raw * (0.85 + 0.3 * random());
      const w = Math.min(1, Math.round(noisy * 1e4) / 1e4);
      weights[a * count + b] = w;
      weights[b * count + a] = w;
    }
  }
  return weights;
}

export function oneToOneInstance(count: number, rounds: number, seed: number): ScheduleProblem {
  const weights = syntheticWeights(count, seed);
  const participants: Participant[] = Array.from({ length: count }, (_, i) => ({ id: `p${i}` }));
  return {
    participants,
    rounds,
    format: { kind: 'one-to-one' },
    weight: (a, b) => weights[a * count + b],
    seed,
  };
}

/** Side A = associations, side B = companies/public/foundations. */
export function bipartiteInstance(perSide: number, rounds: number, seed: number): ScheduleProblem {
  const count = 2 * perSide;
  const random = prng(seed ^ 0x5bd1e995);
  const weights = syntheticWeights(count, seed, (i) =>
    i < perSide ? 0 : [1, 1, 2, 5][Math.floor(random() * 4)],
  );
  const participants: Participant[] = Array.from({ length: count }, (_, i) => ({
    id: i < perSide ? `a${i}` : `b${i - perSide}`,
    side: i < perSide ? 'A' : 'B',
  }));
  return {
    participants,
    rounds,
    format: { kind: 'bipartite' },
    weight: (a, b) => weights[a * count + b],
    seed,
  };
}

export function tablesInstance(count: number, rounds: number, seats: number, seed: number): ScheduleProblem {
  const weights = syntheticWeights(count, seed);
  return {
    participants: Array.from({ length: count }, (_, i) => ({ id: `t${i}` })),
    rounds,
    format: { kind: 'tables', seats },
    weight: (a, b) => weights[a * count + b],
    seed,
  };
}

/**
 * One-to-one event with the constraints organisers set: ~10% of participants miss one or two
 * rounds, ~5% have a cap of R - 2 meetings, must-meet pairs (1 per 20 participants, among good
 * pairs), must-not-meet and already-allied pairs (1 per 10 participants each). With `tableShare`,
 * a table cap of that share of the participants (e.g. 0.48: 4% sit out each round).
 */
export function constrainedOneToOneInstance(
  count: number,
  rounds: number,
  seed: number,
  tableShare?: number,
): ScheduleProblem {
  const weights = syntheticWeights(count, seed);
  const random = prng(seed ^ 0x2545f491);
  const participants: Participant[] = Array.from({ length: count }, (_, i) => {
    const p: Participant = { id: `c${i}` };
    const u = random();
    if (u < 0.1) {
      const missed = new Set([Math.floor(random() * rounds), Math.floor(random() * rounds)]);
      p.availableRounds = Array.from({ length: rounds }, (_, r) => r).filter((r) => !missed.has(r));
    } else if (u < 0.15) p.maxMeetings = rounds - 2;
    return p;
  });
  const pick = (): number => Math.floor(random() * count);
  const pairs = (k: number, accept: (a: number, b: number) => boolean): [string, string][] => {
    const out: [string, string][] = [];
    const seen = new Set<number>();
    for (let tries = 0; out.length < k && tries < 100 * k; tries++) {
      const a = pick();
      const b = pick();
      const key = Math.min(a, b) * count + Math.max(a, b);
      if (a === b || seen.has(key) || !accept(a, b)) continue;
      seen.add(key);
      out.push([`c${a}`, `c${b}`]);
    }
    return out;
  };
  const mustMeet = pairs(Math.floor(count / 20), (a, b) => weights[a * count + b] > 0.3);
  const taken = new Set(mustMeet.flat());
  const fresh = (a: number, b: number): boolean => !taken.has(`c${a}`) && !taken.has(`c${b}`);
  return {
    participants,
    rounds,
    format: { kind: 'one-to-one' },
    tables: tableShare === undefined ? undefined : Math.floor(count * tableShare),
    weight: (a, b) => weights[a * count + b],
    mustMeet,
    mustNotMeet: pairs(Math.floor(count / 10), (a, b) => fresh(a, b) && weights[a * count + b] > 0.4),
    excludedPairs: pairs(Math.floor(count / 10), (a, b) => fresh(a, b) && weights[a * count + b] > 0.4),
    seed,
  };
}
