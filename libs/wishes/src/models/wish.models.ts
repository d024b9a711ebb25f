import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WishLevel } from '../wish-weights';

registerEnumType(WishLevel, {
  name: 'WishLevel',
  description:
    'WANT « je veux rencontrer », MAYBE « pourquoi pas », NO « non merci » (never seated together).',
});

@ObjectType()
export class Wish {
  @Field(() => ID) eventId: string;
  @Field(() => ID) actorId: string;
  @Field(() => ID) targetId: string;
  @Field(() => WishLevel) level: WishLevel;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType({
  description: 'Another participant, ranked by complementarity, with the reasons and your wish.',
})
export class WishCandidate {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Int, { description: '1 = the most complementary.' }) rank: number;
  @Field(() => Float) score: number;
  @Field(() => [String], { description: 'Components with a non-zero contribution, "name:+0.123".' })
  components: string[];
  @Field(() => [Int]) sharedCauses: number[];
  @Field(() => [String], { description: 'Your needs this participant covers.' }) theyBring: string[];
  @Field(() => [String], { description: 'Their needs you cover.' }) youBring: string[];
  @Field(() => [String]) warnings: string[];
  @Field(() => WishLevel, { nullable: true }) wish: WishLevel | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType({ description: 'How many wishes a schedule meets (pairs of registered participants).' })
export class WishReportModel {
  @Field(() => Int, { description: 'Pairs where both said WANT and that meet.' }) mutualMet: number;
  @Field(() => Int) mutualTotal: number;
  @Field(() => Int, { description: 'Pairs where one said WANT (the other did not refuse) and that meet.' })
  oneSidedMet: number;
  @Field(() => Int) oneSidedTotal: number;
  @Field(() => Int, { description: 'Pairs where one said NO.' }) refusedPairs: number;
  @Field(() => Int, { description: 'Refused pairs seated anyway (0 unless a locked meeting forces it).' })
  refusedSeated: number;
}

@ObjectType()
export class WishedParticipant {
  @Field(() => ID) actorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Int) wanted: number;
}

@ObjectType()
export class WishPair {
  @Field(() => ID) a: string;
  @Field(() => ID) b: string;
}

@ObjectType({ description: "The organiser's view of the wish lists (no notes)." })
export class WishStats {
  @Field(() => ID) eventId: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) deadline: Date | null;
  @Field() open: boolean;
  @Field(() => Int) participants: number;
  @Field(() => Int) participantsWithWishes: number;
  @Field(() => Int) want: number;
  @Field(() => Int) maybe: number;
  @Field(() => Int) no: number;
  @Field(() => Int) mutualPairs: number;
  @Field(() => Int) oneSidedPairs: number;
  @Field(() => Int) refusedPairs: number;
  @Field(() => [WishPair], { description: 'Pairs where both said WANT (to lock or check them).' })
  mutual: WishPair[];
  @Field(() => [WishedParticipant], { description: 'The 10 participants most often wanted.' })
  mostWanted: WishedParticipant[];
}
