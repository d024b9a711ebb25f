import { Role } from '@maillage/auth';
import { TestApi, TestWorker, eventually, finished, pairKey, skills } from './support/api';

/**
 * Participants' wishes and fair exposure through GraphQL on real services: wish lists ranked by
 * complementarity, the deadline, who may see and set what, generation honouring NO and reporting
 * the wishes met, the FAIRNESS objective against SUM in the what-if, and contact details exchanged
 * after the event by mutual opt-in only.
 */

type Round = { round: number; meetings: { id: string; participantIds: string[] }[] };
type Dist = { min: number; p10: number; median: number; max: number; gini: number };
type WishReport = {
  mutualMet: number;
  mutualTotal: number;
  oneSidedMet: number;
  oneSidedTotal: number;
  refusedPairs: number;
  refusedSeated: number;
};

const WISHES = 'mutualMet mutualTotal oneSidedMet oneSidedTotal refusedPairs refusedSeated';
const DIST = 'min p10 median max mean gini';

describe('wishes and fair exposure (e2e, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let organiser: { apiKey: string; organisationId: string };
  let otherOrganiser: { apiKey: string };
  const editors: string[] = [];
  const actors: string[] = [];
  let eventId: string;
  const tag = `Wish${Date.now().toString(36)}`;
  const startsAt = new Date(Date.now() + 2 * 24 * 3600 * 1000);

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.gql<T>(query, variables, key);
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, key = organiser.apiKey) =>
    api.ok<T>(query, variables, key);
  const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

  const SET_WISH = `mutation($i: SetWishInput!) { setWish(input: $i) { actorId targetId level note } }`;
  const setWish = (
    actor: number,
    target: number,
    level: string | null,
    key = editors[actor],
    note?: string,
  ) =>
    gql<{ setWish: { level: string } | null }>(
      SET_WISH,
      { i: { eventId, actorId: actors[actor], targetId: actors[target], level, ...(note ? { note } : {}) } },
      key,
    );
  const CANDIDATES = `query($e: ID!, $a: ID!) { wishCandidates(eventId: $e, actorId: $a) {
    actorId name rank score components theyBring youBring wish note } }`;
  type Candidate = { actorId: string; rank: number; score: number; wish: string | null; note: string | null };

  const createEvent = async (title: string, rounds: number) =>
    (
      await ok<{ createEvent: { id: string } }>(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: { title, startsAt: startsAt.toISOString(), format: 'ONE_TO_ONE', rounds, roundMinutes: 7 },
        },
      )
    ).createEvent.id;
  const register = async (event: string, ids: string[]) => {
    for (const [i, actorId] of ids.entries())
      await ok(`mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`, {
        i: {
          eventId: event,
          actorId,
          representativeName: `Rep ${i}`,
          representativeEmail: `rep${i}@example.org`,
        },
      });
    await ok(`mutation($e: ID!) { openEvent(eventId: $e) { status } }`, { e: event });
  };
  const generate = async (event: string, objective: string) => {
    const started = await ok<{ generateSchedule: { id: string } }>(
      `mutation($e: ID!, $o: ScheduleObjective!) { generateSchedule(eventId: $e, objective: $o) { id } }`,
      { e: event, o: objective },
    );
    const run = await eventually(
      () =>
        ok<{
          scheduleRun: {
            status: string;
            scheduleId: string | null;
            error: string | null;
            wishes: WishReport | null;
          };
        }>(`query($id: ID!) { scheduleRun(id: $id) { status scheduleId error wishes { ${WISHES} } } }`, {
          id: started.generateSchedule.id,
        }),
      (r) => finished(r.scheduleRun.status),
      60_000,
    );
    expect(run.scheduleRun).toMatchObject({ status: 'SUCCEEDED', error: null });
    return run.scheduleRun;
  };
  const SCHEDULE = `query($e: ID!) { schedule(eventId: $e) { id objective totalScore upperBound
    fairnessBound { maxMin floor sumAtFloor } exposure { participants score { ${DIST} } meetings { ${DIST} } }
    wishes { ${WISHES} } rounds { round meetings { id participantIds } } } }`;
  type ScheduleView = {
    id: string;
    objective: string;
    totalScore: number;
    fairnessBound: { maxMin: number | null; floor: number; sumAtFloor: number | null } | null;
    exposure: { participants: number; score: Dist; meetings: Dist };
    wishes: WishReport;
    rounds: Round[];
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    organiser = await api.user(Role.ORGANISER);
    otherOrganiser = await api.user(Role.ORGANISER);
    const profiles = [
      { kind: 'ASSOCIATION', offers: ['communication.events'], needs: ['digital.website'] },
      { kind: 'COMPANY', offers: ['digital.website'], needs: ['communication.events'] },
      { kind: 'ASSOCIATION', offers: ['logistics.storage'], needs: ['logistics.transport'] },
      { kind: 'COMPANY', offers: ['logistics.transport'], needs: ['logistics.storage'] },
    ];
    actors.push(
      ...(await api.createActorsFromProfiles(organiser.apiKey, 6, profiles, (i) => ({
        name: `${tag} actor ${i}`,
        communeCode: '73001',
        causes: [4],
        contact: { name: `Contact ${i}`, email: `contact${i}@example.org` },
      }))),
    );
    for (const id of actors) editors.push((await api.user(Role.ACTOR_EDITOR, { actorIds: [id] })).apiKey);
    eventId = await createEvent(`${tag} wishes`, 3);
    await register(eventId, actors);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lists the other participants ranked by complementarity, with reasons, to the participant only', async () => {
    const { wishCandidates } = await ok<{ wishCandidates: Candidate[] }>(
      CANDIDATES,
      { e: eventId, a: actors[0] },
      editors[0],
    );
    expect(wishCandidates.map((c) => c.actorId).sort()).toEqual(actors.slice(1).sort());
    expect(wishCandidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = wishCandidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Actor 1 offers the website actor 0 needs.
    expect(wishCandidates.find((c) => c.actorId === actors[1])).toMatchObject({
      theyBring: expect.arrayContaining([expect.any(String)]),
    });
    // Another participant's editor, another lab: no access to actor 0's list.
    expect(code(await gql(CANDIDATES, { e: eventId, a: actors[0] }, editors[1]))?.code).toBe('FORBIDDEN');
    expect(code(await gql(CANDIDATES, { e: eventId, a: actors[0] }, otherOrganiser.apiKey))?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('does not list a private actor the participant may not see, nor accept a wish about it', async () => {
    const hidden = await api.createActor(
      { name: `${tag} private`, kind: 'COMPANY', visibility: 'PRIVATE', offers: [skills('digital.website')] },
      organiser.apiKey,
    );
    const event = await createEvent(`${tag} visibility`, 2);
    await register(event, [actors[0], actors[1], hidden]);
    const listed = async (key: string) =>
      (await ok<{ wishCandidates: Candidate[] }>(CANDIDATES, { e: event, a: actors[0] }, key)).wishCandidates
        .map((c) => c.actorId)
        .sort();
    expect(await listed(editors[0])).toEqual([actors[1]]);
    expect(await listed(organiser.apiKey)).toEqual([actors[1], hidden].sort());
    const res = await gql(
      SET_WISH,
      { i: { eventId: event, actorId: actors[0], targetId: hidden, level: 'WANT' } },
      editors[0],
    );
    expect(code(res)).toMatchObject({ code: 'NOT_FOUND', reason: 'unknown_actor' });
  });

  it('sets wishes per participant with a capped note; nobody else sets or sees them', async () => {
    // 0 and 1 want each other; 0 refuses 5 (a strong partner it would meet otherwise); 2 wants 4.
    expect((await setWish(0, 1, 'WANT', editors[0], 'Site web pour nos événements')).errors).toBeUndefined();
    expect((await setWish(1, 0, 'WANT')).errors).toBeUndefined();
    expect((await setWish(0, 5, 'NO')).errors).toBeUndefined();
    expect((await setWish(2, 4, 'WANT')).errors).toBeUndefined();
    expect((await setWish(2, 5, 'MAYBE')).errors).toBeUndefined();
    // The organising lab may act for a participant.
    expect((await setWish(5, 4, 'MAYBE', organiser.apiKey)).errors).toBeUndefined();

    expect(code(await setWish(0, 2, 'WANT', editors[1]))?.code).toBe('FORBIDDEN');
    expect(code(await setWish(0, 2, 'WANT', otherOrganiser.apiKey))?.code).toBe('FORBIDDEN');
    expect(code(await setWish(0, 0, 'WANT'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'self_reference',
    });
    const long = await setWish(0, 2, 'WANT', editors[0], 'x'.repeat(281));
    expect(code(long)?.code).toBe('BAD_USER_INPUT');

    // Actor 1 sees its own wish about 0, never 0's wish or note about it.
    const { wishCandidates } = await ok<{ wishCandidates: Candidate[] }>(
      CANDIDATES,
      { e: eventId, a: actors[1] },
      editors[1],
    );
    expect(wishCandidates.find((c) => c.actorId === actors[0])).toMatchObject({ wish: 'WANT', note: null });
    const mine = await ok<{ wishCandidates: Candidate[] }>(
      CANDIDATES,
      { e: eventId, a: actors[0] },
      editors[0],
    );
    expect(mine.wishCandidates.find((c) => c.actorId === actors[1])).toMatchObject({
      wish: 'WANT',
      note: 'Site web pour nos événements',
    });
    // Removing a wish.
    expect((await setWish(2, 5, null)).errors).toBeUndefined();

    const STATS = `query($e: ID!) { wishStats(eventId: $e) { participants participantsWithWishes want maybe no
      mutualPairs oneSidedPairs refusedPairs open mutual { a b } mostWanted { actorId wanted } } }`;
    const { wishStats } = await ok<{ wishStats: Record<string, unknown> }>(STATS, { e: eventId });
    expect(wishStats).toMatchObject({
      participants: 6,
      participantsWithWishes: 4,
      want: 3,
      maybe: 1,
      no: 1,
      mutualPairs: 1,
      oneSidedPairs: 1,
      refusedPairs: 1,
      open: true,
      mutual: [{ a: [actors[0], actors[1]].sort()[0], b: [actors[0], actors[1]].sort()[1] }],
    });
    expect(code(await gql(STATS, { e: eventId }, editors[0]))?.code).toBe('FORBIDDEN');
    expect(code(await gql(STATS, { e: eventId }, otherOrganiser.apiKey))?.code).toBe('FORBIDDEN');
  });

  it('generates a plan that never seats a NO, meets the mutual wish and reports both', async () => {
    const run = await generate(eventId, 'SUM');
    expect(run.wishes).toMatchObject({ mutualMet: 1, mutualTotal: 1, refusedPairs: 1, refusedSeated: 0 });
    const { schedule } = await ok<{ schedule: ScheduleView }>(SCHEDULE, { e: eventId });
    const pairs = schedule.rounds.flatMap((r) => r.meetings.map((m) => pairKey(m.participantIds)));
    expect(pairs).toContain(pairKey([actors[0], actors[1]]));
    expect(pairs).not.toContain(pairKey([actors[0], actors[5]]));
    expect(schedule).toMatchObject({
      objective: 'SUM',
      fairnessBound: null,
      wishes: { mutualMet: 1, mutualTotal: 1, refusedSeated: 0, oneSidedTotal: 1 },
      exposure: { participants: 6, meetings: { max: 3 } },
    });
    const s = schedule.exposure.score;
    expect(s.min).toBeLessThanOrEqual(s.p10);
    expect(s.p10).toBeLessThanOrEqual(s.median);
    expect(s.median).toBeLessThanOrEqual(s.max);
    expect(s.gini).toBeGreaterThanOrEqual(0);
    expect(s.gini).toBeLessThan(1);
  });

  it('closes the wish list at the deadline the organiser sets (CONFLICT after it)', async () => {
    const SET_DEADLINE = `mutation($e: ID!, $d: DateTime) { setWishesDeadline(eventId: $e, deadline: $d) { wishesDeadline } }`;
    const late = new Date(startsAt.getTime() + 3600_000).toISOString();
    expect(code(await gql(SET_DEADLINE, { e: eventId, d: late }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'after_event_start',
    });
    expect(code(await gql(SET_DEADLINE, { e: eventId, d: null }, editors[0]))?.code).toBe('FORBIDDEN');
    const past = new Date(Date.now() - 60_000).toISOString();
    await ok(SET_DEADLINE, { e: eventId, d: past });
    const refused = await setWish(0, 2, 'WANT');
    expect(code(refused)).toMatchObject({ code: 'CONFLICT', reason: 'wishes_closed' });
    expect(refused.errors?.[0]?.message).toMatch(/closed/);
    // Reopened: accepted again.
    await ok(SET_DEADLINE, { e: eventId, d: null });
    expect((await setWish(0, 2, 'MAYBE')).errors).toBeUndefined();
  });

  it('exchanges contact details after the event only when both asked for a follow-up', async () => {
    const { schedule } = await ok<{ schedule: ScheduleView }>(SCHEDULE, { e: eventId });
    await ok(`mutation($s: ID!) { publishSchedule(scheduleId: $s) { id } }`, { s: schedule.id });
    await ok(`mutation($e: ID!, $a: ID!) { checkIn(eventId: $e, actorId: $a) { id } }`, {
      e: eventId,
      a: actors[0],
    });
    const meeting = schedule.rounds
      .flatMap((r) => r.meetings)
      .find((m) => pairKey(m.participantIds) === pairKey([actors[0], actors[1]]))!;
    const FEEDBACK = `mutation($i: FeedbackInput!) { recordFeedback(input: $i) { id wantsFollowUp } }`;
    const CONTACTS = `query($e: ID!, $a: ID!) { followUpContacts(eventId: $e, actorId: $a) {
      actorId name representative { name email } contact { name email } } }`;
    await ok(
      FEEDBACK,
      { i: { meetingId: meeting.id, actorId: actors[0], rating: 5, wantsFollowUp: true } },
      editors[0],
    );
    // One side only: nothing exchanged yet.
    expect(
      (await ok<{ followUpContacts: unknown[] }>(CONTACTS, { e: eventId, a: actors[0] }, editors[0]))
        .followUpContacts,
    ).toEqual([]);
    await ok(
      FEEDBACK,
      { i: { meetingId: meeting.id, actorId: actors[1], rating: 4, wantsFollowUp: true } },
      editors[1],
    );
    const mine = await ok<{ followUpContacts: Record<string, unknown>[] }>(
      CONTACTS,
      { e: eventId, a: actors[0] },
      editors[0],
    );
    expect(mine.followUpContacts).toEqual([
      {
        actorId: actors[1],
        name: `${tag} actor 1`,
        representative: { name: 'Rep 1', email: 'rep1@example.org' },
        contact: { name: 'Contact 1', email: 'contact1@example.org' },
      },
    ]);
    const theirs = await ok<{ followUpContacts: { actorId: string }[] }>(
      CONTACTS,
      { e: eventId, a: actors[1] },
      editors[1],
    );
    expect(theirs.followUpContacts.map((c) => c.actorId)).toEqual([actors[0]]);
    // Personal data: not the lab, not another participant.
    for (const key of [organiser.apiKey, editors[2], otherOrganiser.apiKey])
      expect(code(await gql(CONTACTS, { e: eventId, a: actors[0] }, key))?.code).toBe('FORBIDDEN');
  });

  it('FAIRNESS lifts the worst-off participant against SUM, shows the cost and both LP bounds', async () => {
    // a–b cover each other's needs; c and d each need what a or b offers and offer nothing wanted:
    // SUM seats a–b and leaves c–d a poor meeting, FAIRNESS seats a–c and b–d.
    const mk = (i: number, kind: string, offers: string[], needs: string[]) =>
      api.createActor(
        {
          name: `${tag} fair ${i}`,
          kind,
          communeCode: '73001',
          offers: offers.map((c) => skills(c)),
          needs: needs.map((c) => ({ competenceId: c, priority: 3 })),
        },
        organiser.apiKey,
      );
    const four = [
      await mk(0, 'ASSOCIATION', ['communication.events'], ['digital.website']),
      await mk(1, 'COMPANY', ['digital.website'], ['communication.events']),
      await mk(2, 'ASSOCIATION', ['logistics.storage'], ['communication.events']),
      await mk(3, 'COMPANY', ['logistics.transport'], ['digital.website']),
    ];
    const fairEvent = await createEvent(`${tag} fairness`, 1);
    await register(fairEvent, four);
    const SIMULATE = `query($e: ID!, $o: ScheduleObjective) { simulateEvent(eventId: $e, input: { objective: $o }) {
      objective totalScore upperBound exposure { score { ${DIST} } }
      fairnessBound { maxMin floor sumAtFloor }
      comparison { sumTotalScore fairnessTotalScore costInTotalScore sumMinScore fairnessMinScore sumGini fairnessGini } } }`;
    type Simulation = {
      objective: string;
      totalScore: number;
      upperBound: number;
      exposure: { score: Dist };
      fairnessBound: { maxMin: number; floor: number; sumAtFloor: number } | null;
      comparison: Record<string, number> | null;
    };
    const sum = (await ok<{ simulateEvent: Simulation }>(SIMULATE, { e: fairEvent, o: 'SUM' })).simulateEvent;
    expect(sum).toMatchObject({ objective: 'SUM', comparison: null, fairnessBound: null });
    const fair = (await ok<{ simulateEvent: Simulation }>(SIMULATE, { e: fairEvent, o: 'FAIRNESS' }))
      .simulateEvent;
    const c = fair.comparison!;
    expect(c.sumTotalScore).toBeCloseTo(sum.totalScore, 6);
    expect(c.sumMinScore).toBeCloseTo(sum.exposure.score.min, 6);
    expect(c.fairnessMinScore).toBeGreaterThan(c.sumMinScore);
    expect(c.costInTotalScore).toBeGreaterThan(0);
    expect(c.costInTotalScore).toBeCloseTo(c.sumTotalScore - c.fairnessTotalScore, 6);
    expect(c.fairnessGini).toBeLessThan(c.sumGini);
    expect(fair.exposure.score.min).toBeCloseTo(c.fairnessMinScore, 6);
    // The LP bounds hold the plan: nobody's minimum above maxMin, no total above the sum bound.
    expect(fair.fairnessBound!.floor).toBeCloseTo(c.fairnessMinScore, 6);
    expect(fair.fairnessBound!.maxMin).toBeGreaterThanOrEqual(c.fairnessMinScore - 1e-6);
    expect(fair.fairnessBound!.sumAtFloor).toBeGreaterThanOrEqual(fair.totalScore - 1e-6);
    expect(fair.upperBound).toBeGreaterThanOrEqual(sum.totalScore - 1e-6);

    // The same objective through generation: stored with its bounds.
    await generate(fairEvent, 'FAIRNESS');
    const { schedule } = await ok<{ schedule: ScheduleView }>(SCHEDULE, { e: fairEvent });
    expect(schedule.objective).toBe('FAIRNESS');
    expect(schedule.exposure.score.min).toBeCloseTo(c.fairnessMinScore, 6);
    expect(schedule.fairnessBound).toMatchObject({ floor: expect.any(Number), maxMin: expect.any(Number) });
  });
});
