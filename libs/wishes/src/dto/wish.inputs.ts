import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import '@maillage/common';
import { WishLevel } from '../wish-weights';

/** Longest note a participant may attach to a wish. */
export const MAX_WISH_NOTE = 280;

@InputType()
export class SetWishInput {
  @Field(() => ID) @IsString() @Length(1, 40) eventId: string;
  @Field(() => ID, { description: 'The participant expressing the wish (an actor you edit).' })
  @IsString()
  @Length(1, 40)
  actorId: string;
  @Field(() => ID, { description: 'The other participant.' }) @IsString() @Length(1, 40) targetId: string;
  @Field(() => WishLevel, { nullable: true, description: 'null removes the wish.' })
  @IsOptional()
  @IsEnum(WishLevel)
  level?: WishLevel | null;
  @Field(() => String, {
    nullable: true,
    description: `Short note for the lab (at most ${MAX_WISH_NOTE} characters).`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WISH_NOTE)
  note?: string | null;
}
