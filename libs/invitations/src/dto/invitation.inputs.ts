import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role } from '@maillage/auth';

@InputType()
export class CreateInvitationInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => ID, {
    nullable: true,
    description: "The organisation the account joins; default the caller's (organisers: their own only).",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @Field(() => [ID], { nullable: true, description: 'ACTOR_EDITOR: the actors it represents.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  actorIds?: string[];
}
