import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import '@maillage/common';

// Numbers are only type-checked here: ranges are the scoring library's (validateProfile), which
// reports every problem with its path (input.weights.causes …).

@InputType({ description: 'Weights of the positive components (need not sum to 1).' })
export class ScoringWeightsInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() complementarity?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() causes?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() proximity?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() crossFamily?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() allianceForms?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() trust?: number;
}

@InputType({ description: 'Proportional score reductions, 0..1.' })
export class ScoringPenaltiesInput {
  @Field(() => Float, { nullable: true, description: 'Allied pair (when alliedPolicy = penalise)' })
  @IsOptional()
  @IsNumber()
  allied?: number;
  @Field(() => Float, { nullable: true, description: 'Pair that already met at an event' })
  @IsOptional()
  @IsNumber()
  metBefore?: number;
}

@InputType({
  description:
    'A new version of a scoring profile: fields given override the base (basedOn, else the latest version of the slug, else the default).',
})
export class SaveScoringProfileInput {
  @Field({ description: 'Profile name: lowercase letters, digits and dashes; "default" is built in' })
  @IsString()
  @MaxLength(60)
  slug: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;

  @Field(() => ID, { nullable: true, description: 'Profile id ("slug@version") or slug to start from' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  basedOn?: string;

  @Field(() => ScoringWeightsInput, { nullable: true })
  @IsOptional()
  weights?: ScoringWeightsInput;

  @Field(() => ScoringPenaltiesInput, { nullable: true })
  @IsOptional()
  penalties?: ScoringPenaltiesInput;

  @Field({ nullable: true, description: 'exclude or penalise already-allied pairs' })
  @IsOptional()
  @IsIn(['exclude', 'penalise'])
  alliedPolicy?: string;

  @Field({
    nullable: true,
    description:
      'JSON object of any other profile knob (reciprocity, priorityWeights, proximity, candidates…), deep-merged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  definition?: string;
}
