import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ActorFamily, ActorKind, AllianceForm, Modality, SizeBand, Visibility } from '@maillage/domain';
import { IsRna, IsSiren, IsTerritoryCode } from './validators';
import '@maillage/common';

export const MAX_OFFERS = 50;
export const MAX_NEEDS = 50;
export const MAX_TERRITORIES = 50;

@InputType()
export class OfferInput {
  @Field() @IsString() @MaxLength(80) competenceId: string;
  @Field(() => Modality) @IsEnum(Modality) modality: Modality;
  @Field(() => Int, { defaultValue: 2 }) @IsInt() @Min(1) @Max(3) level: number = 2;
}

@InputType()
export class NeedInput {
  @Field() @IsString() @MaxLength(80) competenceId: string;
  @Field(() => Int, { defaultValue: 2 }) @IsInt() @Min(1) @Max(3) priority: number = 2;
}

@InputType()
export class ContactInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: '$property must be a phone number' })
  phone?: string;
}

@InputType()
export class CreateActorInput {
  @Field() @IsString() @Length(2, 200) name: string;
  @Field(() => ActorKind) @IsEnum(ActorKind) kind: ActorKind;
  @Field({ nullable: true, description: 'Identifier in the lab spreadsheet; re-imports match on it.' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  externalId?: string;
  @Field({ nullable: true }) @IsOptional() @IsSiren() siren?: string;
  @Field({ nullable: true }) @IsOptional() @IsRna() rna?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @Field(() => SizeBand, { nullable: true }) @IsOptional() @IsEnum(SizeBand) sizeBand?: SizeBand;
  @Field(() => Visibility, { nullable: true }) @IsOptional() @IsEnum(Visibility) visibility?: Visibility;
  @Field({ nullable: true, description: 'INSEE code of the commune where the actor is located.' })
  @IsOptional()
  @IsTerritoryCode()
  communeCode?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_TERRITORIES)
  @ArrayUnique()
  @IsTerritoryCode({ each: true })
  actsIn?: string[];
  @Field(() => [OfferInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_OFFERS)
  @ValidateNested({ each: true })
  @Type(() => OfferInput)
  offers?: OfferInput[];
  @Field(() => [NeedInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_NEEDS)
  @ValidateNested({ each: true })
  @Type(() => NeedInput)
  needs?: NeedInput[];
  @Field(() => [Int], { nullable: true, description: 'SDG numbers (1..17).' })
  @IsOptional()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  causes?: number[];
  @Field(() => [AllianceForm], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(AllianceForm, { each: true })
  allianceForms?: AllianceForm[];
  @Field(() => [ID], { nullable: true, description: 'Network heads or federations this actor belongs to.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  memberOf?: string[];
  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;
}

@InputType()
export class UpdateActorInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200) name?: string;
  @Field(() => ActorKind, { nullable: true }) @IsOptional() @IsEnum(ActorKind) kind?: ActorKind;
  @Field({ nullable: true }) @IsOptional() @IsSiren() siren?: string;
  @Field({ nullable: true }) @IsOptional() @IsRna() rna?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @Field(() => SizeBand, { nullable: true }) @IsOptional() @IsEnum(SizeBand) sizeBand?: SizeBand;
  @Field(() => Visibility, { nullable: true }) @IsOptional() @IsEnum(Visibility) visibility?: Visibility;
  @Field(() => [AllianceForm], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(AllianceForm, { each: true })
  allianceForms?: AllianceForm[];
  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;
}

@InputType()
export class SetOffersInput {
  @Field(() => [OfferInput])
  @ArrayMaxSize(MAX_OFFERS)
  @ValidateNested({ each: true })
  @Type(() => OfferInput)
  offers: OfferInput[];
}

@InputType()
export class SetNeedsInput {
  @Field(() => [NeedInput])
  @ArrayMaxSize(MAX_NEEDS)
  @ValidateNested({ each: true })
  @Type(() => NeedInput)
  needs: NeedInput[];
}

@InputType()
export class SetCausesInput {
  @Field(() => [Int])
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  causes: number[];
}

@InputType()
export class SetTerritoriesInput {
  @Field({ nullable: true }) @IsOptional() @IsTerritoryCode() communeCode?: string;
  @Field(() => [String])
  @ArrayMaxSize(MAX_TERRITORIES)
  @ArrayUnique()
  @IsTerritoryCode({ each: true })
  actsIn: string[];
}

@InputType()
export class RecordAllianceInput {
  @Field(() => ID) @IsString() @MaxLength(64) actorId: string;
  @Field(() => ID) @IsString() @MaxLength(64) partnerId: string;
  @Field(() => AllianceForm) @IsEnum(AllianceForm) form: AllianceForm;
  @Field({ nullable: true, description: 'ISO date; defaults to today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be an ISO date (YYYY-MM-DD)' })
  since?: string;
}

@InputType()
export class EndAllianceInput {
  @Field(() => ID) @IsString() @MaxLength(64) actorId: string;
  @Field(() => ID) @IsString() @MaxLength(64) partnerId: string;
  @Field(() => AllianceForm) @IsEnum(AllianceForm) form: AllianceForm;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be an ISO date (YYYY-MM-DD)' })
  until?: string;
}

@InputType()
export class ActorFilter {
  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  @ArrayMaxSize(14)
  kinds?: ActorKind[];
  @Field(() => [ActorFamily], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(ActorFamily, { each: true })
  families?: ActorFamily[];
  @Field({
    nullable: true,
    description: 'Territory code: actors located in or acting in it or anywhere inside it.',
  })
  @IsOptional()
  @IsTerritoryCode()
  territory?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(17) sdg?: number;
  @Field({ nullable: true, description: 'Offers this competence or one of its sub-competences.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  offers?: string;
  @Field({ nullable: true, description: 'Needs this competence or one of its sub-competences.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  needs?: string;
  @Field({ nullable: true, description: 'Case- and accent-insensitive search in the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}
