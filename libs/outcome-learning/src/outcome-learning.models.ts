import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ScoringWeightsModel } from '@maillage/scoring-profiles';
import '@maillage/common';

@ObjectType({ description: 'How one weight changes, and why (in French).' })
export class ProfileWeightChange {
  @Field({ description: 'complementarity, causes, proximity, crossFamily, allianceForms, trust' })
  component: string;
  @Field(() => Float) before: number;
  @Field(() => Float) after: number;
  @Field() explanation: string;
}

@ObjectType({
  description:
    'Component weights fitted on a lab’s outcomes (regularised logistic regression, deterministic), checked on held-out pairs.',
})
export class ProfileSuggestion {
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { description: 'Profile the current weights come from ("slug@version")' }) basedOn: string;
  @Field(() => ScoringWeightsModel) weights: ScoringWeightsModel;
  @Field(() => [ProfileWeightChange]) changes: ProfileWeightChange[];
  @Field(() => Int, { description: 'Met pairs with a known outcome' }) pairs: number;
  @Field(() => Int) agreedPairs: number;
  @Field(() => Int) trainPairs: number;
  @Field(() => Int) heldOutPairs: number;
  @Field(() => Float, { description: 'AUC on held-out pairs with the current weights' }) aucBefore: number;
  @Field(() => Float, { description: 'AUC on held-out pairs with the fitted weights' }) aucAfter: number;
  @Field(() => Float, { description: 'Share of held-out agreed pairs ranked first, current weights' })
  recallBefore: number;
  @Field(() => Float) recallAfter: number;
  @Field({ description: 'In French: what was fitted, and whether it ranks better' }) summary: string;
}
