import {
  ActorFamily,
  ActorKind,
  AllianceForm,
  Level,
  Modality,
  Priority,
  SizeBand,
  TerritoryLevel,
} from '@maillage/domain';

/** One thing an actor offers: a competence, in a given form, at a given level (1 basic … 3 expert). */
export interface ScoringOffer {
  readonly competenceId: string;
  readonly modality: Modality;
  readonly level: Level;
}

/** One thing an actor needs (priority 1 nice to have … 3 vital), optionally in a given form. */
export interface ScoringNeed {
  readonly competenceId: string;
  readonly priority: Priority;
  /** When set, offers in another modality only get `profile.modalityMismatch` credit. */
  readonly modality?: Modality;
}

/** A territory acted in, tagged with its level (2-digit codes are ambiguous between régions and départements). */
export interface TerritoryCode {
  readonly level: TerritoryLevel;
  readonly code: string;
}

/**
 * Where an actor is (INSEE commune, EPCI SIREN, département and région of its location) and where it
 * acts. `actsIn` should list each territory acted in at the level it was declared; callers may add
 * the ancestors they know (the library does not know the geography).
 */
export interface TerritoryRef {
  readonly commune?: string;
  readonly epci?: string;
  readonly departement?: string;
  readonly region?: string;
  readonly actsIn?: readonly TerritoryCode[];
}

/** Everything the scoring needs to know about an actor (no names, no database ids beyond `id`). */
export interface ScoringActor {
  readonly id: string;
  readonly family: ActorFamily;
  readonly kind: ActorKind;
  readonly sizeBand?: SizeBand;
  readonly offers: readonly ScoringOffer[];
  readonly needs: readonly ScoringNeed[];
  /** UN Sustainable Development Goals served, 1..17. */
  readonly causes: readonly number[];
  readonly territories: TerritoryRef;
  /** Alliance forms the actor is looking for. */
  readonly allianceForms: readonly AllianceForm[];
}

/** How an offer's competence relates to the need's competence in the taxonomy. */
export type MatchVia = 'exact' | 'parent' | 'child' | 'sibling';

/** One matched (need, offer) term of a directed coverage. */
export interface CoverageMatch {
  /** Competence id of the need (of the actor receiving). */
  readonly needId: string;
  readonly needLabel: string;
  readonly priority: Priority;
  /** Competence id of the best matching offer (of the actor giving). */
  readonly offerId: string;
  readonly offerLabel: string;
  readonly modality: Modality;
  readonly level: Level;
  /** Taxonomy credit only (1 exact, less for partial matches). */
  readonly credit: number;
  readonly via: MatchVia;
  /** Credit × level factor × modality fit: how well this need is covered, 0..1. */
  readonly fit: number;
  /** Share of the coverage this term brings (weighted by priority and rarity); the terms sum to `coverage`. */
  readonly contribution: number;
}

/** "What the giver brings to the receiver". */
export interface DirectedCoverage {
  /** 0..1: weighted share of the receiver's needs covered by the giver's offers. */
  readonly coverage: number;
  /** 0..coverage: the same share counting only the giver's gift offers (sponsorship, donations). */
  readonly giftCoverage: number;
  /** Top matched terms (at most 5), best first. */
  readonly matches: readonly CoverageMatch[];
  readonly needCount: number;
  readonly coveredCount: number;
  /** Competence ids of the receiver's needs the giver does not cover at all. */
  readonly uncovered: readonly string[];
}

export type ComponentName =
  | 'complementarity'
  | 'causes'
  | 'proximity'
  | 'crossFamily'
  | 'allianceForms'
  | 'trust'
  | 'alliedPenalty'
  | 'metBeforePenalty';

/**
 * One line of the explanation. For `complementarity`: contribution = weight × value. For the
 * contextual components (causes … trust): contribution = weight × value × gate (context only counts
 * as far as the pair is complementary). Penalties have weight = the proportional reduction
 * (0..1, or 1 for an exclusion) and a negative contribution. Contributions add up exactly to the score.
 */
export interface ScoreComponent {
  readonly name: ComponentName;
  readonly value: number;
  readonly weight: number;
  /** The gate for contextual components (contribution = weight × value × gate exactly); null otherwise. */
  readonly gate: number | null;
  readonly contribution: number;
}

export type ExclusionReason = 'SELF' | 'ALREADY_ALLIED';

export interface SharedTerritory {
  readonly level: TerritoryLevel;
  readonly code: string;
  /** Whether the shared territory is where both are located, or comes from where they act. */
  readonly via: 'location' | 'actsIn';
}

export interface PairScore {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly modelVersion: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly components: readonly ScoreComponent[];
  /** Reciprocal complementarity (blend of harmonic and arithmetic means of both coverages). */
  readonly reciprocity: number;
  /** 0..1 factor applied to the contextual components. */
  readonly gate: number;
  /** What b brings to a. */
  readonly forward: DirectedCoverage;
  /** What a brings to b. */
  readonly backward: DirectedCoverage;
  readonly sharedCauses: readonly number[];
  readonly sharedForms: readonly AllianceForm[];
  readonly territory: SharedTerritory | null;
  readonly commonPartners: number;
  readonly allied: boolean;
  readonly metBefore: boolean;
  /** Plain-language warnings, each starting with a stable code (SIZE_GAP:, ONE_SIDED:, ALLIED:, MET_BEFORE:). */
  readonly warnings: readonly string[];
  readonly excluded?: ExclusionReason;
}
