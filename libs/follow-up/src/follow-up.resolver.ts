import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { FeedbackInput } from './dto/follow-up.inputs';
import { FeedbackService } from './feedback.service';
import { FollowUpStatsService } from './follow-up-stats.service';
import { FollowUpContactsService } from './follow-up-contacts.service';
import { EventStats, Feedback, FollowUpContact } from './models/follow-up.models';

/** Feedback and statistics. */
@Resolver()
export class FollowUpResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly stats: FollowUpStatsService,
    private readonly contacts: FollowUpContactsService,
  ) {}

  @Mutation(() => Feedback, {
    description: 'Feedback on a meeting; an AGREEMENT records the alliance in the graph (via the outbox).',
  })
  recordFeedback(@CurrentPrincipal() p: Principal, @Args('input') input: FeedbackInput) {
    return this.feedback.record(p, input);
  }

  @Query(() => [FollowUpContact], {
    description:
      'After the event: partners who asked for a follow-up with actorId while actorId asked for one with them ' +
      "(mutual opt-in, feedback wantsFollowUp), with their contact details. For actorId's own editors only.",
  })
  followUpContacts(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
  ) {
    return this.contacts.contacts(p, eventId, actorId);
  }

  @Query(() => EventStats)
  eventStats(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.stats.stats(p, eventId);
  }
}
