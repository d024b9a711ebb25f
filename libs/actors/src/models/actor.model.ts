import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  ActorFamily,
  ActorKind,
  AllianceForm,
  Modality,
  SizeBand,
  TerritoryLevel,
  Visibility,
} from '@maillage/domain';
import '@maillage/common';

@ObjectType('TerritoryRef')
export class TerritoryRef {
  @Field() code: string;
  @Field({ description: 'Nom officiel (COG)' }) name: string;
  @Field(() => TerritoryLevel) level: TerritoryLevel;
}

@ObjectType('CompetenceRef')
export class CompetenceRef {
  @Field(() => ID) id: string;
  @Field({ description: 'Libellé français' }) label: string;
}

@ObjectType()
export class Offer {
  @Field(() => CompetenceRef) competence: CompetenceRef;
  @Field(() => Modality) modality: Modality;
  @Field(() => Int, { description: '1 basic, 2 confirmed, 3 expert' }) level: number;
}

@ObjectType()
export class Need {
  @Field(() => CompetenceRef) competence: CompetenceRef;
  @Field(() => Int, { description: '1 nice to have, 2 important, 3 vital' }) priority: number;
}

@ObjectType()
export class CauseRef {
  @Field(() => Int) sdg: number;
  @Field({ description: 'Libellé français (ODD)' }) label: string;
}

@ObjectType()
export class ActorSummary {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ActorKind) kind: ActorKind;
  @Field(() => ActorFamily) family: ActorFamily;
}

@ObjectType()
export class Alliance {
  @Field(() => ActorSummary) partner: ActorSummary;
  @Field(() => AllianceForm) form: AllianceForm;
  @Field(() => GraphQLISODateTime, { nullable: true }) since: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) until: Date | null;
  @Field() active: boolean;
  @Field({ description: 'manual, import, event' }) source: string;
}

@ObjectType({
  description:
    'Personal data: visible to admins, organisers of the managing organisation and the actor editors.',
})
export class ContactPerson {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@ObjectType()
export class Actor {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) externalId: string | null;
  @Field() name: string;
  @Field(() => ActorKind) kind: ActorKind;
  @Field(() => ActorFamily) family: ActorFamily;
  @Field(() => String, { nullable: true }) siren: string | null;
  @Field(() => String, { nullable: true }) rna: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => SizeBand, { nullable: true }) sizeBand: SizeBand | null;
  @Field(() => Visibility) visibility: Visibility;
  @Field(() => [AllianceForm]) allianceForms: AllianceForm[];
  @Field(() => TerritoryRef, { nullable: true }) location: TerritoryRef | null;
  @Field(() => [TerritoryRef]) actsIn: TerritoryRef[];
  @Field(() => [Offer]) offers: Offer[];
  @Field(() => [Need]) needs: Need[];
  @Field(() => [CauseRef]) causes: CauseRef[];
  @Field(() => [Alliance]) alliances: Alliance[];
  @Field(() => [ActorSummary]) memberOf: ActorSummary[];
  @Field(() => ContactPerson, {
    nullable: true,
    description: 'Null unless the caller may see personal data.',
  })
  contact: ContactPerson | null;
  @Field(() => ID, { nullable: true, description: 'Organisation (lab, network) that manages this actor.' })
  managedBy: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType()
export class ActorEdge {
  @Field() cursor: string;
  @Field(() => Actor) node: Actor;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType()
export class ActorConnection {
  @Field(() => [ActorEdge]) edges: ActorEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType({ description: 'An audited claim: an organisation took over an actor managed by nobody.' })
export class ActorClaim {
  @Field(() => ID) id: string;
  @Field(() => ID) actorId: string;
  @Field(() => ID, { description: 'The organisation that manages the actor since.' }) organisationId: string;
  @Field(() => ID, { description: 'The user who claimed it.' }) claimedBy: string;
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) claimedAt: Date;
}
