import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { FeedbackInput } from './dto/follow-up.inputs';
import { FeedbackService } from './feedback.service';
import { FollowUpStatsService } from './follow-up-stats.service';
import { EventStats, Feedback } from './models/follow-up.models';

/** Feedback and statistics. */
@Resolver()
export class FollowUpResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly stats: FollowUpStatsService,
  ) {}

  @Mutation(() => Feedback, {
    description: 'Feedback on a meeting; an AGREEMENT records the alliance in the graph (via the outbox).',
  })
  recordFeedback(@CurrentPrincipal() p: Principal, @Args('input') input: FeedbackInput) {
    return this.feedback.record(p, input);
  }

  @Query(() => EventStats)
  eventStats(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.stats.stats(p, eventId);
  }
}
