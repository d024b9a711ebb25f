import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { AgendaService } from './agenda.service';
import { FeedbackInput } from './dto/event.inputs';
import { ExportsService } from './exports.service';
import { FeedbackService } from './feedback.service';
import { Agenda, EventStats, Feedback } from './models/event.models';

/** Agendas, exports, feedback and statistics. */
@Resolver()
export class FollowUpResolver {
  constructor(
    private readonly agendas: AgendaService,
    private readonly exports: ExportsService,
    private readonly feedback: FeedbackService,
  ) {}

  @Query(() => Agenda, {
    description: 'A participant agenda: the organising lab, or the participant itself.',
  })
  async agenda(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
  ) {
    return (await this.agendas.agenda(p, eventId, actorId)).agenda;
  }

  @Query(() => String, { description: 'The agenda as an iCalendar (ICS) file.' })
  agendaIcs(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
  ) {
    return this.exports.agendaIcs(p, eventId, actorId);
  }

  @Query(() => String, { description: 'Table plan as CSV (one row per participant and round).' })
  tablePlanCsv(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.exports.tablePlanCsv(p, eventId);
  }

  @Query(() => String, { description: 'Printable table plan: a PDF, base64-encoded.' })
  tablePlanPdf(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.exports.tablePlanPdf(p, eventId);
  }

  @Mutation(() => Feedback, {
    description: 'Feedback on a meeting; an AGREEMENT records the alliance in the graph (via the outbox).',
  })
  recordFeedback(@CurrentPrincipal() p: Principal, @Args('input') input: FeedbackInput) {
    return this.feedback.record(p, input);
  }

  @Query(() => EventStats)
  eventStats(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.feedback.stats(p, eventId);
  }
}
