import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ScheduleStatus } from '@maillage/events';
import {
  Exposure,
  FairnessBound,
  ObjectiveComparison,
  ScheduleObjective,
} from '@maillage/schedule-objectives';
import { WishReportModel } from '@maillage/wishes';

@ObjectType()
export class ParticipantForecast {
  @Field(() => ID) actorId: string;
  @Field(() => Int) meetings: number;
  @Field(() => Float) score: number;
}

@ObjectType()
export class UnplacedParticipant {
  @Field(() => ID) actorId: string;
  @Field({ description: 'Machine-readable, e.g. must-meet-conflict, too-few-tables.' }) code: string;
  @Field() reason: string;
}

@ObjectType({ description: 'What-if result: nothing is saved.' })
export class EventSimulation {
  @Field(() => Int) participants: number;
  @Field(() => Int) rounds: number;
  @Field(() => Int) meetings: number;
  @Field(() => Float, { description: 'Seats used / seats available over all rounds (0..1).' })
  fillRate: number;
  @Field(() => Float) totalScore: number;
  @Field(() => Float, { nullable: true }) upperBound: number | null;
  @Field(() => Float) averageMeetingsPerParticipant: number;
  @Field(() => Int) minMeetingsPerParticipant: number;
  @Field(() => Int) maxMeetingsPerParticipant: number;
  @Field(() => [ParticipantForecast]) perParticipant: ParticipantForecast[];
  @Field(() => [UnplacedParticipant]) unplaced: UnplacedParticipant[];
  @Field() algorithm: string;
  @Field(() => ScheduleObjective) objective: ScheduleObjective;
  @Field(() => Exposure) exposure: Exposure;
  @Field(() => WishReportModel) wishes: WishReportModel;
  @Field(() => FairnessBound, { nullable: true, description: 'FAIRNESS only.' })
  fairnessBound: FairnessBound | null;
  @Field(() => ObjectiveComparison, { nullable: true, description: 'FAIRNESS only: the cost against SUM.' })
  comparison: ObjectiveComparison | null;
}

@ObjectType()
export class ScheduleRun {
  @Field(() => ID) id: string;
  @Field() status: string;
  @Field(() => Float) progress: number;
  @Field(() => ID, { nullable: true }) scheduleId: string | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => WishReportModel, { nullable: true, description: 'Wishes the generated plan meets.' })
  wishes: WishReportModel | null;
}

@ObjectType()
export class PairReason {
  @Field(() => ID) a: string;
  @Field(() => ID) b: string;
  @Field(() => Float) score: number;
  @Field(() => [String], { description: 'Components with a non-zero contribution, "name:+0.123".' })
  components: string[];
  @Field(() => [Int]) sharedCauses: number[];
  @Field(() => [String]) warnings: string[];
  @Field(() => [String], { description: 'Needs of a that b covers.' }) aGets: string[];
  @Field(() => [String], { description: 'Needs of b that a covers.' }) bGets: string[];
}

@ObjectType()
export class MeetingParticipant {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
}

@ObjectType()
export class Meeting {
  @Field(() => ID) id: string;
  @Field(() => Int) round: number;
  @Field(() => Int) table: number;
  @Field(() => [ID]) participantIds: string[];
  @Field(() => [MeetingParticipant]) participants: MeetingParticipant[];
  @Field(() => Float) score: number;
  @Field() locked: boolean;
  @Field(() => [PairReason]) reasons: PairReason[];
}

@ObjectType()
export class ScheduleRound {
  @Field(() => Int) round: number;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
  @Field(() => [Meeting]) meetings: Meeting[];
  @Field(() => [ID], { description: 'Participants without a meeting this round (announced breaks).' })
  breaks: string[];
}

@ObjectType()
export class Schedule {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => Int) version: number;
  @Field(() => ScheduleStatus) status: ScheduleStatus;
  @Field() algorithm: string;
  @Field(() => Float) totalScore: number;
  @Field(() => Float, { nullable: true, description: 'LP relaxation bound on totalScore.' })
  upperBound: number | null;
  @Field(() => [UnplacedParticipant]) unplaced: UnplacedParticipant[];
  @Field(() => ScheduleObjective) objective: ScheduleObjective;
  @Field(() => FairnessBound, { nullable: true, description: 'FAIRNESS only.' })
  fairnessBound: FairnessBound | null;
  @Field(() => Exposure) exposure: Exposure;
  @Field(() => WishReportModel, { description: "Wishes met, against the participants' current wishes." })
  wishes: WishReportModel;
  @Field(() => Int, { nullable: true }) repairedFromRound: number | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt: Date | null;
  @Field(() => [ScheduleRound]) rounds: ScheduleRound[];
}
