import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { OrganisationKind, Role } from '../role';

@InputType()
export class CreateOrganisationInput {
  @Field() @IsString() @Length(2, 200) name: string;
  @Field(() => OrganisationKind) @IsEnum(OrganisationKind) kind: OrganisationKind;
}

@InputType()
export class CreateUserInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  actorIds?: string[];
}
