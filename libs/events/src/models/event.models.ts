import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AllianceForm } from '@maillage/domain';
import { EventFormat, EventStatus, ParticipantSide, SideRule } from '../event-enums';

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
  @Field({ description: 'IANA time zone of the event: show its times in it.' }) timeZone: string;
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
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Wishes (setWish) are accepted until then; null: while the event is OPEN or SCHEDULED.',
  })
  wishesDeadline: Date | null;
  @Field(() => EventStatus) status: EventStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType({ description: 'An event an actor is registered for, as its participant sees it.' })
export class ActorEventSummary {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => EventStatus) status: EventStatus;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field({ description: 'IANA time zone of the event: show its times in it.' }) timeZone: string;
  @Field() venue: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) wishesDeadline: Date | null;
  @Field({ description: 'Whether the wish list accepts changes now.' }) wishesOpen: boolean;
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
