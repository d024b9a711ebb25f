import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ActorFamily, ActorKind, AllianceForm } from '@maillage/domain';
import '@maillage/common';

@InputType()
export class PartnerFilter {
  @Field(() => [ActorFamily], { nullable: true })
  @IsOptional()
  @IsEnum(ActorFamily, { each: true })
  families?: ActorFamily[];
  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  kinds?: ActorKind[];
  @Field({ nullable: true, description: 'Territory code: partners located or acting inside it' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  territory?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(17) sdg?: number;
  @Field(() => AllianceForm, { nullable: true })
  @IsOptional()
  @IsEnum(AllianceForm)
  allianceForm?: AllianceForm;
}

@InputType()
export class ScoringScopeInput {
  @Field({ nullable: true, description: 'Rebuild only actors located or acting in this territory' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  territory?: string;
}
