import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AllianceForm, Modality, TerritoryLevel } from '@maillage/domain';
import { ActorSummary, CompetenceRef } from '@maillage/actors';
import '@maillage/common';

@ObjectType({ description: 'One line of a score explanation; contributions add up to the score.' })
export class ScoreComponent {
  @Field({
    description:
      'complementarity, causes, proximity, crossFamily, allianceForms, trust, alliedPenalty, metBeforePenalty…',
  })
  name: string;
  @Field(() => Float) contribution: number;
  @Field(() => Float, { nullable: true, description: 'Raw value 0..1 (null on stored edges).' })
  value: number | null;
  @Field(() => Float, { nullable: true, description: 'Weight in the profile (null on stored edges).' })
  weight: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Gate of a context component: contribution = weight × value × gate exactly (null for core components and penalties, where contribution = weight × value, or −share for a penalty).',
  })
  gate?: number | null;
  @Field(() => String, { nullable: true, description: 'In French: how the value reaches the contribution' })
  explanation?: string | null;
}

@ObjectType({ description: 'One alliance form’s score for a pair, explained.' })
export class FormExplanation {
  @Field(() => AllianceForm) form: AllianceForm;
  @Field(() => Float, { description: 'Sum of the components' }) score: number;
  @Field(() => Float, { description: 'Factor on the context components: min(1, gateDriver / gateAt)' })
  gate: number;
  @Field(() => Float, { description: 'What drives the gate (e.g. reciprocity for RESOURCES)' })
  gateDriver: number;
  @Field(() => Float) gateAt: number;
  @Field({ description: 'In French: why the context counts fully, partly or not at all' })
  gateExplanation: string;
  @Field(() => [ScoreComponent]) components: ScoreComponent[];
  @Field({ description: 'In French: the reason to ally in this form' }) summary: string;
  @Field(() => [CompetenceRef], { description: 'Shared fields, shared poolable needs, matched needs…' })
  evidence: CompetenceRef[];
}

@ObjectType({ description: 'A need of the receiver covered by an offer of the giver.' })
export class NeedMatch {
  @Field(() => CompetenceRef) need: CompetenceRef;
  @Field(() => Int, { description: '1 nice to have, 2 important, 3 vital' }) priority: number;
  @Field(() => CompetenceRef) offer: CompetenceRef;
  @Field(() => Modality) modality: Modality;
  @Field(() => Int) level: number;
  @Field({ description: 'exact, child (specialist), parent (generalist), sibling' }) via: string;
  @Field(() => Float, { description: 'How well the need is covered, 0..1' }) fit: number;
  @Field(() => Float, { description: 'Share of the coverage this match brings' }) contribution: number;
}

@ObjectType({ description: 'What a giver brings to a receiver.' })
export class Coverage {
  @Field(() => Float, { description: 'Weighted share of the receiver’s needs covered, 0..1' })
  coverage: number;
  @Field(() => Int) needCount: number;
  @Field(() => Int) coveredCount: number;
  @Field(() => [NeedMatch], { description: 'Best matches first (at most 5)' }) matches: NeedMatch[];
  @Field(() => [CompetenceRef]) uncovered: CompetenceRef[];
}

@ObjectType()
export class SharedTerritory {
  @Field() code: string;
  @Field(() => TerritoryLevel) level: TerritoryLevel;
  @Field({ description: 'location (both are there) or actsIn (where they act)' }) via: string;
}

@ObjectType({ description: 'Why two actors complement each other, computed live.' })
export class PairExplanation {
  @Field(() => ActorSummary) a: ActorSummary;
  @Field(() => ActorSummary) b: ActorSummary;
  @Field(() => Float, { description: 'RESOURCES (need↔offer complementarity) score' }) score: number;
  @Field(() => Float, { description: 'Reciprocal need coverage (blend of harmonic and arithmetic means)' })
  reciprocity: number;
  @Field(() => [ScoreComponent], { description: 'Components of the RESOURCES form (the score field)' })
  components: ScoreComponent[];
  @Field(() => [FormExplanation], {
    description: 'Every alliance form: RESOURCES, CO_PRODUCTION, POOLING, POSITIONING',
  })
  forms: FormExplanation[];
  @Field(() => AllianceForm, { description: 'Form the pair is proposed for (highest form score)' })
  bestForm: AllianceForm;
  @Field(() => Float, { description: 'The best form’s score: what the default partner list ranks by' })
  blendedScore: number;
  @Field({ description: 'In French: which form, and why' }) summary: string;
  @Field(() => Coverage, { description: 'What b brings to a' }) forward: Coverage;
  @Field(() => Coverage, { description: 'What a brings to b' }) backward: Coverage;
  @Field(() => [Int]) sharedCauses: number[];
  @Field(() => [AllianceForm]) sharedForms: AllianceForm[];
  @Field(() => SharedTerritory, { nullable: true }) territory: SharedTerritory | null;
  @Field(() => Int, { description: 'Partners both are allied with (trust signal)' }) commonPartners: number;
  @Field() allied: boolean;
  @Field({ description: 'Already met at a speed-meeting event (novelty penalty applied)' })
  metBefore: boolean;
  @Field(() => [String], {
    description: 'Each starts with a stable code: SIZE_GAP:, ONE_SIDED:, ALLIED:, MET_BEFORE:',
  })
  warnings: string[];
  @Field(() => String, {
    nullable: true,
    description: 'SELF or ALREADY_ALLIED when the pair is never proposed',
  })
  excluded: string | null;
  @Field() modelVersion: string;
  @Field() profileId: string;
  @Field(() => Int) profileVersion: number;
}

@ObjectType({
  description:
    'A proposed partner from the stored top-K, with its reasons (re-scored live when another profile than the platform’s is used).',
})
export class PartnerProposal {
  @Field(() => ActorSummary) partner: ActorSummary;
  @Field(() => Int, { description: 'Rank in the list returned (1 = best)' }) rank: number;
  @Field(() => Float, { description: 'Blended score (the best form’s), or the requested form’s' })
  score: number;
  @Field(() => AllianceForm, {
    nullable: true,
    description: 'Form the partner is proposed for (best form; null on edges of an older model)',
  })
  form: AllianceForm | null;
  @Field(() => [Float], {
    nullable: true,
    description: 'Scores of RESOURCES, CO_PRODUCTION, POOLING, POSITIONING, in that order',
  })
  formScores: number[] | null;
  @Field(() => Float, { description: 'What the partner brings to the actor, 0..1' }) forward: number;
  @Field(() => Float, { description: 'What the actor brings to the partner, 0..1' }) backward: number;
  @Field(() => [ScoreComponent]) components: ScoreComponent[];
  @Field() modelVersion: string;
  @Field({ description: 'Slug of the profile the score was computed with' }) profileId: string;
  @Field(() => Int) profileVersion: number;
  @Field(() => GraphQLISODateTime) computedAt: Date;
  @Field(() => PairExplanation, { description: 'Reasons, recomputed on the current profiles' })
  reasons: PairExplanation;
}

@ObjectType({ description: 'An association that fits a company’s skills, causes and territory.' })
export class LocalCause {
  @Field(() => ActorSummary) association: ActorSummary;
  @Field(() => Float) score: number;
  @Field(() => [ScoreComponent]) components: ScoreComponent[];
  @Field(() => Float, { description: 'Share of the association’s needs the company covers' })
  coverage: number;
  @Field(() => [NeedMatch]) matches: NeedMatch[];
  @Field(() => [Int]) sharedCauses: number[];
  @Field(() => SharedTerritory, { nullable: true }) territory: SharedTerritory | null;
  @Field(() => [String]) warnings: string[];
}

@ObjectType({ description: 'Association + company + public actor, each pair complementary.' })
export class Triad {
  @Field(() => ActorSummary) association: ActorSummary;
  @Field(() => ActorSummary) company: ActorSummary;
  @Field(() => ActorSummary) publicActor: ActorSummary;
  @Field(() => Float) score: number;
  @Field(() => [ScoreComponent]) components: ScoreComponent[];
  @Field(() => [Float], { description: 'association–company, association–public, company–public' })
  pairScores: number[];
  @Field(() => SharedTerritory, { nullable: true }) territory: SharedTerritory | null;
  @Field(() => [String]) warnings: string[];
}

@ObjectType()
export class ScoringRunCounts {
  @Field(() => Int) actors: number;
  @Field(() => Int) edges: number;
  @Field(() => Int) chunks: number;
  @Field(() => Int) chunksDone: number;
}

@ObjectType({ description: 'A rebuild of the stored COMPLEMENTS edges.' })
export class ScoringRun {
  @Field(() => ID) id: string;
  @Field({ description: 'QUEUED, RUNNING, SUCCEEDED, FAILED' }) status: string;
  @Field({ description: '"all" or "territory:<code>"' }) scope: string;
  @Field(() => Float, { description: '0..1' }) progress: number;
  @Field(() => Int) totalActors: number;
  @Field(() => Int) doneActors: number;
  @Field(() => ScoringRunCounts) counts: ScoringRunCounts;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds from start to finish (or to now)' })
  durationMs: number | null;
}
