import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { SetWishInput } from './dto/wish.inputs';
import { Wish, WishCandidate, WishStats } from './models/wish.models';
import { WishesService } from './wishes.service';

/** Wish lists: the participant (its actor's editors) and the organising lab. */
@Resolver()
export class WishesResolver {
  constructor(private readonly wishes: WishesService) {}

  @Query(() => [WishCandidate], {
    description:
      "The event's other participants ranked by complementarity with the reasons, and the wish actorId " +
      'expressed about each (for the participant and the organising lab only).',
  })
  wishCandidates(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
  ) {
    return this.wishes.candidates(p, eventId, actorId);
  }

  @Mutation(() => Wish, {
    nullable: true,
    description:
      'WANT / MAYBE / NO about another participant, until the wishes deadline (CONFLICT wishes_closed after). ' +
      'NO is never seated; a mutual WANT gets a strong bonus, a one-sided one a smaller one. null level removes it.',
  })
  setWish(@CurrentPrincipal() p: Principal, @Args('input') input: SetWishInput) {
    return this.wishes.setWish(p, input);
  }

  @Query(() => WishStats, { description: "The organiser's statistics on the event's wish lists." })
  wishStats(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.wishes.stats(p, eventId);
  }
}
