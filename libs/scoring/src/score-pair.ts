import {
  ALLIED_EXCLUDE,
  ALLIED_NONE,
  ALLIED_PENALISE,
  COMPONENT_NAMES,
  assemble,
  formsCompatibility,
  gateOf,
  popcount,
  reciprocityOf,
  setSimilarity,
  sizeOrdinal,
  trustValue,
} from './formulas';
import { directedCoverage } from './coverage';
import { NormalizedActor, causesOfMask, formsOfMask, normalizeActor } from './normalize';
import { PairContext } from './pair-context';
import { DEFAULT_PROFILE, ScoringProfile, validateProfile } from './profile';
import { Rarity } from './rarity';
import { Taxonomy } from './taxonomy';
import { proximity } from './territory';
import type { DirectedCoverage, PairScore, ScoreComponent, ScoringActor } from './types';
import { MODEL_VERSION } from './version';

/** Data a score depends on besides the two actors. */
export interface ScoringContext {
  readonly taxonomy: Taxonomy;
  /** Rarity over the population being scored (see buildRarity); uniform when omitted. */
  readonly rarity?: Rarity;
  readonly pairs?: PairContext;
}

const validated = new WeakSet<ScoringProfile>();
/** Validates a profile once per object. */
export function ensureValidProfile(p: ScoringProfile): ScoringProfile {
  if (!validated.has(p)) {
    validateProfile(p);
    validated.add(p);
  }
  return p;
}

const UNIFORM = Rarity.uniform();
const EMPTY_PAIRS = PairContext.empty();

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Complementarity of a and b with its full explanation. Deterministic: depends only on the data
 * (not on the order of offers, needs, causes) and the profile. `forward` = what b brings to a.
 */
export function scorePair(
  a: ScoringActor,
  b: ScoringActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
): PairScore {
  return scoreNormalized(normalizeActor(a), normalizeActor(b), ctx, profile);
}

/** Same as scorePair on already normalized actors (lets callers normalize once). */
export function scoreNormalized(
  na: NormalizedActor,
  nb: NormalizedActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
): PairScore {
  const p = ensureValidProfile(profile);
  const a = na.source;
  const b = nb.source;
  const rarity = ctx.rarity ?? UNIFORM;
  const pairs = ctx.pairs ?? EMPTY_PAIRS;
  const self = a.id === b.id;

  const forward: DirectedCoverage = directedCoverage(na, nb, ctx.taxonomy, rarity, p);
  const backward: DirectedCoverage = directedCoverage(nb, na, ctx.taxonomy, rarity, p);
  const [f0, b0, r] = [forward, backward, p.reciprocity];
  const reciprocity = self
    ? 0
    : reciprocityOf(f0.coverage, b0.coverage, f0.giftCoverage, b0.giftCoverage, r.alpha, r.giftReturn);
  const gate = gateOf(reciprocity, p.reciprocity.gateAt);

  const interCauses = na.causesMask & nb.causesMask;
  const causes = setSimilarity(
    popcount(interCauses),
    popcount(na.causesMask),
    popcount(nb.causesMask),
    p.causesMeasure,
  );
  const prox = proximity(a.territories, b.territories, p);
  const crossFamily = a.family !== b.family ? 1 : 0;
  const interForms = na.formsMask & nb.formsMask;
  const forms = formsCompatibility(popcount(interForms), popcount(na.formsMask), popcount(nb.formsMask));
  const commonPartners = self ? 0 : pairs.commonPartners(a.id, b.id);
  const trust = trustValue(commonPartners);
  const allied = !self && pairs.isAllied(a.id, b.id);
  const met = !self && pairs.hasMet(a.id, b.id);
  const alliedMode = !allied ? ALLIED_NONE : p.alliedPolicy === 'exclude' ? ALLIED_EXCLUDE : ALLIED_PENALISE;

  const contributions = new Array<number>(8).fill(0);
  const score = self
    ? 0
    : assemble(
        p,
        reciprocity,
        gate,
        causes,
        prox.value,
        crossFamily,
        forms,
        trust,
        alliedMode,
        met,
        contributions,
      );
  const values = [reciprocity, causes, prox.value, crossFamily, forms, trust, allied ? 1 : 0, met ? 1 : 0];
  const w = p.weights;
  const weights = [
    w.complementarity,
    w.causes,
    w.proximity,
    w.crossFamily,
    w.allianceForms,
    w.trust,
    alliedMode === ALLIED_EXCLUDE ? 1 : p.penalties.allied,
    p.penalties.metBefore,
  ];
  const components: ScoreComponent[] = COMPONENT_NAMES.map((name, i) => ({
    name,
    value: values[i],
    weight: weights[i],
    gate: i >= 1 && i <= 5 ? gate : null,
    contribution: self ? 0 : contributions[i],
  }));

  const warnings: string[] = [];
  const sa = sizeOrdinal(a.sizeBand);
  const sb = sizeOrdinal(b.sizeBand);
  if (sa >= 0 && sb >= 0 && Math.abs(sa - sb) >= p.asymmetry.sizeBandGap)
    warnings.push(`SIZE_GAP: very different sizes (${a.sizeBand} vs ${b.sizeBand})`);
  const f = forward.coverage;
  const k = backward.coverage;
  const hi = Math.max(f, k);
  const lo = Math.min(f, k);
  if (hi >= p.asymmetry.minCoverage && lo * p.asymmetry.coverageRatio <= hi)
    warnings.push(
      f >= k
        ? `ONE_SIDED: ${b.id} covers ${pct(f)} of ${a.id}'s weighted needs, ${a.id} covers ${pct(k)} of ${b.id}'s`
        : `ONE_SIDED: ${a.id} covers ${pct(k)} of ${b.id}'s weighted needs, ${b.id} covers ${pct(f)} of ${a.id}'s`,
    );
  if (allied)
    warnings.push(
      alliedMode === ALLIED_EXCLUDE
        ? 'ALLIED: already allied, not proposed (profile excludes allied pairs)'
        : `ALLIED: already allied, score reduced by ${pct(p.penalties.allied)}`,
    );
  if (met)
    warnings.push(`MET_BEFORE: already met at an event, score reduced by ${pct(p.penalties.metBefore)}`);
  return {
    a: a.id,
    b: b.id,
    score,
    modelVersion: MODEL_VERSION,
    profileId: p.id,
    profileVersion: p.version,
    components,
    reciprocity,
    gate,
    forward,
    backward,
    sharedCauses: causesOfMask(interCauses),
    sharedForms: formsOfMask(interForms),
    territory: prox.shared,
    commonPartners,
    allied,
    metBefore: met,
    warnings,
    ...(self
      ? { excluded: 'SELF' as const }
      : alliedMode === ALLIED_EXCLUDE
        ? { excluded: 'ALREADY_ALLIED' as const }
        : {}),
  };
}
