import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { AgendaService } from './agenda.service';
import { ExportsService } from './exports.service';
import { PrintService } from './print.service';
import { Agenda } from './models/agenda.models';

/** Agendas and the table plan, on screen and as ICS, CSV and PDF files; agendas and table cards to print. */
@Resolver()
export class AgendasResolver {
  constructor(
    private readonly agendas: AgendaService,
    private readonly exports: ExportsService,
    private readonly print: PrintService,
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

  @Query(() => String, {
    description:
      'Printable agendas: one A4 page per participant (rounds, tables, partners, a reason, pauses), a PDF, base64-encoded. Actor names only.',
  })
  agendasPdf(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.print.agendasPdf(p, eventId);
  }

  @Query(() => String, {
    description:
      'Table cards: one A5 landscape card per table (its number in large type, who sits there each round), a PDF, base64-encoded.',
  })
  tableCardsPdf(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.print.tableCardsPdf(p, eventId);
  }
}
