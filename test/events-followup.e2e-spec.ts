import { Role } from '@maillage/auth';
import { TestApi, TestWorker, eventually, finished, pairKey, roundKeys } from './support/api';

/**
 * What follows the basic lifecycle (test/events.e2e-spec.ts): bulk registration by CSV, regenerating
 * only the unlocked part, late arrivals in live re-pairing, the six-month outcome survey (through
 * the outbox), per-lab statistics and the public-safe showcase of alliances.
 */

type Meeting = { id: string; round: number; participantIds: string[]; locked: boolean };
type Round = { round: number; meetings: Meeting[]; breaks: string[] };
type Schedule = { id: string; version: number; status: string; rounds: Round[] };

const SCHEDULE_FIELDS = `id version status repairedFromRound rounds { round meetings { id round participantIds locked } breaks }`;

describe('speed-meeting follow-up (e2e, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let organiser: { apiKey: string; organisationId: string };
  let viewer: { apiKey: string };
  let otherOrganiser: { apiKey: string };
  const actors: string[] = [];
  let eventId: string;
  let schedule: Schedule;
  const tag = `Fup${Date.now().toString(36)}`;
  const externalId = `${tag}-ext-6`;
  // Seven months ago: the six-month outcome survey is due.
  const startsAt = new Date(Date.now() - 210 * 24 * 3600 * 1000);
  startsAt.setUTCHours(8, 0, 0, 0);

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.gql<T>(query, variables, key);
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.ok<T>(query, variables, key);
  const readSchedule = async (version?: number) =>
    (
      await ok<{ schedule: Schedule }>(
        `query($e: ID!, $v: Int) { schedule(eventId: $e, version: $v) { ${SCHEDULE_FIELDS} } }`,
        { e: eventId, v: version ?? null },
      )
    ).schedule;
  const generate = async (keepLocked: boolean) => {
    const started = await ok<{ generateSchedule: { id: string } }>(
      `mutation($e: ID!, $k: Boolean!) { generateSchedule(eventId: $e, keepLocked: $k) { id } }`,
      { e: eventId, k: keepLocked },
    );
    const run = await eventually(
      () =>
        ok<{ scheduleRun: { status: string; scheduleId: string | null; error: string | null } }>(
          `query($id: ID!) { scheduleRun(id: $id) { status scheduleId error } }`,
          { id: started.generateSchedule.id },
        ),
      (r) => finished(r.scheduleRun.status),
      60_000,
    );
    expect(run.scheduleRun).toMatchObject({ status: 'SUCCEEDED', error: null });
    return run.scheduleRun.scheduleId!;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    organiser = await api.user(Role.ORGANISER);
    viewer = await api.user(Role.VIEWER);
    otherOrganiser = await api.user(Role.ORGANISER);
    const profiles = [
      { kind: 'ASSOCIATION', offers: ['communication.events'], needs: ['digital.website'] },
      { kind: 'COMPANY', offers: ['digital.website'], needs: ['communication.events'] },
      { kind: 'ASSOCIATION', offers: ['logistics.storage'], needs: ['logistics.transport'] },
      { kind: 'COMPANY', offers: ['logistics.transport'], needs: ['logistics.storage'] },
    ];
    const ids = await api.createActorsFromProfiles(organiser.apiKey, 8, profiles, (i) => ({
      name: `${tag} actor ${i}`,
      communeCode: '73001',
      causes: [4],
      ...(i === 6 ? { externalId } : {}),
    }));
    actors.push(...ids);
    const created = await ok<{ createEvent: { id: string } }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: `${tag} follow-up`,
          startsAt: startsAt.toISOString(),
          venue: 'Chambéry',
          format: 'ONE_TO_ONE',
          rounds: 4,
          roundMinutes: 7,
        },
      },
    );
    eventId = created.createEvent.id;
    await ok(`mutation($e: ID!) { openEvent(eventId: $e) { status } }`, { e: eventId });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const CSV = `mutation($e: ID!, $csv: String!, $dry: Boolean!) {
    registerParticipantsCsv(eventId: $e, csv: $csv, dryRun: $dry) {
      dryRun rows created updated unchanged rejected
      results { row actorId status } problems { row column reason message } } }`;
  type Report = {
    dryRun: boolean;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    results: { row: number; actorId: string | null; status: string }[];
    problems: { row: number; column: string; reason: string }[];
  };
  const header =
    'actor_id,external_id,representative_name,representative_email,available_rounds,must_meet,must_not_meet,goals';
  const goodRows = () => [
    `${actors[0]},,Person 0,person0@example.org,,${actors[1]},,Find a website`,
    `${actors[1]},,Person 1,person1@example.org,1|2|3|4,,,`,
    `${actors[2]},,Person 2,person2@example.org,,,${actors[3]},`,
    `${actors[3]},,"Doe, Person 3",person3@example.org,,,,"Storage, maybe"`,
    `${actors[4]},,Person 4,person4@example.org,,,,`,
    `${actors[5]},,Person 5,person5@example.org,,,,`,
    `,${externalId},Person 6,person6@example.org,,,,`,
  ];
  const badRows = () => [
    `${actors[7]},,Person 7,not-an-email,,,,`, // line 9
    `act_nobody,,X,x@example.org,,,,`, // line 10
    `${actors[7]},,Person 7,person7@example.org,1|9,,,`, // line 11
    `${actors[7]},,Person 7,person7@example.org,,${actors[7]},,`, // line 12
    `${actors[7]},,Person 7,person7@example.org,,${actors[0]},${actors[0]},`, // line 13
    `,${tag}-unknown,X,x@example.org,,,,`, // line 14
  ];
  const registrationsCount = async () =>
    (
      await ok<{ registrations: unknown[] }>(`query($e: ID!) { registrations(eventId: $e) { id } }`, {
        e: eventId,
      })
    ).registrations.length;

  it('imports registrations by CSV: dry run, per-row report, rejected rows write nothing, idempotent', async () => {
    const csv = [header, ...goodRows(), ...badRows()].join('\n');
    const denied = await gql(CSV, { e: eventId, csv, dry: true }, viewer.apiKey);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherLab = await gql(CSV, { e: eventId, csv, dry: true }, otherOrganiser.apiKey);
    expect(otherLab.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknownColumn = await gql(CSV, {
      e: eventId,
      csv: `actor_id,shoe_size\n${actors[0]},42`,
      dry: true,
    });
    expect(unknownColumn.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['csv', 'shoe_size'],
    });

    const dry = await ok<{ registerParticipantsCsv: Report }>(CSV, { e: eventId, csv, dry: true });
    expect(dry.registerParticipantsCsv).toMatchObject({
      dryRun: true,
      rows: 13,
      created: 7,
      updated: 0,
      unchanged: 0,
      rejected: 6,
    });
    expect(dry.registerParticipantsCsv.problems).toEqual([
      expect.objectContaining({ row: 9, column: 'representative_email', reason: 'invalid_email' }),
      expect.objectContaining({ row: 10, column: 'actor_id', reason: 'unknown_actor' }),
      expect.objectContaining({ row: 11, column: 'available_rounds', reason: 'round_out_of_range' }),
      expect.objectContaining({ row: 12, column: 'must_meet', reason: 'self_reference' }),
      expect.objectContaining({ row: 13, column: 'must_meet', reason: 'contradiction' }),
      expect.objectContaining({ row: 14, column: 'external_id', reason: 'unknown_actor' }),
    ]);
    expect(dry.registerParticipantsCsv.results[6]).toEqual({ row: 8, actorId: actors[6], status: 'CREATED' });
    expect(await registrationsCount()).toBe(0); // a dry run writes nothing

    const real = await ok<{ registerParticipantsCsv: Report }>(CSV, { e: eventId, csv, dry: false });
    expect(real.registerParticipantsCsv).toMatchObject({ dryRun: false, created: 7, rejected: 6 });
    const regs = await ok<{
      registrations: {
        actorId: string;
        representative: { name: string; email: string };
        availableRounds: number[] | null;
        mustMeet: string[];
        goals: string | null;
      }[];
    }>(
      `query($e: ID!) { registrations(eventId: $e) { actorId representative { name email } availableRounds mustMeet goals } }`,
      { e: eventId },
    );
    expect(regs.registrations.map((r) => r.actorId).sort()).toEqual(actors.slice(0, 7).sort());
    const r3 = regs.registrations.find((r) => r.actorId === actors[3])!;
    expect(r3).toMatchObject({ representative: { name: 'Doe, Person 3' }, goals: 'Storage, maybe' });
    expect(regs.registrations.find((r) => r.actorId === actors[0])!.mustMeet).toEqual([actors[1]]);
    expect(regs.registrations.find((r) => r.actorId === actors[1])!.availableRounds).toEqual([1, 2, 3, 4]);

    const again = await ok<{ registerParticipantsCsv: Report }>(CSV, { e: eventId, csv, dry: false });
    expect(again.registerParticipantsCsv).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 7,
      rejected: 6,
    });
    expect(await registrationsCount()).toBe(7);

    const fixed = [
      header,
      goodRows()[4].replace(',,,,', ',,,,A new goal'),
      `${actors[7]},,Person 7,person7@example.org,,,,`,
    ].join('\r\n');
    const third = await ok<{ registerParticipantsCsv: Report }>(CSV, { e: eventId, csv: fixed, dry: false });
    expect(third.registerParticipantsCsv).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
      rejected: 0,
    });
    expect(await registrationsCount()).toBe(8);
  });

  it('regenerates only the unlocked part: locked meetings kept, the rest re-planned', async () => {
    const first = await generate(false);
    schedule = await readSchedule();
    expect(schedule.id).toBe(first);
    const keep = schedule.rounds[1].meetings[0];
    await ok(`mutation($m: ID!) { lockMeeting(meetingId: $m) { locked } }`, { m: keep.id });

    const denied = await gql(
      `mutation($e: ID!) { generateSchedule(eventId: $e, keepLocked: true) { id } }`,
      { e: eventId },
      viewer.apiKey,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const second = await generate(true);
    const regenerated = await readSchedule(2);
    expect(regenerated.id).toBe(second);
    expect(regenerated.status).toBe('DRAFT');
    const kept = regenerated.rounds[1].meetings.find(
      (m) => pairKey(m.participantIds) === pairKey(keep.participantIds),
    );
    expect(kept).toMatchObject({ locked: true });
    expect(regenerated.rounds.flatMap((r) => r.meetings).filter((m) => m.locked)).toHaveLength(1);
    const pairs = regenerated.rounds.flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds)));
    expect(new Set(pairs).size).toBe(pairs.length);
    await ok(`mutation($s: ID!) { publishSchedule(scheduleId: $s) { status } }`, { s: second });
    schedule = await readSchedule();
    expect(schedule.version).toBe(2);
  });

  let late: string;
  it('marks a late arrival and re-pairs around it: no meeting before it arrives', async () => {
    const lockedIds = schedule.rounds
      .flatMap((r) => r.meetings.filter((m) => m.locked))
      .flatMap((m) => m.participantIds);
    late = actors.find((a) => !lockedIds.includes(a) && a !== actors[0] && a !== actors[1])!;
    const LATE = `mutation($e: ID!, $a: ID!, $r: Int!) { markLateArrival(eventId: $e, actorId: $a, fromRound: $r) { actorId presentFromRound noShow } }`;
    const denied = await gql(LATE, { e: eventId, a: late, r: 3 }, viewer.apiKey);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badRound = await gql(LATE, { e: eventId, a: late, r: 9 });
    expect(badRound.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['fromRound'] });
    const notRegistered = await gql(LATE, { e: eventId, a: 'act_nobody', r: 3 });
    expect(notRegistered.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['actorId'] });

    const marked = await ok<{ markLateArrival: { presentFromRound: number; noShow: boolean } }>(LATE, {
      e: eventId,
      a: late,
      r: 3,
    });
    expect(marked.markLateArrival).toMatchObject({ presentFromRound: 3, noShow: false });

    const before = schedule;
    const repaired = await ok<{ repairSchedule: Schedule }>(
      `mutation($e: ID!) { repairSchedule(eventId: $e, fromRound: 2) { ${SCHEDULE_FIELDS} } }`,
      { e: eventId },
    );
    const after = repaired.repairSchedule;
    expect(roundKeys(after.rounds[0])).toEqual(roundKeys(before.rounds[0]));
    expect(after.rounds[1].meetings.flatMap((m) => m.participantIds)).not.toContain(late);
    expect(after.rounds[1].breaks).toContain(late);
    const laterSeats = after.rounds.slice(2).flatMap((r) => r.meetings.flatMap((m) => m.participantIds));
    expect(laterSeats).toContain(late);
    const pairs = after.rounds.flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds)));
    expect(new Set(pairs).size).toBe(pairs.length);
    schedule = after;
    await ok(`mutation($e: ID!) { closeEvent(eventId: $e) { status } }`, { e: eventId });
  });

  const SURVEY = `mutation($input: OutcomeSurveyInput!) { recordOutcomeSurvey(input: $input) { id meetingId actorIds outcome allianceFormed comment surveyedAt } }`;
  const DUE = `query($e: ID) { meetingsDueForSurvey(eventId: $e) { meetingId eventId round dueAt pair { actorId name } } }`;
  type Due = { meetingId: string; round: number; dueAt: string; pair: { actorId: string }[] };
  let surveyed: Meeting;

  it('lists meetings due for the six-month survey and records it; AGREEMENT reaches the graph', async () => {
    const deniedDue = await gql(DUE, { e: eventId }, viewer.apiKey);
    expect(deniedDue.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const due = await ok<{ meetingsDueForSurvey: Due[] }>(DUE, { e: eventId });
    // The late participant missed rounds 1 and 2: its round-1 meeting did not take place.
    const held = schedule.rounds.flatMap((r) =>
      r.meetings.filter((m) => r.round >= 3 || !m.participantIds.includes(late)),
    );
    expect(due.meetingsDueForSurvey).toHaveLength(held.length);
    expect(new Date(due.meetingsDueForSurvey[0].dueAt).getTime()).toBeLessThanOrEqual(Date.now());
    const mine = await ok<{ meetingsDueForSurvey: Due[] }>(DUE, {});
    expect(mine.meetingsDueForSurvey.length).toBe(held.length); // the lab has this one event
    const elsewhere = await ok<{ meetingsDueForSurvey: Due[] }>(DUE, {}, otherOrganiser.apiKey);
    expect(elsewhere.meetingsDueForSurvey).toEqual([]);

    surveyed = schedule.rounds[0].meetings.filter((m) => !m.participantIds.includes(late))[0];
    const [a, b] = surveyed.participantIds;
    const contradiction = await gql(SURVEY, {
      input: { meetingId: surveyed.id, actorId: a, outcome: 'CONTACT', allianceFormed: true },
    });
    expect(contradiction.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'allianceFormed'],
    });
    const future = await gql(SURVEY, {
      input: { meetingId: surveyed.id, actorId: a, outcome: 'NONE', surveyedAt: '2999-01-01T00:00:00Z' },
    });
    expect(future.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'surveyedAt'],
    });
    const badOutcome = await gql(SURVEY, {
      input: { meetingId: surveyed.id, actorId: a, outcome: 'MARRIAGE' },
    });
    expect(badOutcome.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stranger = actors.find((x) => !surveyed.participantIds.includes(x))!;
    const notThere = await gql(SURVEY, {
      input: { meetingId: surveyed.id, actorId: stranger, outcome: 'NONE' },
    });
    expect(notThere.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'actorId'],
    });
    const denied = await gql(
      SURVEY,
      { input: { meetingId: surveyed.id, actorId: a, outcome: 'NONE' } },
      viewer.apiKey,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const first = await ok<{ recordOutcomeSurvey: { id: string } }>(SURVEY, {
      input: { meetingId: surveyed.id, actorId: a, outcome: 'NEGOTIATION', comment: 'talking' },
    });
    const second = await ok<{ recordOutcomeSurvey: { id: string; actorIds: string[]; outcome: string } }>(
      SURVEY,
      {
        input: {
          meetingId: surveyed.id,
          actorId: b,
          outcome: 'AGREEMENT',
          allianceFormed: true,
          allianceForm: 'POOLING',
          comment: 'shared storage since spring',
        },
      },
    );
    expect(second.recordOutcomeSurvey).toMatchObject({
      id: first.recordOutcomeSurvey.id, // one survey per pair, updated in place
      actorIds: [a, b].sort(),
      outcome: 'AGREEMENT',
    });
    const after = await ok<{ meetingsDueForSurvey: Due[] }>(DUE, { e: eventId });
    expect(after.meetingsDueForSurvey).toHaveLength(held.length - 1);
    expect(after.meetingsDueForSurvey.map((d) => d.meetingId)).not.toContain(surveyed.id);

    const seen = await eventually(
      () =>
        ok<{ actor: { alliances: { partner: { id: string }; source: string; form: string }[] } }>(
          `query($id: ID!) { actor(id: $id) { alliances { partner { id } source form } } }`,
          { id: a },
        ),
      (r) => r.actor.alliances.some((x) => x.partner.id === b),
      30_000,
    );
    expect(seen.actor.alliances.filter((x) => x.partner.id === b)).toEqual([
      { partner: { id: b }, source: 'event', form: 'POOLING' },
    ]);
  });

  it('sums statistics per lab and shows alliances without personal data', async () => {
    // A well-rated agreement reported as feedback (not surveyed) also reaches the showcase.
    const other = schedule.rounds[0].meetings.filter((m) => !m.participantIds.includes(late))[1];
    for (const [actorId, rating] of [
      [other.participantIds[0], 5],
      [other.participantIds[1], 4],
    ] as const)
      await ok(`mutation($input: FeedbackInput!) { recordFeedback(input: $input) { id } }`, {
        input: { meetingId: other.id, actorId, rating, outcome: 'AGREEMENT', wantsFollowUp: true },
      });

    const LAB = `query($o: ID!) { labStats(organisationId: $o) { organisationId events participants plannedMeetings
      heldMeetings feedbackCount averageRating followUps agreements surveys alliancesFormed } }`;
    const stats = await ok<{ labStats: Record<string, unknown> }>(LAB, { o: organiser.organisationId });
    expect(stats.labStats).toMatchObject({
      organisationId: organiser.organisationId,
      events: 1,
      participants: 8,
      feedbackCount: 2,
      averageRating: 4.5,
      followUps: 2,
      agreements: 1,
      surveys: 1,
      alliancesFormed: 1,
    });
    const held = schedule.rounds.flatMap((r) =>
      r.meetings.filter((m) => r.round >= 3 || !m.participantIds.includes(late)),
    );
    expect(stats.labStats.heldMeetings).toBe(held.length);
    const otherLab = await gql(LAB, { o: organiser.organisationId }, otherOrganiser.apiKey);
    expect(otherLab.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: ['organisationId'] });
    const viewerDenied = await gql(LAB, { o: organiser.organisationId }, viewer.apiKey);
    expect(viewerDenied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const SHOWCASE = `query($n: Int!) { showcaseAlliances(limit: $n) { actors { id name kind } eventTitle eventMonth averageRating confirmedBySurvey } }`;
    const badLimit = await gql(SHOWCASE, { n: 0 }, viewer.apiKey);
    // The showcase shows a lab's own events (titles and ratings are the lab's): one of its viewers.
    const labViewer = await api.user(Role.VIEWER, { organisationId: organiser.organisationId });
    expect(badLimit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['limit'] });
    const show = await ok<{
      showcaseAlliances: {
        actors: { id: string }[];
        confirmedBySurvey: boolean;
        averageRating: number | null;
      }[];
    }>(SHOWCASE, { n: 50 }, labViewer.apiKey);
    const ids = (x: { actors: { id: string }[] }) => pairKey(x.actors.map((y) => y.id));
    const confirmed = show.showcaseAlliances.find((x) => ids(x) === pairKey(surveyed.participantIds));
    expect(confirmed).toMatchObject({ confirmedBySurvey: true });
    const rated = show.showcaseAlliances.find((x) => ids(x) === pairKey(other.participantIds));
    expect(rated).toMatchObject({ confirmedBySurvey: false, averageRating: 4.5 });
    // Another lab's viewer sees none of this lab's events.
    const outside = await ok<{ showcaseAlliances: { actors: { id: string }[] }[] }>(
      SHOWCASE,
      { n: 50 },
      viewer.apiKey,
    );
    expect(
      outside.showcaseAlliances.find((x) => ids(x) === pairKey(surveyed.participantIds)),
    ).toBeUndefined();
    const text = JSON.stringify(show.showcaseAlliances);
    expect(text).not.toContain('@example.org');
    expect(text).not.toContain('Person ');
    expect(text).not.toContain('shared storage');
  });
});
