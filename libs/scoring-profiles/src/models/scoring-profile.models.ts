import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import '@maillage/common';

@ObjectType('ScoringWeights')
export class ScoringWeightsModel {
  @Field(() => Float) complementarity: number;
  @Field(() => Float) causes: number;
  @Field(() => Float) proximity: number;
  @Field(() => Float) crossFamily: number;
  @Field(() => Float) allianceForms: number;
  @Field(() => Float) trust: number;
}

@ObjectType('ScoringPenalties')
export class ScoringPenaltiesModel {
  @Field(() => Float) allied: number;
  @Field(() => Float) metBefore: number;
}

@ObjectType('ScoringProfile', {
  description:
    'One immutable version of a weight set. Stored partners use the platform’s active profile; a lab’s active profile is its members’ default for live scores.',
})
export class ScoringProfileModel {
  @Field(() => ID, { description: '"<slug>@<version>"' }) id: string;
  @Field() slug: string;
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field(() => ID, { nullable: true }) ownerOrganisationId: string | null;
  @Field({ description: 'The built-in default (not stored)' }) builtIn: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdAt: Date | null;
  @Field(() => ScoringWeightsModel) weights: ScoringWeightsModel;
  @Field(() => ScoringPenaltiesModel) penalties: ScoringPenaltiesModel;
  @Field() alliedPolicy: string;
  @Field({ description: 'The whole profile as JSON (every knob)' }) definition: string;
  @Field({ description: 'Stored partners (COMPLEMENTS edges) are computed with it' })
  activeOnPlatform: boolean;
  @Field({ description: 'The caller’s organisation’s default for live scores' })
  activeForMyOrganisation: boolean;
}
