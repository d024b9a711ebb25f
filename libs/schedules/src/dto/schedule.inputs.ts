import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_ROUNDS } from '@maillage/events';
import { ScheduleObjective } from '@maillage/schedule-objectives';

@InputType({ description: 'What-if parameters for simulateEvent; the event values when omitted.' })
export class SimulationInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ROUNDS) rounds?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(500) tables?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(3) @Max(6) seats?: number;
  @Field(() => ScheduleObjective, {
    nullable: true,
    description: 'FAIRNESS also plans SUM and reports the cost.',
  })
  @IsOptional()
  @IsEnum(ScheduleObjective)
  objective?: ScheduleObjective;
}

@InputType()
export class SwapParticipantsInput {
  @Field(() => ID) @IsString() @Length(1, 40) scheduleId: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(MAX_ROUNDS) round: number;
  @Field(() => ID) @IsString() @Length(1, 40) actorA: string;
  @Field(() => ID) @IsString() @Length(1, 40) actorB: string;
}
