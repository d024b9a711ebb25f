import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AllianceForm } from '@maillage/domain';
import {
  EventFormat,
  EventStatus,
  MeetingOutcome,
  ParticipantSide,
  ScheduleStatus,
  SideRule,
} from '../event-enums';

@ObjectType()
export class Pause {
  @Field(() => Int) afterRound: number;
  @Field(() => Int) minutes: number;
}

@ObjectType()
export class SpeedMeetingEvent {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field() title: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field() venue: string;
  @Field(() => EventFormat) format: EventFormat;
  @Field(() => SideRule, { nullable: true }) sideRule: SideRule | null;
  @Field(() => [String]) sideA: string[];
  @Field(() => [String]) sideB: string[];
  @Field(() => Int, { nullable: true }) seats: number | null;
  @Field(() => Int) rounds: number;
  @Field(() => Int) roundMinutes: number;
  @Field(() => Int) changeMinutes: number;
  @Field(() => [Pause]) pauses: Pause[];
  @Field(() => Int, { nullable: true }) tables: number | null;
  @Field(() => Int, { nullable: true }) minMeetings: number | null;
  @Field(() => Int, { nullable: true }) maxMeetings: number | null;
  @Field(() => AllianceForm) allianceForm: AllianceForm;
  @Field(() => Int) seed: number;
  @Field(() => EventStatus) status: EventStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType({ description: 'Personal data: shown to the organising lab and the participant only.' })
export class Representative {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
}

@ObjectType()
export class Registration {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => ParticipantSide, { nullable: true }) side: ParticipantSide | null;
  @Field(() => Representative, { nullable: true }) representative: Representative | null;
  @Field(() => [Int], { nullable: true, description: '1-based; null = all rounds.' })
  availableRounds: number[] | null;
  @Field(() => [ID]) mustMeet: string[];
  @Field(() => [ID]) mustNotMeet: string[];
  @Field(() => String, { nullable: true }) goals: string | null;
  @Field() checkedIn: boolean;
  @Field() noShow: boolean;
  @Field(() => Int, { nullable: true, description: 'Absent from this (1-based) round on.' })
  absentFromRound: number | null;
  @Field(() => Int, { nullable: true, description: 'Late arrival: present from this (1-based) round on.' })
  presentFromRound: number | null;
}

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
  @Field(() => Int, { nullable: true }) repairedFromRound: number | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt: Date | null;
  @Field(() => [ScheduleRound]) rounds: ScheduleRound[];
}

@ObjectType()
export class AgendaPartner {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Representative, { nullable: true }) representative: Representative | null;
}

@ObjectType()
export class AgendaSlot {
  @Field(() => Int) round: number;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
  @Field(() => ID, { nullable: true, description: 'Null on a break.' }) meetingId: string | null;
  @Field(() => Int, { nullable: true }) table: number | null;
  @Field(() => [AgendaPartner]) partners: AgendaPartner[];
}

@ObjectType()
export class Agenda {
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field() venue: string;
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => Int) version: number;
  @Field(() => [AgendaSlot]) slots: AgendaSlot[];
}

@ObjectType()
export class Feedback {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => ID) actorId: string;
  @Field(() => ID, { nullable: true }) partnerId: string | null;
  @Field(() => Int) rating: number;
  @Field() wantsFollowUp: boolean;
  @Field(() => MeetingOutcome) outcome: MeetingOutcome;
}

@ObjectType()
export class EventStats {
  @Field(() => ID) eventId: string;
  @Field(() => Int) participants: number;
  @Field(() => Int) checkedIn: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) plannedMeetings: number;
  @Field(() => Int, { description: 'Planned meetings whose participants were all present.' })
  heldMeetings: number;
  @Field(() => Int) feedbackCount: number;
  @Field(() => Float, { nullable: true }) averageRating: number | null;
  @Field(() => Int, { description: 'Feedback rows asking for a follow-up.' }) followUps: number;
  @Field(() => Int, { description: 'Meetings with at least one CONTACT outcome or better.' })
  contacts: number;
  @Field(() => Int) negotiations: number;
  @Field(() => Int, { description: 'Distinct pairs that reported an agreement.' }) agreements: number;
  @Field(() => Int, { description: 'Agreements written to the graph.' }) alliancesRecorded: number;
  @Field(() => Int, { description: 'Agreements waiting for the relay (e.g. graph unavailable).' })
  alliancesPending: number;
}

@ObjectType({ description: 'One rejected CSV cell: row is the line in the file (the header is line 1).' })
export class CsvRowProblem {
  @Field(() => Int) row: number;
  @Field() column: string;
  @Field() reason: string;
  @Field() message: string;
}

@ObjectType()
export class CsvRegistrationRow {
  @Field(() => Int) row: number;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field({ description: 'CREATED, UPDATED, UNCHANGED or REJECTED (a rejected row writes nothing).' })
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';
}

@ObjectType()
export class CsvRegistrationReport {
  @Field({ description: 'True: checked only, nothing written.' }) dryRun: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) rejected: number;
  @Field(() => [CsvRegistrationRow]) results: CsvRegistrationRow[];
  @Field(() => [CsvRowProblem]) problems: CsvRowProblem[];
}

@ObjectType()
export class OutcomeSurvey {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => ID) eventId: string;
  @Field(() => [ID], { description: 'The pair, sorted.' }) actorIds: string[];
  @Field(() => GraphQLISODateTime) surveyedAt: Date;
  @Field(() => MeetingOutcome) outcome: MeetingOutcome;
  @Field() allianceFormed: boolean;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType({ description: 'A meeting pair whose six-month outcome survey is due and not yet recorded.' })
export class SurveyDue {
  @Field(() => ID) meetingId: string;
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field(() => GraphQLISODateTime) eventDate: Date;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field(() => Int) round: number;
  @Field(() => [MeetingParticipant]) pair: MeetingParticipant[];
}

@ObjectType({ description: 'Event statistics summed over the events of one lab (organisation).' })
export class LabStats {
  @Field(() => ID) organisationId: string;
  @Field(() => Int) events: number;
  @Field(() => Int) participants: number;
  @Field(() => Int) checkedIn: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) plannedMeetings: number;
  @Field(() => Int) heldMeetings: number;
  @Field(() => Int) feedbackCount: number;
  @Field(() => Float, { nullable: true, description: 'Weighted by feedback count.' })
  averageRating: number | null;
  @Field(() => Int) followUps: number;
  @Field(() => Int) contacts: number;
  @Field(() => Int) negotiations: number;
  @Field(() => Int) agreements: number;
  @Field(() => Int) alliancesRecorded: number;
  @Field(() => Int) alliancesPending: number;
  @Field(() => Int, { description: 'Outcome surveys recorded.' }) surveys: number;
  @Field(() => Int, { description: 'Surveyed pairs reporting a lasting alliance.' }) alliancesFormed: number;
}

@ObjectType()
export class ShowcaseActor {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() kind: string;
}

@ObjectType({ description: 'An exemplary alliance born at an event: organisations only, no personal data.' })
export class ShowcaseAlliance {
  @Field(() => [ShowcaseActor]) actors: ShowcaseActor[];
  @Field() eventTitle: string;
  @Field({ description: 'Month of the event, YYYY-MM.' }) eventMonth: string;
  @Field(() => Float, { nullable: true }) averageRating: number | null;
  @Field({ description: 'Confirmed by the six-month outcome survey.' }) confirmedBySurvey: boolean;
}
