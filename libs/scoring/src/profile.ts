import { Modality } from '@maillage/domain';
import type { MatchVia } from './types';

export type AlliedPolicy = 'exclude' | 'penalise';
export type CausesMeasure = 'jaccard' | 'overlap';
/** Restricts who can be proposed to whom: none (national), same région, same département (of location). */
export type Blocking = 'none' | 'region' | 'departement';
type ProximityKey = 'commune' | 'epci' | 'departement' | 'region' | 'actingFactor';

/**
 * A versioned set of weights and knobs. A lab may define its own (see `defineProfile`); stored scores
 * carry `id`, `version` and MODEL_VERSION. Every number is documented with its default.
 */
export interface ScoringProfile {
  readonly id: string;
  readonly version: number;
  readonly label?: string;
  /** Weights of the positive components. They need not sum to 1; the default does, so scores are in [0, 1]. */
  readonly weights: {
    /** Reciprocal need coverage (the heart of the score). Default 0.6. */
    readonly complementarity: number;
    /** Shared SDGs. Default 0.1. */
    readonly causes: number;
    /** Territorial proximity. Default 0.14. */
    readonly proximity: number;
    /** Different "worlds" (peer / public / private / academic). Default 0.06. */
    readonly crossFamily: number;
    /** Overlap of alliance forms sought. Default 0.05. */
    readonly allianceForms: number;
    /** Common partners (two-hop trust signal). Default 0.05. */
    readonly trust: number;
  };
  readonly reciprocity: {
    /** R = (1 − alpha)·harmonic + alpha·arithmetic mean of both coverages. 0 = strictly balanced, 1 = plain mean. Default 0.4. */
    readonly alpha: number;
    /**
     * Context gate: contextual components are multiplied by min(1, R / gateAt), so a pair that brings
     * nothing to each other scores 0 however close or alike they are. 0 = gate only at R = 0. Default 0.2.
     */
    readonly gateAt: number;
    /**
     * Implicit return of a gift (taxonomy `gift`: sponsorship, donations), as a share of the gift:
     * tax reduction, visibility, engagement, reported impact (see reciprocityOf). 0 = none. Default 0.75.
     */
    readonly giftReturn: number;
  };
  /** Need weight by priority 1, 2, 3. Default [1, 2, 3.5]. */
  readonly priorityWeights: readonly [number, number, number];
  /** Offer value by level 1, 2, 3. Default [0.6, 0.8, 1]. */
  readonly levelFactors: readonly [number, number, number];
  /** Offer value by modality (a lab can set FUNDING to 0 for a "no money" event). Default all 1, VISIBILITY 0.8. */
  readonly modalityFactors: Readonly<Record<Modality, number>>;
  /** Factor when the need names a modality and the offer is in another one. Default 0.5. */
  readonly modalityMismatch: number;
  /**
   * Taxonomy credit of an offer for a need: exact = same competence; child = the offer is a
   * sub-competence of the need (a specialist for a broad need); parent = the offer is the broader
   * competence above the need (a generalist); sibling = same parent. Default 1, 0.75, 0.6, 0.4.
   */
  readonly taxonomyCredit: Readonly<Record<MatchVia, number>>;
  /** Need weight is multiplied by rarity^exponent, rarity = 1 + ln((N+1)/(offerers+1)). 0 = ignore rarity. Default 1. */
  readonly rarityExponent: number;
  readonly causesMeasure: CausesMeasure;
  /** Proximity value by finest shared level; acting-in overlap is multiplied by actingFactor. */
  readonly proximity: Readonly<Record<ProximityKey, number>>;
  readonly alliedPolicy: AlliedPolicy;
  /** Proportional reductions (0..1) of the score: allied (when policy = penalise) and met before at an event. */
  readonly penalties: { readonly allied: number; readonly metBefore: number };
  /** Warnings: size band gap (in bands) and coverage ratio that flag an asymmetric pair. */
  readonly asymmetry: Readonly<Record<'sizeBandGap' | 'coverageRatio' | 'minCoverage', number>>;
  /** Candidate generation (index): */
  readonly candidates: {
    /** Postings walked per (competence, block) route, best first; bounds the work on ubiquitous competences. Default 400. */
    readonly commonCompetenceCap: number;
    /** Postings walked per sibling route (dense, weak matches: always scored, this bounds the candidates they bring). 0 = none. Default 32. */
    readonly siblingCap: number;
    /** Candidates kept after the walk's estimate, whose coverages are recomputed = prefilterFactor × K. Default 10. */
    readonly prefilterFactor: number;
    /** Candidates rescored exactly per actor = poolFactor × K. Default 2. */
    readonly poolFactor: number;
    /** Territory blocking (also applied by the brute force reference). Default departement. */
    readonly blocking: Blocking;
  };
  /**
   * The three other alliance forms (RESOURCES uses `weights`, `reciprocity`): core components, and
   * context ones × the form's gate = min(1, driver / gateAt) (as far as the reason to ally is there).
   */
  readonly forms: {
    /** Joint action: shared causes and fields (core), complementary capabilities, exchange, network ties. */
    readonly coProduction: FormWeights<
      'causes' | 'fields' | 'capabilities' | 'exchange' | 'network' | 'proximity' | 'crossFamily' | 'sought'
    >;
    /** Pooling of means: the same poolable needs (core), near each other. */
    readonly pooling: FormWeights<'sharedNeeds' | 'proximity' | 'causes' | 'fields' | 'sought'>;
    /** Joint advocacy: shared causes (core), advocacy or representation capacity, network ties. */
    readonly positioning: FormWeights<'causes' | 'advocacy' | 'network' | 'fields' | 'proximity' | 'sought'>;
  };
  /** Company → association "local causes" weights. */
  readonly localCauses: { readonly coverage: number; readonly causes: number; readonly proximity: number };
  /** Triad (association + company + public actor) weights. */
  readonly triad: { readonly pairs: number; readonly territory: number };
}

/** Weights of one alliance form's components, and its gate threshold (0..1). */
export type FormWeights<K extends string> = { readonly [k in K]: number } & { readonly gateAt: number };

export const DEFAULT_PROFILE: ScoringProfile = Object.freeze({
  id: 'default',
  version: 1,
  label: 'Default complementarity profile',
  weights: Object.freeze({
    complementarity: 0.6,
    causes: 0.1,
    proximity: 0.14,
    crossFamily: 0.06,
    allianceForms: 0.05,
    trust: 0.05,
  }),
  reciprocity: Object.freeze({ alpha: 0.4, gateAt: 0.2, giftReturn: 0.75 }),
  priorityWeights: Object.freeze([1, 2, 3.5]) as readonly [number, number, number],
  levelFactors: Object.freeze([0.6, 0.8, 1]) as readonly [number, number, number],
  modalityFactors: Object.freeze({
    [Modality.SKILLS]: 1,
    [Modality.FUNDING]: 1,
    [Modality.IN_KIND]: 1,
    [Modality.PREMISES]: 1,
    [Modality.NETWORK]: 1,
    [Modality.VISIBILITY]: 0.8,
  }),
  modalityMismatch: 0.5,
  taxonomyCredit: Object.freeze({ exact: 1, child: 0.75, parent: 0.6, sibling: 0.4 }),
  rarityExponent: 1,
  causesMeasure: 'jaccard',
  proximity: Object.freeze({ commune: 1, epci: 0.8, departement: 0.6, region: 0.35, actingFactor: 0.9 }),
  alliedPolicy: 'exclude',
  penalties: Object.freeze({ allied: 0.5, metBefore: 0.3 }),
  asymmetry: Object.freeze({ sizeBandGap: 3, coverageRatio: 3, minCoverage: 0.15 }),
  candidates: Object.freeze({
    commonCompetenceCap: 400,
    siblingCap: 32,
    prefilterFactor: 10,
    poolFactor: 2,
    blocking: 'departement',
  }),
  forms: Object.freeze({
    coProduction: Object.freeze({
      causes: 0.2,
      fields: 0.15,
      capabilities: 0.15,
      exchange: 0.25,
      network: 0.05,
      proximity: 0.1,
      crossFamily: 0.05,
      sought: 0.05,
      gateAt: 0.5,
    }),
    pooling: Object.freeze({
      sharedNeeds: 0.5,
      proximity: 0.25,
      causes: 0.1,
      fields: 0.07,
      sought: 0.08,
      gateAt: 0.3,
    }),
    positioning: Object.freeze({
      causes: 0.3,
      advocacy: 0.3,
      network: 0.15,
      fields: 0.07,
      proximity: 0.1,
      sought: 0.08,
      gateAt: 0.3,
    }),
  }),
  localCauses: Object.freeze({ coverage: 0.55, causes: 0.3, proximity: 0.15 }),
  triad: Object.freeze({ pairs: 0.8, territory: 0.2 }),
} as ScoringProfile);

export interface ProfileIssue {
  readonly path: string;
  readonly message: string;
}

export class ProfileValidationError extends Error {
  constructor(readonly issues: readonly ProfileIssue[]) {
    super(`Invalid scoring profile: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ProfileValidationError';
  }
}

type Check = (path: string, v: unknown, issues: ProfileIssue[]) => void;

const num =
  (min: number, max = Infinity, integer = false): Check =>
  (path, v, issues) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      issues.push({ path, message: 'must be a finite number' });
    else if (v < min || v > max)
      issues.push({
        path,
        message: max === Infinity ? `must be ≥ ${min}` : `must be between ${min} and ${max}`,
      });
    else if (integer && !Number.isInteger(v)) issues.push({ path, message: 'must be an integer' });
  };
const oneOf =
  (...values: string[]): Check =>
  (path, v, issues) => {
    if (typeof v !== 'string' || !values.includes(v))
      issues.push({ path, message: `must be one of ${values.join(', ')}` });
  };
const str: Check = (path, v, issues) => {
  if (typeof v !== 'string' || v.trim() === '') issues.push({ path, message: 'must be a non-empty string' });
};

const SCHEMA: Record<string, Check> = {
  id: str,
  version: num(1, Infinity, true),
  'weights.complementarity': num(0),
  'weights.causes': num(0),
  'weights.proximity': num(0),
  'weights.crossFamily': num(0),
  'weights.allianceForms': num(0),
  'weights.trust': num(0),
  'reciprocity.alpha': num(0, 1),
  'reciprocity.gateAt': num(0, 1),
  'reciprocity.giftReturn': num(0, 1),
  'priorityWeights.0': num(0),
  'priorityWeights.1': num(0),
  'priorityWeights.2': num(0),
  'levelFactors.0': num(0, 1),
  'levelFactors.1': num(0, 1),
  'levelFactors.2': num(0, 1),
  ...Object.fromEntries(Object.values(Modality).map((m) => [`modalityFactors.${m}`, num(0, 1)])),
  modalityMismatch: num(0, 1),
  'taxonomyCredit.exact': num(0, 1),
  'taxonomyCredit.child': num(0, 1),
  'taxonomyCredit.parent': num(0, 1),
  'taxonomyCredit.sibling': num(0, 1),
  rarityExponent: num(0, 4),
  causesMeasure: oneOf('jaccard', 'overlap'),
  'proximity.commune': num(0, 1),
  'proximity.epci': num(0, 1),
  'proximity.departement': num(0, 1),
  'proximity.region': num(0, 1),
  'proximity.actingFactor': num(0, 1),
  alliedPolicy: oneOf('exclude', 'penalise'),
  'penalties.allied': num(0, 1),
  'penalties.metBefore': num(0, 1),
  'asymmetry.sizeBandGap': num(1, 4, true),
  'asymmetry.coverageRatio': num(1),
  'asymmetry.minCoverage': num(0, 1),
  'candidates.commonCompetenceCap': num(1, 1_000_000, true),
  'candidates.siblingCap': num(0, 1_000_000, true),
  'candidates.prefilterFactor': num(1, 1000),
  'candidates.poolFactor': num(1, 100),
  'candidates.blocking': oneOf('none', 'region', 'departement'),
  // every form weight of the default profile (≥ 0), and each form's gateAt (0..1)
  ...Object.fromEntries(
    Object.entries(DEFAULT_PROFILE.forms).flatMap(([form, weights]) =>
      Object.keys(weights).map((k) => [`forms.${form}.${k}`, k === 'gateAt' ? num(0, 1) : num(0)] as const),
    ),
  ),
  'localCauses.coverage': num(0),
  'localCauses.causes': num(0),
  'localCauses.proximity': num(0),
  'triad.pairs': num(0),
  'triad.territory': num(0),
};

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Every problem of a candidate profile (empty when valid). */
export function checkProfile(profile: unknown): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (profile === null || typeof profile !== 'object') return [{ path: '', message: 'must be an object' }];
  for (const [path, check] of Object.entries(SCHEMA)) check(path, get(profile, path), issues);
  const p = profile as ScoringProfile;
  if (issues.length === 0) {
    const w = p.weights;
    if (w.complementarity + w.causes + w.proximity + w.crossFamily + w.allianceForms + w.trust <= 0)
      issues.push({ path: 'weights', message: 'at least one weight must be positive' });
    if (w.complementarity <= 0)
      issues.push({
        path: 'weights.complementarity',
        message: 'must be > 0 (the score is about complementarity)',
      });
    const t = p.taxonomyCredit;
    if (!(t.exact >= t.child && t.exact >= t.parent && t.exact >= t.sibling))
      issues.push({ path: 'taxonomyCredit', message: 'exact credit must be the highest' });
    const px = p.proximity;
    if (!(px.commune >= px.epci && px.epci >= px.departement && px.departement >= px.region))
      issues.push({
        path: 'proximity',
        message: 'must not increase with distance (commune ≥ epci ≥ departement ≥ region)',
      });
  }
  return issues;
}

/** Returns the profile when valid; throws ProfileValidationError listing every problem otherwise. */
export function validateProfile(profile: unknown): ScoringProfile {
  const issues = checkProfile(profile);
  if (issues.length) throw new ProfileValidationError(issues);
  return profile as ScoringProfile;
}

type DeepPartial<T> = {
  -readonly [K in keyof T]?: T[K] extends readonly number[]
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};
export type ProfileOverrides = DeepPartial<ScoringProfile> & { id: string; version: number };

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  const plain = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!plain(over) || !plain(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out;
}

/** A lab's profile: overrides deep-merged onto a base (default DEFAULT_PROFILE), then validated. */
export function defineProfile(
  overrides: ProfileOverrides,
  base: ScoringProfile = DEFAULT_PROFILE,
): ScoringProfile {
  return validateProfile(merge(base, overrides));
}

/** Stable key of a profile, e.g. "default@1". */
export function profileKey(profile: ScoringProfile): string {
  return `${profile.id}@${profile.version}`;
}
