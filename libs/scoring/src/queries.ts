import { ActorFamily, Modality } from '@maillage/domain';
import { directedCoverage } from './coverage';
import { formsCompatibility, popcount } from './formulas';
import { causesMaskOf, causesOfMask, normalizeActor } from './normalize';
import { DEFAULT_PROFILE, ScoringProfile } from './profile';
import { Rarity } from './rarity';
import { ScoringContext, ensureValidProfile, scorePair } from './score-pair';
import { LEVELS, proximity, territoryKeys, tierValues } from './territory';
import type { CoverageMatch, PairScore, ScoringActor, SharedTerritory, TerritoryRef } from './types';
import { MODEL_VERSION } from './version';

/** A named line of a helper's explanation; contributions add up exactly to the score. */
export interface NamedComponent<N extends string = string> {
  readonly name: N;
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
}

export interface LocalCausesOptions {
  /** SDGs the company targets (default: the causes it declares). */
  readonly sdgs?: readonly number[];
  /** Only count offers in these modalities (e.g. [SKILLS] for skills-based sponsorship). */
  readonly modalities?: readonly Modality[];
  /** One of the company's sites, instead of its main location. */
  readonly site?: TerritoryRef;
}

export interface LocalCauseScore {
  readonly company: string;
  readonly association: string;
  readonly score: number;
  readonly modelVersion: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly components: readonly NamedComponent<'coverage' | 'causes' | 'proximity'>[];
  /** What the company brings to the association's needs. */
  readonly coverage: number;
  readonly matches: readonly CoverageMatch[];
  readonly uncovered: readonly string[];
  readonly sharedCauses: readonly number[];
  readonly territory: SharedTerritory | null;
  readonly warnings: readonly string[];
}

/**
 * "Which local causes fit us?" for a company and one association: the company's offers against the
 * association's needs (optionally only some modalities), the SDGs it targets that the association
 * serves (overlap coefficient), and proximity to its site. Proximity only counts when the
 * association is relevant (needs something offered or serves a targeted SDG).
 */
export function localCausesScore(
  company: ScoringActor,
  association: ScoringActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
  options: LocalCausesOptions = {},
): LocalCauseScore {
  const p = ensureValidProfile(profile);
  const giver = normalizeActor(
    options.modalities
      ? { ...company, offers: company.offers.filter((o) => options.modalities!.includes(o.modality)) }
      : company,
  );
  const receiver = normalizeActor(association);
  const cov = directedCoverage(receiver, giver, ctx.taxonomy, ctx.rarity ?? Rarity.uniform(), p);
  const targets = causesMaskOf(options.sdgs ?? company.causes);
  const inter = targets & receiver.causesMask;
  const causes = formsCompatibility(popcount(inter), popcount(targets), popcount(receiver.causesMask));
  const prox = proximity(options.site ?? company.territories, association.territories, p);
  const relevant = cov.coverage > 0 || causes > 0 ? 1 : 0;
  const w = p.localCauses;
  const c0 = w.coverage * cov.coverage;
  const c1 = w.causes * causes;
  const c2 = w.proximity * prox.value * relevant;
  const warnings: string[] = [];
  if (association.family !== ActorFamily.PEER)
    warnings.push(`NOT_ASSOCIATION: ${association.id} is not a peer actor (association, foundation…)`);
  if (company.family !== ActorFamily.PRIVATE)
    warnings.push(`NOT_COMPANY: ${company.id} is not a private actor`);
  return {
    company: company.id,
    association: association.id,
    score: c0 + c1 + c2,
    modelVersion: MODEL_VERSION,
    profileId: p.id,
    profileVersion: p.version,
    components: [
      { name: 'coverage', value: cov.coverage, weight: w.coverage, contribution: c0 },
      { name: 'causes', value: causes, weight: w.causes, contribution: c1 },
      { name: 'proximity', value: prox.value, weight: w.proximity, contribution: c2 },
    ],
    coverage: cov.coverage,
    matches: cov.matches,
    uncovered: cov.uncovered,
    sharedCauses: causesOfMask(inter),
    territory: prox.shared,
    warnings,
  };
}

export interface TriadScore {
  readonly association: string;
  readonly company: string;
  readonly publicActor: string;
  readonly score: number;
  readonly modelVersion: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly components: readonly NamedComponent<'pairs' | 'sharedTerritory'>[];
  /** association–company, association–public, company–public. */
  readonly pairs: readonly [PairScore, PairScore, PairScore];
  /** Finest territory shared by all three (location or acted-in), or null. */
  readonly territory: SharedTerritory | null;
  readonly excluded?: string;
  readonly warnings: readonly string[];
}

/** Finest territory common to the three (value = proximity tier, × actingFactor unless all three are located there). */
export function sharedTerritoryOf(
  actors: readonly ScoringActor[],
  profile: ScoringProfile = DEFAULT_PROFILE,
): { value: number; shared: SharedTerritory | null } {
  if (actors.length === 0) return { value: 0, shared: null };
  let common = new Set(territoryKeys(actors[0].territories));
  for (const a of actors.slice(1)) {
    const keys = new Set(territoryKeys(a.territories));
    common = new Set([...common].filter((k) => keys.has(k)));
  }
  let best: string | null = null;
  for (const k of common) if (best === null || k < best) best = k; // "0:…" (commune) sorts first
  if (best === null) return { value: 0, shared: null };
  const rank = Number(best.slice(0, 1));
  const code = best.slice(2);
  const loc = (t: TerritoryRef) => [t.commune, t.epci, t.departement, t.region][rank];
  const located = actors.every((a) => loc(a.territories) === code);
  const tier = tierValues(profile)[rank];
  return {
    value: located ? tier : tier * profile.proximity.actingFactor,
    shared: { level: LEVELS[rank], code, via: located ? 'location' : 'actsIn' },
  };
}

/**
 * Three-way proposal: association + company + public actor. Each pair must be complementary (the
 * pairs value is the harmonic mean of the three pair scores, 0 if any is 0 or excluded) and they
 * should share a territory (counted only when the pairs value is positive).
 */
export function triadScore(
  association: ScoringActor,
  company: ScoringActor,
  publicActor: ScoringActor,
  ctx: ScoringContext,
  profile: ScoringProfile = DEFAULT_PROFILE,
): TriadScore {
  const p = ensureValidProfile(profile);
  const pairs: [PairScore, PairScore, PairScore] = [
    scorePair(association, company, ctx, p),
    scorePair(association, publicActor, ctx, p),
    scorePair(company, publicActor, ctx, p),
  ];
  const excludedPair = pairs.find((x) => x.excluded);
  const s = pairs.map((x) => (x.excluded ? 0 : Math.max(0, x.score)));
  const pairsValue = s[0] > 0 && s[1] > 0 && s[2] > 0 ? 3 / (1 / s[0] + 1 / s[1] + 1 / s[2]) : 0;
  const terr = sharedTerritoryOf([association, company, publicActor], p);
  const c0 = p.triad.pairs * pairsValue;
  const c1 = p.triad.territory * terr.value * (pairsValue > 0 ? 1 : 0);
  const warnings: string[] = [];
  if (association.family !== ActorFamily.PEER)
    warnings.push(`ROLE: ${association.id} is not a peer actor (association…)`);
  if (company.family !== ActorFamily.PRIVATE) warnings.push(`ROLE: ${company.id} is not a private actor`);
  if (publicActor.family !== ActorFamily.PUBLIC)
    warnings.push(`ROLE: ${publicActor.id} is not a public actor`);
  if (!terr.shared) warnings.push('NO_SHARED_TERRITORY: the three do not share a territory');
  for (const x of pairs) for (const w of x.warnings) warnings.push(`${x.a}–${x.b} ${w}`);
  return {
    association: association.id,
    company: company.id,
    publicActor: publicActor.id,
    score: c0 + c1,
    modelVersion: MODEL_VERSION,
    profileId: p.id,
    profileVersion: p.version,
    components: [
      { name: 'pairs', value: pairsValue, weight: p.triad.pairs, contribution: c0 },
      { name: 'sharedTerritory', value: terr.value, weight: p.triad.territory, contribution: c1 },
    ],
    pairs,
    territory: terr.shared,
    ...(excludedPair ? { excluded: `${excludedPair.a}–${excludedPair.b}: ${excludedPair.excluded}` } : {}),
    warnings,
  };
}
