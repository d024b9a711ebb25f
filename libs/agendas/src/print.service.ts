import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { EventEntity, EventsService } from '@maillage/events';
import { ScheduleRound } from '@maillage/schedules';
import { localDate, localTime, utcOffset } from '@maillage/domain';
import { AgendaService } from './agenda.service';
import { reasonLine } from './meeting-reason';
import { fitLine, pageWidth, renderPdf } from './pdf';

/** A font size that fits `lines` lines in `height` points (pdfkit line ≈ 1.2 × size), within [min, max]. */
const sizeFor = (height: number, lines: number, min: number, max: number) =>
  Math.max(min, Math.min(max, height / (Math.max(lines, 1) * 1.25)));

/**
 * Printed material for the day, from the same schedule as the table plan (published, or the draft
 * under review) and for the same people (the event's lab, admins): one agenda page per participant
 * and one card per table. Actor names only, never contact persons. Times in the event's time zone.
 * Every line is cut to fit (fitLine) and sizes shrink with the rounds, so a page stays one page.
 */
@Injectable()
export class PrintService {
  constructor(
    private readonly agendas: AgendaService,
    private readonly events: EventsService,
  ) {}

  /** One A4 page per registered participant, in name order. Base64. */
  async agendasPdf(p: Principal, eventId: string): Promise<string> {
    const { event, schedule } = await this.agendas.tablePlan(p, eventId);
    const ids = (await this.events.findRegistrations(event.id)).map((r) => r.actorId);
    const names = await this.events.names(ids);
    const nameOf = (id: string) => names.get(id) ?? id;
    const people = [...ids].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'fr'));
    const span = spanIn(event.timeZone);
    const pauses = pausesAfter(event, schedule.rounds);
    // A4 is 842 pt high; margins and the header leave about 660 pt for the rounds.
    const size = sizeFor(660, schedule.rounds.length * 2 + pauses.size, 6, 12);
    const line = (doc: PDFKit.PDFDocument, text: string, fontSize: number, color = 'black', indent = 0) =>
      doc
        .fontSize(fontSize)
        .fillColor(color)
        .text(fitLine(doc.fontSize(fontSize), text, pageWidth(doc) - indent), { indent });
    return renderPdf({ size: 'A4', margin: 45, info: { Title: `${event.title} — agendas` } }, (doc) => {
      if (!people.length) line(doc, 'Aucun participant inscrit.', 14);
      people.forEach((id, i) => {
        if (i > 0) doc.addPage();
        line(doc, nameOf(id), 20);
        line(doc, event.title, 13);
        line(doc, eventLine(event, schedule.version), 10).moveDown();
        for (const round of schedule.rounds) {
          const m = round.meetings.find((x) => x.participantIds.includes(id));
          const head = `Tour ${round.round} (${span(round)})`;
          if (!m) line(doc, `${head} — pause, pas de rencontre à ce tour`, size);
          else {
            const partners = m.participantIds.filter((x) => x !== id);
            line(doc, `${head} — Table ${m.table} : ${partners.map(nameOf).join(', ')}`, size);
            const why = partners
              .map((x) => {
                const reason = reasonLine(m.reasons, id, x);
                return reason && (partners.length > 1 ? `${nameOf(x)} : ${reason}` : reason);
              })
              .find(Boolean);
            if (why) line(doc, why, size * 0.85, '#555555', 18);
          }
          const pause = pauses.get(round.round);
          if (pause) line(doc, `Pause (${span(pause)})`, size);
        }
      });
    });
  }

  /**
   * One A5 landscape card per table, to stand on it: the table number in large type (read from
   * across the room), then who sits there at each round. Base64.
   */
  async tableCardsPdf(p: Principal, eventId: string): Promise<string> {
    const { event, schedule } = await this.agendas.tablePlan(p, eventId);
    const span = spanIn(event.timeZone);
    const tables = [...new Set(schedule.rounds.flatMap((r) => r.meetings.map((m) => m.table)))].sort(
      (a, b) => a - b,
    );
    // A5 landscape is 420 pt high: the number and the title take about 150 pt of the 360 inside.
    const size = sizeFor(205, schedule.rounds.length, 6, 13);
    return renderPdf(
      { size: 'A5', layout: 'landscape', margin: 30, info: { Title: `${event.title} — chevalets` } },
      (doc) => {
        if (!tables.length) doc.fontSize(14).text('Aucune table occupée dans ce planning.');
        tables.forEach((table, i) => {
          if (i > 0) doc.addPage();
          doc.fontSize(96).text(`Table ${table}`, { align: 'center' });
          doc.fontSize(12).text(fitLine(doc, event.title), { align: 'center' });
          doc.fontSize(10).text(fitLine(doc, eventLine(event)), { align: 'center' });
          doc.moveDown(0.8).fontSize(size);
          for (const round of schedule.rounds) {
            const m = round.meetings.find((x) => x.table === table);
            const who = m ? m.participants.map((x) => x.name ?? x.actorId).join(' × ') : '—';
            doc.text(fitLine(doc, `Tour ${round.round} (${span(round)}) : ${who}`));
          }
        });
      },
    );
  }
}

/** "09:00–09:07" in the zone. */
const spanIn =
  (zone: string) =>
  (r: { startsAt: Date; endsAt: Date }): string =>
    `${localTime(r.startsAt, zone)}–${localTime(r.endsAt, zone)}`;

/** Venue, local date and start, the zone named (as the table plan writes them), the schedule's version. */
function eventLine(event: EventEntity, version?: number): string {
  const zone = event.timeZone;
  return [
    event.venue,
    `${localDate(event.startsAt, zone)} à ${localTime(event.startsAt, zone)} (heure de ${zone}, ${utcOffset(event.startsAt, zone)})`,
    version === undefined ? '' : `version ${version}`,
  ]
    .filter(Boolean)
    .join(' — ');
}

/** The event's pauses (after round N), from the end of that round to the start of the next. */
function pausesAfter(
  event: EventEntity,
  rounds: readonly ScheduleRound[],
): Map<number, { startsAt: Date; endsAt: Date }> {
  const out = new Map<number, { startsAt: Date; endsAt: Date }>();
  for (const pause of event.pauses ?? []) {
    const before = rounds.find((r) => r.round === pause.afterRound);
    const after = rounds.find((r) => r.round === pause.afterRound + 1);
    if (before && after && pause.minutes > 0)
      out.set(before.round, { startsAt: before.endsAt, endsAt: after.startsAt });
  }
  return out;
}
