import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactPerson } from '@maillage/actors';
import { MeetingOutcome, Representative } from '@maillage/events';
import { MeetingParticipant } from '@maillage/schedules';

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

@ObjectType({
  description:
    'A partner who, like you, asked for a follow-up: contact details (personal data, for you only).',
})
export class FollowUpContact {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Representative, { nullable: true, description: 'Who represented it at the event.' })
  representative: Representative | null;
  @Field(() => ContactPerson, { nullable: true, description: "The actor's contact person." })
  contact: ContactPerson | null;
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
