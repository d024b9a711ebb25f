import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { createEvents, EventAttributes } from 'ics';
import { Principal } from '@maillage/auth';
import { EventsService, canSeeRepresentative } from '@maillage/events';
import { localDate, localDateTime, localTime, utcOffset } from '@maillage/domain';
import { AgendaService } from './agenda.service';
import { renderPdf } from './pdf';

/**
 * Printable and importable outputs, produced with well-kept libraries: one ICS calendar per
 * participant, the table plan as CSV and as PDF. Contacts only where the agenda rules allow them.
 * Times people read are in the event's time zone (libs/domain time-zone.ts); the ICS carries UTC
 * instants (`Z`), which every calendar shows in its own zone.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly agendas: AgendaService,
    private readonly events: EventsService,
  ) {}

  async agendaIcs(p: Principal, eventId: string, actorId: string): Promise<string> {
    const { event, agenda } = await this.agendas.agenda(p, eventId, actorId);
    const items: EventAttributes[] = agenda.slots
      .filter((s) => s.meetingId)
      .map((s) => ({
        uid: `${s.meetingId}@maillage`,
        title: `${event.title} : table ${s.table} avec ${s.partners.map((x) => x.name ?? x.actorId).join(', ')}`,
        location: event.venue || undefined,
        start: s.startsAt.getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: s.endsAt.getTime(),
        endInputType: 'utc',
        endOutputType: 'utc',
        description: s.partners
          .map((x) =>
            [x.name ?? x.actorId, x.representative?.name, x.representative?.email]
              .filter(Boolean)
              .join(' / '),
          )
          .join('\n'),
        productId: 'maillage/speed-meetings',
        calName: event.title,
      }));
    const { error, value } = createEvents(items);
    if (error || !value) throw error ?? new Error('ICS generation failed');
    return value;
  }

  /**
   * One row per participant and round (breaks included), for spreadsheets and badge printing; date
   * and times in the event's time zone (named in the time_zone column).
   */
  async tablePlanCsv(p: Principal, eventId: string): Promise<string> {
    const { event, schedule } = await this.agendas.tablePlan(p, eventId);
    const zone = event.timeZone;
    const when = (r: { startsAt: Date; endsAt: Date }) => [
      localDate(r.startsAt, zone),
      localTime(r.startsAt, zone),
      localTime(r.endsAt, zone),
      zone,
    ];
    const regs = new Map((await this.events.findRegistrations(event.id)).map((r) => [r.actorId, r]));
    const rows: (string | number)[][] = [];
    for (const round of schedule.rounds) {
      for (const m of round.meetings) {
        for (const x of m.participants) {
          const r = regs.get(x.actorId);
          const contact = r && canSeeRepresentative(p, event, x.actorId);
          rows.push([
            round.round,
            ...when(round),
            m.table,
            x.actorId,
            x.name ?? '',
            contact ? (r.representativeName ?? '') : '',
            m.participants
              .filter((o) => o.actorId !== x.actorId)
              .map((o) => o.name ?? o.actorId)
              .join(' | '),
            m.score,
          ]);
        }
      }
      for (const id of round.breaks) rows.push([round.round, ...when(round), '', id, '', '', 'BREAK', '']);
    }
    return stringify(rows, {
      header: true,
      columns: [
        'round',
        'date',
        'starts_at',
        'ends_at',
        'time_zone',
        'table',
        'actor_id',
        'actor',
        'representative',
        'partners',
        'score',
      ],
    });
  }

  /** Printable plan: one section per round, one line per table. Base64 (GraphQL carries text). */
  async tablePlanPdf(p: Principal, eventId: string): Promise<string> {
    const { event, schedule } = await this.agendas.tablePlan(p, eventId);
    const zone = event.timeZone;
    return renderPdf({ size: 'A4', margin: 40, info: { Title: event.title } }, (doc) => {
      doc.fontSize(18).text(event.title);
      doc
        .fontSize(10)
        .text(
          [
            event.venue,
            `${localDateTime(event.startsAt, zone)} (heure de ${zone}, ${utcOffset(event.startsAt, zone)})`,
            `version ${schedule.version}`,
          ]
            .filter(Boolean)
            .join(' — '),
        );
      for (const round of schedule.rounds) {
        doc
          .moveDown()
          .fontSize(13)
          .text(`Tour ${round.round} (${localTime(round.startsAt, zone)}–${localTime(round.endsAt, zone)})`);
        doc.fontSize(10);
        for (const m of round.meetings)
          doc.text(`Table ${m.table} : ${m.participants.map((x) => x.name ?? x.actorId).join('  ×  ')}`);
        if (round.breaks.length) doc.text(`Pause : ${round.breaks.length} participant(s)`);
      }
    });
  }
}
