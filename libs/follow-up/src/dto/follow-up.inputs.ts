import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AllianceForm } from '@maillage/domain';
import '@maillage/common';
import { MeetingOutcome } from '@maillage/events';

@InputType()
export class FeedbackInput {
  @Field(() => ID) @IsString() @Length(1, 40) meetingId: string;
  @Field(() => ID, { description: 'The participant giving the feedback.' })
  @IsString()
  @Length(1, 40)
  actorId: string;
  @Field(() => ID, { nullable: true, description: 'Required at a table of 3+: who the outcome is with.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  partnerId?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(5) rating: number;
  @Field({ defaultValue: false }) @IsBoolean() wantsFollowUp: boolean = false;
  @Field(() => MeetingOutcome, { defaultValue: MeetingOutcome.NONE })
  @IsEnum(MeetingOutcome)
  outcome: MeetingOutcome = MeetingOutcome.NONE;
  @Field(() => AllianceForm, {
    nullable: true,
    description: 'AGREEMENT: form of the alliance (event default).',
  })
  @IsOptional()
  @IsEnum(AllianceForm)
  allianceForm?: AllianceForm;
}

@InputType({ description: 'The outcome survey about six months after the event, for one meeting pair.' })
export class OutcomeSurveyInput {
  @Field(() => ID) @IsString() @Length(1, 40) meetingId: string;
  @Field(() => ID, { description: 'The participant answering (or on whose behalf the lab records).' })
  @IsString()
  @Length(1, 40)
  actorId: string;
  @Field(() => ID, { nullable: true, description: 'Required at a table of 3+: who the outcome is with.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  partnerId?: string;
  @Field(() => MeetingOutcome) @IsEnum(MeetingOutcome) outcome: MeetingOutcome;
  @Field({ defaultValue: false, description: 'A lasting alliance came out of it (needs AGREEMENT).' })
  @IsBoolean()
  allianceFormed: boolean = false;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When answered; now when omitted.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  surveyedAt?: Date;
  @Field(() => AllianceForm, {
    nullable: true,
    description: 'AGREEMENT: form of the alliance (event default).',
  })
  @IsOptional()
  @IsEnum(AllianceForm)
  allianceForm?: AllianceForm;
}
