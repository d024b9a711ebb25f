import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ScheduleObjective {
  /** Maximise the total complementarity. */
  SUM = 'SUM',
  /** « Équité »: maximise the worst-off participants' totals first, then the sum. */
  FAIRNESS = 'FAIRNESS',
}
registerEnumType(ScheduleObjective, { name: 'ScheduleObjective' });

@ObjectType({
  description: 'Spread over the participants: min, 10th percentile, median, max, mean, Gini (0 = equal).',
})
export class Distribution {
  @Field(() => Float) min: number;
  @Field(() => Float) p10: number;
  @Field(() => Float) median: number;
  @Field(() => Float) max: number;
  @Field(() => Float) mean: number;
  @Field(() => Float) gini: number;
}

@ObjectType({
  description: "Fair exposure: each participant's total score and meetings (breaks count as 0).",
})
export class Exposure {
  @Field(() => Int) participants: number;
  @Field(() => Distribution) score: Distribution;
  @Field(() => Distribution) meetings: Distribution;
}

@ObjectType({ description: 'LP bounds of the FAIRNESS objective, over participants who can meet someone.' })
export class FairnessBound {
  @Field(() => Float, { nullable: true, description: 'No plan gives every such participant more than this.' })
  maxMin: number | null;
  @Field(() => Float, { description: "The plan's achieved minimum, the floor of sumAtFloor." }) floor: number;
  @Field(() => Float, {
    nullable: true,
    description: 'No plan with every such participant >= floor totals more.',
  })
  sumAtFloor: number | null;
}

@ObjectType({ description: 'What-if: the FAIRNESS plan against the SUM plan of the same event.' })
export class ObjectiveComparison {
  @Field(() => Float) sumTotalScore: number;
  @Field(() => Float) fairnessTotalScore: number;
  @Field(() => Float, { description: 'Total score given up for fairness.' }) costInTotalScore: number;
  @Field(() => Float) sumMinScore: number;
  @Field(() => Float) fairnessMinScore: number;
  @Field(() => Float) sumGini: number;
  @Field(() => Float) fairnessGini: number;
}
