import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AllianceForm, DEFAULT_TIME_ZONE } from '@maillage/domain';
import '@maillage/common';
import { EventFormat, ParticipantSide, SideRule } from '../event-enums';

/** Limits that keep one event within what the optimiser handles in seconds. */
export const MAX_ROUNDS = 30;
export const MAX_PARTICIPANTS = 1000;
export const MAX_CONSTRAINTS = 50;

@InputType()
export class PauseInput {
  @Field(() => Int, { description: '1-based round after which the pause takes place.' })
  @IsInt()
  @Min(1)
  @Max(MAX_ROUNDS)
  afterRound: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(240) minutes: number;
}

@InputType()
export class CreateEventInput {
  @Field() @IsString() @Length(2, 200) title: string;
  @Field(() => GraphQLISODateTime, { description: 'When round 1 starts.' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(300) venue: string = '';
  @Field({
    defaultValue: DEFAULT_TIME_ZONE,
    description:
      'IANA time zone of the venue (e.g. Europe/Paris, America/Martinique): times are shown in it.',
  })
  @IsString()
  @MaxLength(64)
  timeZone: string = DEFAULT_TIME_ZONE;
  @Field(() => EventFormat) @IsEnum(EventFormat) format: EventFormat;
  @Field(() => SideRule, { nullable: true, description: 'BIPARTITE: derive sides from family or kind.' })
  @IsOptional()
  @IsEnum(SideRule)
  sideRule?: SideRule;
  @Field(() => [String], { nullable: true, description: 'BIPARTITE: families or kinds on side A.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sideA?: string[];
  @Field(() => [String], { nullable: true, description: 'BIPARTITE: families or kinds on side B.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sideB?: string[];
  @Field(() => Int, { nullable: true, description: 'TABLES: seats per table (3 to 6).' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(6)
  seats?: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(MAX_ROUNDS) rounds: number;
  @Field(() => Int) @IsInt() @Min(2) @Max(120) roundMinutes: number;
  @Field(() => Int, { defaultValue: 2, description: 'Table change between rounds.' })
  @IsInt()
  @Min(0)
  @Max(60)
  changeMinutes: number = 2;
  @Field(() => [PauseInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ROUNDS)
  @ValidateNested({ each: true })
  @Type(() => PauseInput)
  pauses?: PauseInput[];
  @Field(() => Int, { nullable: true, description: 'Tables available per round; unlimited when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  tables?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_ROUNDS) minMeetings?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ROUNDS) maxMeetings?: number;
  @Field(() => AllianceForm, { nullable: true, description: 'Alliance form recorded on AGREEMENT.' })
  @IsOptional()
  @IsEnum(AllianceForm)
  allianceForm?: AllianceForm;
  @Field(() => Int, { nullable: true, description: 'Seed of the optimiser (same data + seed = same plan).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

@InputType()
export class RegisterParticipantInput {
  @Field(() => ID) @IsString() @Length(1, 40) eventId: string;
  @Field(() => ID) @IsString() @Length(1, 40) actorId: string;
  @Field(() => ParticipantSide, { nullable: true, description: 'BIPARTITE: overrides the derived side.' })
  @IsOptional()
  @IsEnum(ParticipantSide)
  side?: ParticipantSide;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) representativeName?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) representativeEmail?: string;
  @Field(() => [Int], { nullable: true, description: '1-based rounds attended; all when omitted.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_ROUNDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ROUNDS, { each: true })
  availableRounds?: number[];
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_CONSTRAINTS)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  mustMeet?: string[];
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_CONSTRAINTS)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  mustNotMeet?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) goals?: string;
}
