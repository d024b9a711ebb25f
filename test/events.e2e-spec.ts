import { DataSource } from 'typeorm';
import { ActorsRepository } from '@maillage/actors';
import { Role } from '@maillage/auth';
import { ALLIANCE_FROM_EVENT } from '@maillage/follow-up';
import { OutboxRelayError, OutboxRelayJob } from '@maillage/outbox';
import { TestApi, TestWorker, eventually, finished, pairKey, roundKeys } from './support/api';
import { pdfPageCount, pdfTextLines } from './support/pdf-text';

/**
 * A lab runs a speed-meeting event end to end through GraphQL, with a real in-process worker
 * (NestFactory.createApplicationContext(WorkerModule)) generating the schedule and relaying the
 * outbox: create, register, simulate, generate, review, publish, check in with no-shows, re-pair,
 * feedback with an agreement → the alliance appears on the actor in the graph.
 */

type Meeting = {
  id: string;
  round: number;
  table: number;
  participantIds: string[];
  locked: boolean;
  score: number;
  reasons: { components: string[] }[];
};
type Round = { round: number; meetings: Meeting[]; breaks: string[] };
type Schedule = {
  id: string;
  version: number;
  status: string;
  totalScore: number;
  upperBound: number | null;
  algorithm: string;
  rounds: Round[];
};

const SCHEDULE_FIELDS = `id version status totalScore upperBound algorithm repairedFromRound
  rounds { round startsAt meetings { id round table participantIds locked score reasons { a b score components aGets bGets } } breaks }`;

describe('speed-meeting events (e2e, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let organiser: { apiKey: string; organisationId: string };
  let viewer: { apiKey: string };
  let otherOrganiser: { apiKey: string };
  const actors: string[] = [];
  let eventId: string;
  let schedule: Schedule;
  const tag = `Evt${Date.now().toString(36)}`;

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.gql<T>(query, variables, key);
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.ok<T>(query, variables, key);
  const readSchedule = async () =>
    (
      await ok<{ schedule: Schedule }>(`query($e: ID!) { schedule(eventId: $e) { ${SCHEDULE_FIELDS} } }`, {
        e: eventId,
      })
    ).schedule;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    organiser = await api.user(Role.ORGANISER);
    viewer = await api.user(Role.VIEWER);
    otherOrganiser = await api.user(Role.ORGANISER);
    const profiles = [
      {
        kind: 'ASSOCIATION',
        offers: ['communication.events'],
        needs: ['digital.website', 'legal.governance'],
      },
      { kind: 'COMPANY', offers: ['digital.website', 'legal.governance'], needs: ['communication.events'] },
      { kind: 'ASSOCIATION', offers: ['logistics.storage'], needs: ['logistics.transport'] },
      {
        kind: 'COMPANY',
        offers: ['logistics.transport'],
        needs: ['logistics.storage', 'communication.events'],
      },
      { kind: 'COMMUNE', offers: ['logistics.storage'], needs: ['digital.website'] },
    ];
    const ids = await api.createActorsFromProfiles(organiser.apiKey, 10, profiles, (i) => ({
      name: `${tag} actor ${i}`,
      communeCode: '38185',
      causes: [4, 11],
    }));
    actors.push(...ids);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('creates and opens an event; refuses a viewer and malformed input', async () => {
    const input = {
      title: `${tag} speed meeting`,
      startsAt: '2026-03-10T08:00:00.000Z',
      venue: 'Maison des associations, Grenoble',
      format: 'ONE_TO_ONE',
      rounds: 4,
      roundMinutes: 7,
      changeMinutes: 2,
      pauses: [{ afterRound: 2, minutes: 10 }],
    };
    const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id status rounds format } }`;
    const denied = await gql(CREATE, { input }, viewer.apiKey);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(CREATE, { input: { ...input, rounds: 0 } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'rounds'] });
    const bipartite = await gql(CREATE, { input: { ...input, format: 'BIPARTITE' } });
    expect(bipartite.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'sideA'],
    });

    const zone = await gql(CREATE, { input: { ...input, timeZone: 'Europe/Grenoble' } });
    expect(zone.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'timeZone'],
      reason: 'unknown_time_zone',
    });

    const created = await ok<{ createEvent: { id: string; status: string } }>(CREATE, { input });
    eventId = created.createEvent.id;
    expect(created.createEvent.status).toBe('DRAFT');
    // No time zone given: the default, Europe/Paris.
    const read = await ok<{ event: { timeZone: string } }>(
      `query($id: ID!) { event(id: $id) { timeZone } }`,
      {
        id: eventId,
      },
    );
    expect(read.event.timeZone).toBe('Europe/Paris');
    const opened = await ok<{ openEvent: { status: string } }>(
      `mutation($e: ID!) { openEvent(eventId: $e) { status } }`,
      {
        e: eventId,
      },
    );
    expect(opened.openEvent.status).toBe('OPEN');
    const again = await gql(`mutation($e: ID!) { openEvent(eventId: $e) { status } }`, { e: eventId });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'event_status' });
  });

  it('registers ten participants with field paths on bad input, contacts for the lab only', async () => {
    const REGISTER = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id actorId representative { name email } } }`;
    const unknown = await gql(REGISTER, { input: { eventId, actorId: 'act_doesnotexist' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'actorId'] });
    const badRound = await gql(REGISTER, { input: { eventId, actorId: actors[0], availableRounds: [9] } });
    expect(badRound.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'availableRounds', 0],
    });
    const badMustMeet = await gql(REGISTER, {
      input: { eventId, actorId: actors[0], mustMeet: ['act_nobody'] },
    });
    expect(badMustMeet.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'mustMeet', 0],
    });
    const otherLab = await gql(REGISTER, { input: { eventId, actorId: actors[0] } }, otherOrganiser.apiKey);
    expect(otherLab.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    for (let i = 0; i < actors.length; i++) {
      await ok(REGISTER, {
        input: {
          eventId,
          actorId: actors[i],
          representativeName: `Person ${i}`,
          representativeEmail: `person${i}@example.org`,
          ...(i === 0 ? { mustMeet: [actors[5]] } : {}),
          ...(i === 2 ? { mustNotMeet: [actors[3]] } : {}),
        },
      });
    }
    const twice = await gql(REGISTER, { input: { eventId, actorId: actors[1] } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'already_registered' });

    const LIST = `query($e: ID!) { registrations(eventId: $e) { actorId actorName representative { email } } }`;
    const list = await ok<{
      registrations: { actorId: string; actorName: string; representative: { email: string } }[];
    }>(LIST, { e: eventId });
    expect(list.registrations).toHaveLength(10);
    expect(list.registrations[1]).toMatchObject({
      actorName: `${tag} actor 1`,
      representative: { email: 'person1@example.org' },
    });
    const denied = await gql(LIST, { e: eventId }, viewer.apiKey);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('simulates without saving: meetings per participant, fill rate, score under the LP bound', async () => {
    const sim = await ok<{
      simulateEvent: {
        participants: number;
        meetings: number;
        fillRate: number;
        totalScore: number;
        upperBound: number;
        minMeetingsPerParticipant: number;
        repeatedPairs: number;
        perParticipant: { actorId: string; meetings: number }[];
      };
    }>(
      `query($e: ID!) { simulateEvent(eventId: $e) { participants meetings fillRate totalScore upperBound
        minMeetingsPerParticipant repeatedPairs perParticipant { actorId meetings } } }`,
      { e: eventId },
    );
    const s = sim.simulateEvent;
    expect(s.participants).toBe(10);
    expect(s.meetings).toBeGreaterThanOrEqual(16); // 5 tables × 4 rounds minus the must-not-meet slack
    expect(s.fillRate).toBeGreaterThan(0.8);
    expect(s.totalScore).toBeGreaterThan(0);
    expect(s.upperBound).toBeGreaterThanOrEqual(s.totalScore - 1e-6);
    expect(s.perParticipant).toHaveLength(10);
    expect(s.repeatedPairs).toBe(0); // one-to-one rounds never repeat a pair
    const none = await ok<{ schedule: null }>(`query($e: ID!) { schedule(eventId: $e) { id } }`, {
      e: eventId,
    });
    expect(none.schedule).toBeNull();
  });

  it('generates a draft in the worker, with constraints honoured and the LP bound', async () => {
    const started = await ok<{ generateSchedule: { id: string; status: string } }>(
      `mutation($e: ID!) { generateSchedule(eventId: $e) { id status } }`,
      { e: eventId },
    );
    const run = await eventually(
      () =>
        ok<{
          scheduleRun: { status: string; progress: number; scheduleId: string | null; error: string | null };
        }>(`query($id: ID!) { scheduleRun(id: $id) { status progress scheduleId error } }`, {
          id: started.generateSchedule.id,
        }),
      (r) => finished(r.scheduleRun.status),
      60_000,
    );
    expect(run.scheduleRun).toMatchObject({ status: 'SUCCEEDED', progress: 1, error: null });

    schedule = await readSchedule();
    expect(schedule.id).toBe(run.scheduleRun.scheduleId);
    expect(schedule.status).toBe('DRAFT');
    expect(schedule.rounds).toHaveLength(4);
    expect(schedule.upperBound).not.toBeNull();
    expect(schedule.upperBound!).toBeGreaterThanOrEqual(schedule.totalScore - 1e-6);
    const pairs = schedule.rounds.flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds)));
    expect(new Set(pairs).size).toBe(pairs.length); // nobody meets twice
    expect(pairs).toContain(pairKey([actors[0], actors[5]])); // must-meet
    expect(pairs).not.toContain(pairKey([actors[2], actors[3]])); // must-not-meet
    for (const r of schedule.rounds) {
      const seated = r.meetings.flatMap((m) => m.participantIds);
      expect(seated.length + r.breaks.length).toBe(10); // nobody silently dropped
    }
    expect(schedule.rounds[0].meetings[0].reasons[0].components.length).toBeGreaterThan(0);
    const event = await ok<{ event: { status: string } }>(`query($e: ID!) { event(id: $e) { status } }`, {
      e: eventId,
    });
    expect(event.event.status).toBe('SCHEDULED');
  });

  it('reviews by hand (lock, swap guarded by the checker) and publishes', async () => {
    const last = schedule.rounds[3].meetings[0];
    const locked = await ok<{ lockMeeting: { locked: boolean } }>(
      `mutation($m: ID!) { lockMeeting(meetingId: $m) { locked } }`,
      { m: last.id },
    );
    expect(locked.lockMeeting.locked).toBe(true);

    const [m1, m2] = schedule.rounds[0].meetings;
    const swap = await gql<{ swapParticipants: Schedule }>(
      `mutation($input: SwapParticipantsInput!) { swapParticipants(input: $input) { ${SCHEDULE_FIELDS} } }`,
      {
        input: {
          scheduleId: schedule.id,
          round: 1,
          actorA: m1.participantIds[0],
          actorB: m2.participantIds[0],
        },
      },
    );
    if (swap.errors) {
      // The swap would break a hard rule (e.g. a pair meeting twice): refused with the reason.
      expect(swap.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    } else {
      const round1 = swap.data!.swapParticipants.rounds[0].meetings;
      expect(round1.find((m) => m.id === m1.id)!.participantIds).toContain(m2.participantIds[0]);
    }
    const lockedSwap = await gql(
      `mutation($input: SwapParticipantsInput!) { swapParticipants(input: $input) { id } }`,
      {
        input: {
          scheduleId: schedule.id,
          round: 4,
          actorA: last.participantIds[0],
          actorB: schedule.rounds[3].meetings[1].participantIds[0],
        },
      },
    );
    expect(lockedSwap.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'locked' });

    const published = await ok<{ publishSchedule: { status: string } }>(
      `mutation($s: ID!) { publishSchedule(scheduleId: $s) { status } }`,
      { s: schedule.id },
    );
    expect(published.publishSchedule.status).toBe('PUBLISHED');
    schedule = await readSchedule();
  });

  it('gives agendas and exports, with contacts for the lab and the participant only', async () => {
    const AGENDA = `query($e: ID!, $a: ID!) { agenda(eventId: $e, actorId: $a) { actorName slots { round startsAt table meetingId partners { actorId name reason representative { email } } } } }`;
    const mine = await ok<{
      agenda: {
        slots: {
          round: number;
          startsAt: string;
          partners: { representative: unknown; reason: string | null }[];
        }[];
      };
    }>(AGENDA, { e: eventId, a: actors[0] });
    expect(mine.agenda.slots).toHaveLength(4);
    expect(mine.agenda.slots[2].startsAt).toBe('2026-03-10T08:28:00.000Z'); // 2 × (7 + 2) + 10-minute pause
    const withPartner = mine.agenda.slots.find((s) => s.partners.length)!;
    expect(withPartner.partners[0].representative).not.toBeNull();
    // The profiles make actor 0's partners cover one of its needs or share its causes: a reason line.
    expect(
      mine.agenda.slots
        .flatMap((s) => s.partners)
        .some((x) => /besoin|causes partagées/.test(x.reason ?? '')),
    ).toBe(true);

    const editor = await api.user(Role.ACTOR_EDITOR, { actorIds: [actors[0]] });
    const own = await ok<{ agenda: { slots: { partners: { representative: unknown }[] }[] } }>(
      AGENDA,
      { e: eventId, a: actors[0] },
      editor.apiKey,
    );
    expect(own.agenda.slots.flatMap((s) => s.partners).every((x) => x.representative === null)).toBe(true);
    const someoneElse = await gql(AGENDA, { e: eventId, a: actors[1] }, editor.apiKey);
    expect(someoneElse.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const exports = await ok<{ agendaIcs: string; tablePlanCsv: string; tablePlanPdf: string }>(
      `query($e: ID!, $a: ID!) { agendaIcs(eventId: $e, actorId: $a) tablePlanCsv(eventId: $e) tablePlanPdf(eventId: $e) }`,
      { e: eventId, a: actors[0] },
    );
    expect(exports.agendaIcs).toContain('BEGIN:VCALENDAR');
    expect(exports.agendaIcs).toContain('BEGIN:VEVENT');
    // Calendars get UTC instants, marked as such (08:00Z is 09:00 in Grenoble in March).
    expect(exports.agendaIcs).toMatch(/DTSTART:20260310T0[89]\d{4}Z/);
    const csvLines = exports.tablePlanCsv.trim().split('\n');
    expect(csvLines[0]).toBe(
      'round,date,starts_at,ends_at,time_zone,table,actor_id,actor,representative,partners,score',
    );
    expect(exports.tablePlanCsv).toContain('Person 0');
    // People read the event's local time: round 1 starts at 09:00 in Europe/Paris (08:00 UTC).
    const round1 = csvLines.filter((l) => l.startsWith('1,'));
    expect(round1.length).toBeGreaterThan(0);
    for (const line of round1) expect(line).toMatch(/^1,2026-03-10,09:00,09:07,Europe\/Paris,/);
    expect(csvLines.find((l) => l.startsWith('3,'))).toMatch(/^3,2026-03-10,09:28,09:35,/);
    const pdf = Buffer.from(exports.tablePlanPdf, 'base64');
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const page = pdfTextLines(pdf);
    expect(page).toContain('Tour 1 (09:00–09:07)');
    expect(page).toContain('Tour 3 (09:28–09:35)');
    expect(page.join('\n')).toContain('2026-03-10 09:00 (heure de Europe/Paris, UTC+01:00)');
    expect(page.join('\n')).not.toMatch(/08:00|UTC —/);

    // Printed material: one agenda page per participant, one card per table; local times, names only.
    const printed = await ok<{ agendasPdf: string; tableCardsPdf: string }>(
      `query($e: ID!) { agendasPdf(eventId: $e) tableCardsPdf(eventId: $e) }`,
      { e: eventId },
    );
    const agendasPdf = Buffer.from(printed.agendasPdf, 'base64');
    expect(agendasPdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfPageCount(agendasPdf)).toBe(actors.length);
    const agendaText = pdfTextLines(agendasPdf);
    const nameOf = (id: string) => `${tag} actor ${actors.indexOf(id)}`;
    // Pages in name order; each starts with the participant's name, then its rounds.
    const pageStarts = agendaText.filter((l) => /actor \d+$/.test(l) && l.startsWith(tag));
    expect(pageStarts).toEqual(
      actors.map((_, i) => `${tag} actor ${i}`).sort((a, b) => a.localeCompare(b, 'fr')),
    );
    const first = agendaText.indexOf(nameOf(actors[0]));
    const next = agendaText.findIndex((l, i) => i > first && pageStarts.includes(l));
    const page0 = agendaText.slice(first, next < 0 ? undefined : next);
    expect(page0.join('\n')).toContain('2026-03-10 à 09:00 (heure de Europe/Paris, UTC+01:00)');
    for (const round of schedule.rounds) {
      const seat = round.meetings.find((m) => m.participantIds.includes(actors[0]));
      const head = `Tour ${round.round} (${['09:00–09:07', '09:09–09:16', '09:28–09:35', '09:37–09:44'][round.round - 1]})`;
      expect(page0).toContain(
        seat
          ? `${head} — Table ${seat.table} : ${seat.participantIds
              .filter((x) => x !== actors[0])
              .map(nameOf)
              .join(', ')}`
          : `${head} — pause, pas de rencontre à ce tour`,
      );
    }
    expect(page0).toContain('Pause (09:16–09:28)');
    // A reason from the schedule's meeting data (actor 0 needs the website that company 1 offers...).
    expect(page0.some((l) => /^(couvre votre besoin|vous couvrez son besoin|causes partagées)/.test(l))).toBe(
      true,
    );
    const everything = agendaText.join('\n');
    expect(everything).not.toMatch(/Person \d|@example\.org|08:00/);

    const cardsPdf = Buffer.from(printed.tableCardsPdf, 'base64');
    const tables = [...new Set(schedule.rounds.flatMap((r) => r.meetings.map((m) => m.table)))].sort(
      (a, b) => a - b,
    );
    expect(tables.length).toBeGreaterThan(1);
    expect(pdfPageCount(cardsPdf)).toBe(tables.length);
    const cardText = pdfTextLines(cardsPdf);
    expect(cardText.filter((l) => /^Table \d+$/.test(l))).toEqual(tables.map((t) => `Table ${t}`));
    const m1 = schedule.rounds[0].meetings[0];
    const card = cardText.slice(cardText.indexOf(`Table ${m1.table}`));
    expect(card[3]).toBe(`Tour 1 (09:00–09:07) : ${m1.participantIds.map(nameOf).join(' × ')}`);
    expect(cardText.join('\n')).not.toMatch(/Person \d|@example\.org|08:00/);
    const csvDenied = await gql(
      `query($e: ID!) { tablePlanCsv(eventId: $e) }`,
      { e: eventId },
      viewer.apiKey,
    );
    expect(csvDenied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  let absent: string[] = [];
  it('checks in, marks two no-shows at round 2 and re-pairs: past rounds kept, absentees unseated', async () => {
    const lockedMeeting = schedule.rounds[3].meetings.find((m) => m.locked)!;
    absent = actors
      .filter((id) => !lockedMeeting.participantIds.includes(id) && id !== actors[0] && id !== actors[5])
      .slice(0, 2);
    for (const id of actors.filter((a) => !absent.includes(a)))
      await ok(`mutation($e: ID!, $a: ID!) { checkIn(eventId: $e, actorId: $a) { checkedIn } }`, {
        e: eventId,
        a: id,
      });
    for (const id of absent) {
      const res = await ok<{ markNoShow: { noShow: boolean; absentFromRound: number } }>(
        `mutation($e: ID!, $a: ID!) { markNoShow(eventId: $e, actorId: $a, fromRound: 2) { noShow absentFromRound } }`,
        { e: eventId, a: id },
      );
      expect(res.markNoShow).toEqual({ noShow: true, absentFromRound: 2 });
    }
    const before = schedule;
    const started = Date.now();
    const repaired = await ok<{ repairSchedule: Schedule & { repairedFromRound: number } }>(
      `mutation($e: ID!) { repairSchedule(eventId: $e, fromRound: 2) { ${SCHEDULE_FIELDS} } }`,
      { e: eventId },
    );
    expect(Date.now() - started).toBeLessThan(2000);
    const after = repaired.repairSchedule;
    expect(after.repairedFromRound).toBe(2);
    expect(roundKeys(after.rounds[0])).toEqual(roundKeys(before.rounds[0]));
    for (const r of after.rounds.slice(1)) {
      for (const m of r.meetings) for (const id of absent) expect(m.participantIds).not.toContain(id);
      for (const id of absent) expect(r.breaks).toContain(id);
    }
    expect(roundKeys(after.rounds[3])).toContain(pairKey(lockedMeeting.participantIds));
    const pairs = after.rounds.flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds)));
    expect(new Set(pairs).size).toBe(pairs.length);
    schedule = after;
    const event = await ok<{ event: { status: string } }>(`query($e: ID!) { event(id: $e) { status } }`, {
      e: eventId,
    });
    expect(event.event.status).toBe('LIVE');
  });

  it('records an agreement through the outbox: the alliance appears on the actor, once', async () => {
    const meeting = schedule.rounds[0].meetings.find(
      (m) => !m.participantIds.some((id) => absent.includes(id)),
    )!;
    const [a, b] = meeting.participantIds;
    const FEEDBACK = `mutation($input: FeedbackInput!) { recordFeedback(input: $input) { id outcome partnerId rating } }`;
    const notThere = await gql(FEEDBACK, {
      input: { meetingId: meeting.id, actorId: actors.find((x) => x !== a && x !== b), rating: 4 },
    });
    expect(notThere.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'actorId'],
    });
    const badRating = await gql(FEEDBACK, { input: { meetingId: meeting.id, actorId: a, rating: 9 } });
    expect(badRating.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'rating'],
    });

    const fb = await ok<{ recordFeedback: { outcome: string; partnerId: string } }>(FEEDBACK, {
      input: { meetingId: meeting.id, actorId: a, rating: 5, wantsFollowUp: true, outcome: 'AGREEMENT' },
    });
    expect(fb.recordFeedback).toMatchObject({ outcome: 'AGREEMENT', partnerId: b });
    // The partner reports it too: same fact, one outbox row, the relay runs again (idempotent).
    await ok(FEEDBACK, { input: { meetingId: meeting.id, actorId: b, rating: 4, outcome: 'AGREEMENT' } });

    const ACTOR = `query($id: ID!) { actor(id: $id) { alliances { partner { id } source form } } }`;
    const seen = await eventually(
      () =>
        ok<{ actor: { alliances: { partner: { id: string }; source: string; form: string }[] } }>(ACTOR, {
          id: a,
        }),
      (r) => r.actor.alliances.some((x) => x.partner.id === b),
      30_000,
    );
    const withB = seen.actor.alliances.filter((x) => x.partner.id === b);
    expect(withB).toEqual([{ partner: { id: b }, source: 'event', form: 'CO_PRODUCTION' }]);

    const stats = await eventually(
      () =>
        ok<{ eventStats: Record<string, number | null> }>(
          `query($e: ID!) { eventStats(eventId: $e) { participants checkedIn noShows plannedMeetings heldMeetings
            feedbackCount followUps agreements alliancesRecorded alliancesPending averageRating } }`,
          { e: eventId },
        ),
      (r) => r.eventStats.alliancesPending === 0,
      30_000,
    );
    expect(stats.eventStats).toMatchObject({
      participants: 10,
      checkedIn: 8,
      noShows: 2,
      feedbackCount: 2,
      followUps: 1,
      agreements: 1,
      alliancesRecorded: 1,
      alliancesPending: 0,
      averageRating: 4.5,
    });
    expect(stats.eventStats.heldMeetings).toBeLessThanOrEqual(stats.eventStats.plannedMeetings!);
    expect(stats.eventStats.heldMeetings).toBeGreaterThan(0);
  });

  it('keeps outbox rows pending while Neo4j fails, and relays them on the retry', async () => {
    // Simulate the outage at the repository edge of the worker; the row is real PostgreSQL data.
    const relay = worker.get(OutboxRelayJob);
    const repository = worker.get(ActorsRepository);
    const db = worker.get(DataSource);
    const [x, y] = [actors[6], actors[7]];
    const payload = {
      eventId,
      meetingId: schedule.rounds[0].meetings[0].id,
      a: x,
      b: y,
      form: 'POOLING',
      since: '2026-03-10',
    };
    const [row] = (await db.query(
      `INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb) RETURNING id`,
      [ALLIANCE_FROM_EVENT, `test.${eventId}.${x}.${y}`, JSON.stringify(payload)],
    )) as { id: string }[];
    // Fail only this pair's write, so rows of other events relayed meanwhile are unaffected.
    const original = repository.recordAlliance.bind(repository);
    const spy = jest.spyOn(repository, 'recordAlliance').mockImplementation(async (a, b, ...rest) => {
      if ([a, b].includes(x) && [a, b].includes(y)) throw new Error('ServiceUnavailable');
      return original(a, b, ...rest);
    });
    try {
      await expect(relay.relay()).rejects.toBeInstanceOf(OutboxRelayError);
    } finally {
      spy.mockRestore();
    }
    const [pending] = (await db.query('SELECT processed_at, attempts, last_error FROM outbox WHERE id = $1', [
      row.id,
    ])) as {
      processed_at: Date | null;
      attempts: number;
      last_error: string;
    }[];
    expect(pending).toMatchObject({ processed_at: null, attempts: 1, last_error: 'Error' });

    await relay.relay();
    await relay.relay(); // safe to run twice
    const [done] = (await db.query('SELECT processed_at FROM outbox WHERE id = $1', [row.id])) as {
      processed_at: Date | null;
    }[];
    expect(done.processed_at).not.toBeNull();
    const actor = await ok<{
      actor: { alliances: { partner: { id: string }; form: string; source: string }[] };
    }>(`query($id: ID!) { actor(id: $id) { alliances { partner { id } form source } } }`, { id: x });
    expect(actor.actor.alliances.filter((a) => a.partner.id === y)).toEqual([
      { partner: { id: y }, form: 'POOLING', source: 'event' },
    ]);
  });

  it('closes the event', async () => {
    const closed = await ok<{ closeEvent: { status: string } }>(
      `mutation($e: ID!) { closeEvent(eventId: $e) { status } }`,
      {
        e: eventId,
      },
    );
    expect(closed.closeEvent.status).toBe('CLOSED');
    const late = await gql(`mutation($e: ID!) { repairSchedule(eventId: $e, fromRound: 3) { id } }`, {
      e: eventId,
    });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'event_status' });
  });

  it("lists an actor's events for its editor and the lab; others FORBIDDEN, unknown ids NOT_FOUND", async () => {
    const LIST = `query($a: ID!) { actorEvents(actorId: $a) { id title status startsAt timeZone venue wishesDeadline wishesOpen } }`;
    const editor = await api.user(Role.ACTOR_EDITOR, { actorIds: [actors[0]] });
    const own = await ok<{ actorEvents: { id: string; status: string; wishesOpen: boolean }[] }>(
      LIST,
      { a: actors[0] },
      editor.apiKey,
    );
    expect(own.actorEvents).toEqual([
      {
        id: eventId,
        title: `${tag} speed meeting`,
        status: 'CLOSED',
        startsAt: '2026-03-10T08:00:00.000Z',
        timeZone: expect.any(String),
        venue: 'Maison des associations, Grenoble',
        wishesDeadline: null,
        wishesOpen: false,
      },
    ]);
    const lab = await ok<{ actorEvents: { id: string }[] }>(LIST, { a: actors[0] });
    expect(lab.actorEvents.map((e) => e.id)).toEqual([eventId]);
    // Another lab's organiser sees none of lab A's events.
    const other = await ok<{ actorEvents: unknown[] }>(LIST, { a: actors[0] }, otherOrganiser.apiKey);
    expect(other.actorEvents).toEqual([]);
    const notMine = await gql(LIST, { a: actors[1] }, editor.apiKey);
    expect(notMine.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'not_event_participant',
    });
    expect((await gql(LIST, { a: actors[0] }, viewer.apiKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(LIST, { a: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
