import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Representative } from '@maillage/events';

@ObjectType()
export class AgendaPartner {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why they meet, one plain-French line (as on the printed agenda); null when unknown.',
  })
  reason: string | null;
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
  @Field({ description: 'IANA time zone of the event: show startsAt/endsAt in it.' }) timeZone: string;
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => Int) version: number;
  @Field(() => [AgendaSlot]) slots: AgendaSlot[];
}
