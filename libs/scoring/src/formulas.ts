/**
 * Scalar formulas shared by `scorePair` (plain objects, explanations) and the typed-array kernel, so
 * both compute bit-identical scores. Keep the order of floating point operations unchanged.
 */
import { Level, Modality, Priority, SizeBand } from '@maillage/domain';
import type { CausesMeasure, ScoringProfile } from './profile';
import type { ComponentName, MatchVia } from './types';

/** Order of components in every explanation (and in the kernel's contribution arrays). */
export const COMPONENT_NAMES: readonly ComponentName[] = [
  'complementarity',
  'causes',
  'proximity',
  'crossFamily',
  'allianceForms',
  'trust',
  'alliedPenalty',
  'metBeforePenalty',
];
export const COMPONENT_COUNT = 8;

export function needWeight(priority: Priority, rarity: number, p: ScoringProfile): number {
  return p.priorityWeights[priority - 1] * Math.pow(rarity, p.rarityExponent);
}

export function offerValue(level: Level, modality: Modality, p: ScoringProfile): number {
  return p.levelFactors[level - 1] * p.modalityFactors[modality];
}

export function creditOf(via: MatchVia, p: ScoringProfile): number {
  return p.taxonomyCredit[via];
}

/** Reciprocal fusion: (1 − alpha)·harmonic + alpha·arithmetic mean. */
export function fuse(forward: number, backward: number, alpha: number): number {
  const s = forward + backward;
  if (s <= 0) return 0;
  const harmonic = (2 * forward * backward) / s;
  return (1 - alpha) * harmonic + alpha * (s / 2);
}

/**
 * Reciprocity of coverages f, b with gift parts gf ≤ f, gb ≤ b: a gift asks no like-for-like return, the
 * receiver counts as covering k × the gift (k = giftReturn) at least. Non-decreasing in every argument.
 */
export function reciprocityOf(f: number, b: number, gf: number, gb: number, a: number, k: number) {
  return fuse(f > k * gb ? f : k * gb, b > k * gf ? b : k * gf, a);
}

/** Factor applied to contextual components: min(1, R / gateAt); with gateAt = 0, 1 as soon as R > 0. */
export function gateOf(reciprocity: number, gateAt: number): number {
  if (reciprocity <= 0) return 0;
  if (gateAt <= 0) return 1;
  const g = reciprocity / gateAt;
  return g < 1 ? g : 1;
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Jaccard (|A∩B| / |A∪B|) or overlap coefficient (|A∩B| / min(|A|, |B|)); 0 when undefined. */
export function setSimilarity(inter: number, na: number, nb: number, measure: CausesMeasure): number {
  if (inter === 0) return 0;
  if (measure === 'overlap') return inter / (na < nb ? na : nb);
  return inter / (na + nb - inter);
}

/** Overlap coefficient of alliance forms sought (0 when either side declared none). */
export function formsCompatibility(inter: number, na: number, nb: number): number {
  if (inter === 0) return 0;
  return inter / (na < nb ? na : nb);
}

/** Two-hop trust: 1 − 0.5^k for k common partners (1 → 0.5, 2 → 0.75, 3 → 0.875). */
export function trustValue(commonPartners: number): number {
  return commonPartners > 0 ? 1 - Math.pow(0.5, commonPartners) : 0;
}

export const ALLIED_NONE = 0;
export const ALLIED_PENALISE = 1;
export const ALLIED_EXCLUDE = 2;

/**
 * Writes the 8 contributions (COMPONENT_NAMES order) into `out` and returns the score, which is their
 * sum in that order (so the explanation adds up exactly).
 */
export function assemble(
  p: ScoringProfile,
  reciprocity: number,
  gate: number,
  causes: number,
  proximity: number,
  crossFamily: number,
  forms: number,
  trust: number,
  alliedMode: number,
  met: boolean,
  out: Float64Array | number[],
): number {
  const w = p.weights;
  const c0 = w.complementarity * reciprocity;
  const c1 = w.causes * causes * gate;
  const c2 = w.proximity * proximity * gate;
  const c3 = w.crossFamily * crossFamily * gate;
  const c4 = w.allianceForms * forms * gate;
  const c5 = w.trust * trust * gate;
  const base = c0 + c1 + c2 + c3 + c4 + c5;
  const c6 =
    alliedMode === ALLIED_EXCLUDE ? -base : alliedMode === ALLIED_PENALISE ? -(base * p.penalties.allied) : 0;
  const afterAllied = base + c6;
  const c7 = met ? -(afterAllied * p.penalties.metBefore) : 0;
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  out[4] = c4;
  out[5] = c5;
  out[6] = c6;
  out[7] = c7;
  return afterAllied + c7;
}

const SIZE_ORDER: Record<SizeBand, number> = {
  [SizeBand.NONE]: 0,
  [SizeBand.MICRO]: 1,
  [SizeBand.SMALL]: 2,
  [SizeBand.MEDIUM]: 3,
  [SizeBand.LARGE]: 4,
};

export function sizeOrdinal(size: SizeBand | undefined): number {
  return size === undefined ? -1 : SIZE_ORDER[size];
}
