import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GraphQLField,
  GraphQLObjectType,
  buildSchema,
  getNamedType,
  isLeafType,
  isObjectType,
  isAbstractType,
} from 'graphql';
import { AuthService, Role } from '@maillage/auth';
import { Neo4jService } from '@maillage/neo4j';
import { TestApi, TestWorker, eventually, finished, skills } from './support/api';

/**
 * The authorisation matrix, generated from schema.gql and asserted through the real API: every
 * Query and Mutation field × every kind of caller. An operation of the schema without a row below
 * fails the suite, so a new operation cannot ship without its expectations.
 *
 * "target" is an actor managed by lab A (its organiser is organiserOwn) and represented by
 * editorOwn; it takes part in lab A's live event. editorOther represents an actor of lab B,
 * organiserOther is an organiser of lab B.
 *
 * Outcomes: `ok` = the caller passes authorisation (no FORBIDDEN, NOT_FOUND or UNAUTHENTICATED;
 * a state error such as "already published" still counts as allowed); a denial must carry exactly
 * that code, and `data.<operation>` must be null.
 */
const CALLERS = [
  'anonymous',
  'viewer',
  'editorOwn',
  'editorOther',
  'organiserOwn',
  'organiserOther',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
const DENIALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/** Ids every case may use (built once), plus per-case ones from `fresh`. */
interface World {
  orgA: string;
  orgB: string;
  target: string;
  partner: string;
  third: string;
  other: string;
  eventId: string;
  scheduleId: string;
  meetingId: string;
  scheduleRunId: string;
  importRunId: string;
  scoringRunId: string;
  profileA: string;
  unique: string;
  fresh: Record<string, string>;
}

interface Row {
  vars: (w: World) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
  /** Objects this case consumes or changes for good, created anew for each case. */
  fresh?: (ctx: FreshContext) => Promise<Record<string, string>>;
}

interface FreshContext {
  api: TestApi;
  keys: Record<Caller, string | undefined>;
  world: World;
}

/** Short-hands for the usual rows. */
const all = (o: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, o])) as Record<Caller, Outcome>;
const PUBLIC_READ = all('ok');
const SIGNED_IN = { ...all('ok'), anonymous: 'UNAUTHENTICATED' } as Record<Caller, Outcome>;
const rule = (
  allowed: Caller[],
  denied: Outcome = 'FORBIDDEN',
  overrides: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> => ({
  ...(Object.fromEntries(
    CALLERS.map((c) => [c, allowed.includes(c) ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : denied]),
  ) as Record<Caller, Outcome>),
  ...overrides,
});
/** Admins only (platform-wide operations). */
const ADMIN_ONLY = rule(['admin']);
/** Admins and any organiser (no object of another tenant involved). */
const ORGANISERS = rule(['organiserOwn', 'organiserOther', 'admin']);
/** The target actor's editors: its managing organisation, its own editor, admins. */
const EDITS_TARGET = rule(['editorOwn', 'organiserOwn', 'admin']);
/** Lab A's event: its organisers and admins (other labs' organisers: FORBIDDEN). */
const LAB_A_EVENT = rule(['organiserOwn', 'admin']);
/** Lab A's event, for its organisers or the participant (the target's editor). */
const LAB_A_EVENT_OR_PARTICIPANT = rule(['organiserOwn', 'admin', 'editorOwn']);

const freshActor =
  (kind = 'ASSOCIATION') =>
  async ({ api, keys }: FreshContext) => ({
    actor: await api.createActor(
      { name: `Fresh ${Math.random().toString(36).slice(2)}`, kind },
      keys.organiserOwn!,
    ),
  });

const freshEvent = async ({ api, keys }: FreshContext) => ({
  event: await createEvent(api, keys.organiserOwn!),
});

/** A spare API key of lab A's organiser (rotated or revoked by the case, so never a shared one). */
const freshKey = async ({ api, keys }: FreshContext) => ({
  key: (
    await api.ok<{ createApiKey: { key: { id: string } } }>(
      'mutation { createApiKey(label: "matrix") { key { id } } }',
      {},
      keys.organiserOwn!,
    )
  ).createApiKey.key.id,
});

/** A throwaway user of lab A (disabled by the case). */
const freshUser = async ({ api, keys, world }: FreshContext) => ({
  user: (
    await api.ok<{ createUser: { user: { id: string } } }>(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
      { input: { organisationId: world.orgA, email: `d${world.unique}@test.local`, role: 'VIEWER' } },
      keys.admin!,
    )
  ).createUser.user.id,
});

/** An admin's invitation link into lab A (consumed by acceptInvitation). */
const freshInvitation = async ({ api, keys, world }: FreshContext) => {
  const { createInvitation } = await api.ok<{ createInvitation: { link: string } }>(
    'mutation ($i: CreateInvitationInput!) { createInvitation(input: $i) { link } }',
    { i: { email: `inv${world.unique}@test.local`, role: 'VIEWER', organisationId: world.orgA } },
    keys.admin!,
  );
  return { token: createInvitation.link.replace('/invitation/', '') };
};

/** A user of lab A with a password (signIn works whatever credential the request carries). */
const freshPasswordUser = async ({ api, world }: FreshContext) => {
  const auth = api.app.get(AuthService);
  const email = `pw${world.unique}@test.local`;
  const { user } = await auth.createUser({ organisationId: world.orgA, email, role: Role.VIEWER });
  await auth.setPassword(user, 'matrix passphrase 42');
  return { email };
};

/** An actor managed by nobody (as seeded or imported data are), for claimActor. */
const freshUnmanagedActor = async (ctx: FreshContext) => {
  const { actor } = await freshActor()(ctx);
  await ctx.api.app.get(Neo4jService).write('MATCH (a:Actor { id: $id }) REMOVE a.managedBy', { id: actor });
  return { actor };
};

/** Your own keys, or anyone's for an admin; another user's key id answers like an unknown one. */
const OWN_KEY = rule(['organiserOwn', 'admin'], 'NOT_FOUND');

const csv = (w: World) => `external_id,name,kind\nmatrix-${w.unique},Matrix import,COMPANY\n`;

const MATRIX: Record<string, Row> = {
  // ---------------------------------------------------------------- queries
  actor: { vars: (w) => ({ id: w.target }), expect: PUBLIC_READ },
  actorClaims: { vars: (w) => ({ actorId: w.target }), expect: ADMIN_ONLY },
  apiKeys: { vars: () => ({}), expect: SIGNED_IN },
  actors: { vars: () => ({ first: 5 }), expect: PUBLIC_READ },
  agenda: { vars: (w) => ({ eventId: w.eventId, actorId: w.target }), expect: LAB_A_EVENT_OR_PARTICIPANT },
  agendaIcs: {
    vars: (w) => ({ eventId: w.eventId, actorId: w.target }),
    expect: LAB_A_EVENT_OR_PARTICIPANT,
  },
  agendasPdf: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  /** Organisers pass and see their lab's events only (none for lab B). */
  actorEvents: {
    vars: (w) => ({ actorId: w.target }),
    expect: rule(['organiserOwn', 'organiserOther', 'admin', 'editorOwn']),
  },
  causes: { vars: () => ({}), expect: PUBLIC_READ },
  competence: { vars: () => ({ id: 'digital.website' }), expect: PUBLIC_READ },
  competences: { vars: () => ({}), expect: PUBLIC_READ },
  event: { vars: (w) => ({ id: w.eventId }), expect: LAB_A_EVENT },
  eventStats: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  events: { vars: () => ({}), expect: ORGANISERS },
  exportPersonalData: { vars: (w) => ({ email: `x${w.unique}@test.local` }), expect: ADMIN_ONLY },
  explainPair: { vars: (w) => ({ a: w.target, b: w.partner }), expect: PUBLIC_READ },
  importRun: {
    vars: (w) => ({ id: w.importRunId }),
    expect: rule(['organiserOwn', 'admin'], 'FORBIDDEN', { organiserOther: 'NOT_FOUND' }),
  },
  labStats: { vars: (w) => ({ organisationId: w.orgA }), expect: LAB_A_EVENT },
  suggestProfileFromOutcomes: { vars: (w) => ({ organisationId: w.orgA }), expect: LAB_A_EVENT },
  localCauses: { vars: (w) => ({ actorId: w.partner }), expect: SIGNED_IN },
  me: { vars: () => ({}), expect: PUBLIC_READ },
  meetingsDueForSurvey: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  partners: { vars: (w) => ({ actorId: w.target }), expect: PUBLIC_READ },
  personalDataRequests: { vars: () => ({ limit: 5 }), expect: ADMIN_ONLY },
  registrations: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  schedule: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  scheduleRun: { vars: (w) => ({ id: w.scheduleRunId }), expect: LAB_A_EVENT },
  scoringProfile: {
    vars: (w) => ({ id: w.profileA }),
    expect: rule(['organiserOwn', 'admin'], 'NOT_FOUND'),
  },
  scoringProfiles: { vars: () => ({}), expect: SIGNED_IN },
  scoringRun: { vars: (w) => ({ id: w.scoringRunId }), expect: ADMIN_ONLY },
  showcaseAlliances: { vars: () => ({ limit: 5 }), expect: SIGNED_IN },
  simulateEvent: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  tablePlanCsv: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  tableCardsPdf: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  tablePlanPdf: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  territories: { vars: () => ({ namePrefix: 'Gre' }), expect: PUBLIC_READ },
  territory: { vars: () => ({ code: '38' }), expect: PUBLIC_READ },
  territoryChildren: { vars: () => ({ code: '38' }), expect: PUBLIC_READ },
  triads: { vars: (w) => ({ actorId: w.target }), expect: SIGNED_IN },
  wishCandidates: {
    vars: (w) => ({ eventId: w.eventId, actorId: w.target }),
    expect: LAB_A_EVENT_OR_PARTICIPANT,
  },
  wishStats: { vars: (w) => ({ eventId: w.eventId }), expect: LAB_A_EVENT },
  // Personal data exchanged by mutual opt-in: the participant's own editors only, not even the lab.
  followUpContacts: { vars: (w) => ({ eventId: w.eventId, actorId: w.target }), expect: rule(['editorOwn']) },

  invitation: { vars: (w) => ({ token: w.fresh.token }), expect: PUBLIC_READ, fresh: freshInvitation },

  // -------------------------------------------------------------- mutations
  acceptInvitation: {
    vars: (w) => ({ token: w.fresh.token, password: 'matrix passphrase 42' }),
    expect: all('ok'),
    fresh: freshInvitation,
  },
  createInvitation: {
    vars: (w) => ({ input: { email: `ci${w.unique}@test.local`, role: 'VIEWER' } }),
    expect: ORGANISERS,
  },
  signIn: {
    vars: (w) => ({ email: w.fresh.email, password: 'matrix passphrase 42' }),
    expect: all('ok'),
    fresh: freshPasswordUser,
  },
  signOut: { vars: () => ({}), expect: all('ok') },
  activateScoringProfile: {
    vars: () => ({ profileId: 'default@1', territory: '38' }),
    expect: ADMIN_ONLY,
  },
  claimActor: {
    vars: (w) => ({ actorId: w.fresh.actor, reason: 'We work with them every week' }),
    expect: ORGANISERS,
    fresh: freshUnmanagedActor,
  },
  checkIn: { vars: (w) => ({ eventId: w.eventId, actorId: w.target }), expect: LAB_A_EVENT },
  closeEvent: { vars: (w) => ({ eventId: w.fresh.event }), expect: LAB_A_EVENT, fresh: freshEvent },
  createActor: {
    vars: () => ({ input: { name: 'Matrix Co', kind: 'COMPANY' } }),
    expect: ORGANISERS,
  },
  createApiKey: { vars: () => ({ label: 'matrix' }), expect: SIGNED_IN },
  createEvent: { vars: () => ({ input: eventInput('Matrix event') }), expect: ORGANISERS },
  createOrganisation: { vars: () => ({ input: { name: 'Matrix lab', kind: 'LAB' } }), expect: ADMIN_ONLY },
  createUser: {
    vars: (w) => ({ input: { organisationId: w.orgA, email: `m${w.unique}@test.local`, role: 'VIEWER' } }),
    expect: ADMIN_ONLY,
  },
  disableUser: { vars: (w) => ({ id: w.fresh.user }), expect: ADMIN_ONLY, fresh: freshUser },
  deleteActor: { vars: (w) => ({ id: w.fresh.actor }), expect: ADMIN_ONLY, fresh: freshActor() },
  endAlliance: {
    vars: (w) => ({ input: { actorId: w.target, partnerId: w.third, form: 'CO_PRODUCTION' } }),
    expect: EDITS_TARGET,
  },
  erasePersonalData: { vars: (w) => ({ email: `e${w.unique}@test.local` }), expect: ADMIN_ONLY },
  generateSchedule: { vars: (w) => ({ eventId: w.fresh.event }), expect: LAB_A_EVENT, fresh: freshEvent },
  importActorsCsv: { vars: (w) => ({ csv: csv(w), dryRun: true }), expect: ORGANISERS },
  issueToken: { vars: () => ({}), expect: SIGNED_IN },
  revokeApiKey: { vars: (w) => ({ id: w.fresh.key }), expect: OWN_KEY, fresh: freshKey },
  rotateApiKey: { vars: (w) => ({ id: w.fresh.key }), expect: OWN_KEY, fresh: freshKey },
  lockMeeting: { vars: (w) => ({ meetingId: w.meetingId, locked: true }), expect: LAB_A_EVENT },
  markLateArrival: {
    vars: (w) => ({ eventId: w.eventId, actorId: w.partner, fromRound: 1 }),
    expect: LAB_A_EVENT,
  },
  markNoShow: {
    vars: (w) => ({ eventId: w.eventId, actorId: w.third, fromRound: 2 }),
    expect: LAB_A_EVENT,
  },
  openEvent: { vars: (w) => ({ eventId: w.fresh.event }), expect: LAB_A_EVENT, fresh: freshEvent },
  publishSchedule: { vars: (w) => ({ scheduleId: w.scheduleId }), expect: LAB_A_EVENT },
  recordAlliance: {
    vars: (w) => ({ input: { actorId: w.target, partnerId: w.partner, form: 'RESOURCES' } }),
    expect: EDITS_TARGET,
  },
  recordFeedback: {
    vars: (w) => ({ input: { meetingId: w.meetingId, actorId: w.target, rating: 4, outcome: 'NONE' } }),
    expect: LAB_A_EVENT_OR_PARTICIPANT,
  },
  recordOutcomeSurvey: {
    vars: (w) => ({ input: { meetingId: w.meetingId, actorId: w.target, outcome: 'NONE' } }),
    expect: LAB_A_EVENT_OR_PARTICIPANT,
  },
  registerParticipant: {
    vars: (w) => ({ input: { eventId: w.fresh.event, actorId: w.target } }),
    expect: LAB_A_EVENT,
    fresh: freshEvent,
  },
  registerParticipantsCsv: {
    vars: (w) => ({ eventId: w.fresh.event, csv: `actor_id\n${w.target}\n`, dryRun: true }),
    expect: LAB_A_EVENT,
    fresh: freshEvent,
  },
  repairSchedule: { vars: (w) => ({ eventId: w.eventId, fromRound: 2 }), expect: LAB_A_EVENT },
  adoptProfileFromOutcomes: {
    vars: (w) => ({ organisationId: w.orgA, slug: `matrix-learned-${w.unique}` }),
    expect: LAB_A_EVENT,
  },
  saveScoringProfile: {
    vars: (w) => ({ input: { slug: `matrix-${w.unique}` } }),
    expect: ORGANISERS,
  },
  setCauses: { vars: (w) => ({ actorId: w.target, input: { causes: [4] } }), expect: EDITS_TARGET },
  setNeeds: {
    vars: (w) => ({
      actorId: w.target,
      input: { needs: [{ competenceId: 'digital.website', priority: 3 }] },
    }),
    expect: EDITS_TARGET,
  },
  setOffers: {
    vars: (w) => ({ actorId: w.target, input: { offers: [skills('communication.events')] } }),
    expect: EDITS_TARGET,
  },
  setOrganisationScoringProfile: { vars: () => ({ profileId: null }), expect: ORGANISERS },
  setWish: {
    vars: (w) => ({ input: { eventId: w.eventId, actorId: w.target, targetId: w.partner, level: 'WANT' } }),
    expect: LAB_A_EVENT_OR_PARTICIPANT,
  },
  setWishesDeadline: {
    vars: (w) => ({ eventId: w.fresh.event, deadline: null }),
    expect: LAB_A_EVENT,
    fresh: freshEvent,
  },
  setTerritories: {
    vars: (w) => ({ actorId: w.target, input: { actsIn: ['38'] } }),
    expect: EDITS_TARGET,
  },
  startActorsCsvImport: { vars: (w) => ({ csv: csv(w) }), expect: ORGANISERS },
  startScoringRun: { vars: () => ({ scope: { territory: '38185' } }), expect: ADMIN_ONLY },
  swapParticipants: {
    vars: (w) => ({ input: { scheduleId: w.scheduleId, round: 1, actorA: w.target, actorB: w.partner } }),
    expect: LAB_A_EVENT,
  },
  updateActor: {
    vars: (w) => ({ id: w.target, input: { description: 'edited' } }),
    expect: EDITS_TARGET,
  },
};

const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const OPERATIONS: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [
  ...Object.values((schema.getQueryType() as GraphQLObjectType).getFields()).map((field) => ({
    kind: 'query' as const,
    field,
  })),
  ...Object.values((schema.getMutationType() as GraphQLObjectType).getFields()).map((field) => ({
    kind: 'mutation' as const,
    field,
  })),
];

/** `query($id: ID!) { actor(id: $id) { __typename } }`, typed from the schema's own arguments. */
function operationText(
  kind: string,
  field: GraphQLField<unknown, unknown>,
  vars: Record<string, unknown>,
): string {
  const args = field.args.filter((a) => a.name in vars);
  const unknown = Object.keys(vars).filter((k) => !field.args.some((a) => a.name === k));
  if (unknown.length) throw new Error(`${field.name}: no argument ${unknown.join(', ')}`);
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
  const pass = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const type = getNamedType(field.type);
  const selection = isLeafType(type)
    ? ''
    : isObjectType(type) || isAbstractType(type)
      ? ' { __typename }'
      : '';
  return `${kind}${decl} { ${field.name}${pass}${selection} }`;
}

function eventInput(title: string) {
  return {
    title,
    startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    format: 'ONE_TO_ONE',
    rounds: 2,
    roundMinutes: 7,
  };
}

async function createEvent(api: TestApi, key: string): Promise<string> {
  const res = await api.ok<{ createEvent: { id: string } }>(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    { input: eventInput(`Fresh event ${Math.random().toString(36).slice(2)}`) },
    key,
  );
  return res.createEvent.id;
}

describe('authorisation matrix generated from schema.gql (e2e)', () => {
  let api: TestApi;
  let worker: TestWorker;
  const keys = {} as Record<Caller, string | undefined>;
  let world: Omit<World, 'unique' | 'fresh'>;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    const admin = await api.user(Role.ADMIN);
    const organiserOwn = await api.user(Role.ORGANISER);
    const organiserOther = await api.user(Role.ORGANISER);
    const A = organiserOwn.apiKey;
    const create = (input: Record<string, unknown>, key = A) => api.createActor(input, key);
    const target = await create({
      name: 'Matrix target',
      kind: 'ASSOCIATION',
      communeCode: '38185',
      offers: [skills('communication.events')],
      needs: [{ competenceId: 'digital.website', priority: 3 }],
    });
    const partner = await create({
      name: 'Matrix partner',
      kind: 'COMPANY',
      communeCode: '38185',
      offers: [skills('digital.website')],
      needs: [{ competenceId: 'communication.events', priority: 3 }],
    });
    const third = await create({ name: 'Matrix third', kind: 'COMMUNE', communeCode: '38185' });
    const other = await create({ name: 'Matrix lab B actor', kind: 'COMPANY' }, organiserOther.apiKey);
    await api.ok(
      `mutation($i: RecordAllianceInput!) { recordAlliance(input: $i) { id } }`,
      { i: { actorId: target, partnerId: third, form: 'CO_PRODUCTION' } },
      A,
    );
    keys.anonymous = undefined;
    keys.viewer = (await api.user(Role.VIEWER)).apiKey;
    keys.editorOwn = (await api.user(Role.ACTOR_EDITOR, { actorIds: [target] })).apiKey;
    keys.editorOther = (await api.user(Role.ACTOR_EDITOR, { actorIds: [other] })).apiKey;
    keys.organiserOwn = A;
    keys.organiserOther = organiserOther.apiKey;
    keys.admin = admin.apiKey;

    // Lab A's event, live: scheduled, published, the target checked in.
    const eventId = await createEvent(api, A);
    for (const actorId of [target, partner, third])
      await api.ok(
        `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
        { i: { eventId, actorId } },
        A,
      );
    await api.ok(`mutation($e: ID!) { openEvent(eventId: $e) { id } }`, { e: eventId }, A);
    const started = await api.ok<{ generateSchedule: { id: string } }>(
      `mutation($e: ID!) { generateSchedule(eventId: $e) { id } }`,
      { e: eventId },
      A,
    );
    const run = await eventually(
      () =>
        api.ok<{ scheduleRun: { status: string; scheduleId: string | null } }>(
          `query($id: ID!) { scheduleRun(id: $id) { status scheduleId } }`,
          { id: started.generateSchedule.id },
          A,
        ),
      (r) => finished(r.scheduleRun.status),
      30_000,
    );
    expect(run.scheduleRun.status).toBe('SUCCEEDED');
    const scheduleId = run.scheduleRun.scheduleId!;
    const { schedule } = await api.ok<{
      schedule: { rounds: { meetings: { id: string; participantIds: string[] }[] }[] };
    }>(
      `query($e: ID!) { schedule(eventId: $e) { rounds { meetings { id participantIds } } } }`,
      { e: eventId },
      A,
    );
    const meetingId = schedule.rounds
      .flatMap((r) => r.meetings)
      .find((m) => m.participantIds.includes(target))!.id;
    await api.ok(`mutation($s: ID!) { publishSchedule(scheduleId: $s) { id } }`, { s: scheduleId }, A);
    await api.ok(
      `mutation($e: ID!, $a: ID!) { checkIn(eventId: $e, actorId: $a) { id } }`,
      { e: eventId, a: target },
      A,
    );

    const importRun = await api.ok<{ startActorsCsvImport: { id: string } }>(
      `mutation($csv: String!) { startActorsCsvImport(csv: $csv) { id } }`,
      { csv: `external_id,name,kind\nmatrix-setup-${Date.now()},Matrix setup,COMPANY\n` },
      A,
    );
    const scoringRun = await api.ok<{ startScoringRun: { id: string } }>(
      `mutation { startScoringRun(scope: { territory: "38185" }) { id } }`,
      {},
      admin.apiKey,
    );
    const profile = await api.ok<{ saveScoringProfile: { id: string } }>(
      `mutation($i: SaveScoringProfileInput!) { saveScoringProfile(input: $i) { id } }`,
      { i: { slug: `lab-a-${Date.now().toString(36)}` } },
      A,
    );
    world = {
      orgA: organiserOwn.organisationId,
      orgB: organiserOther.organisationId,
      target,
      partner,
      third,
      other,
      eventId,
      scheduleId,
      meetingId,
      scheduleRunId: started.generateSchedule.id,
      importRunId: importRun.startActorsCsvImport.id,
      scoringRunId: scoringRun.startScoringRun.id,
      profileA: profile.saveScoringProfile.id,
    };
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('has a row for every Query and Mutation field of schema.gql, and none for a field it lacks', () => {
    const operations = OPERATIONS.map((o) => o.field.name).sort();
    expect(operations.filter((name) => !(name in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !operations.includes(name))).toEqual([]);
    expect(OPERATIONS.length * CALLERS.length).toBe(CASES.length);
  });

  const CASES = OPERATIONS.flatMap(({ kind, field }) =>
    CALLERS.map(
      (caller) => [field.name, caller, MATRIX[field.name]?.expect[caller] ?? 'missing', kind] as const,
    ),
  );

  it.each(CASES)('%s by %s → %s', async (name, caller, expected, kind) => {
    const row = MATRIX[name];
    expect(row).toBeDefined();
    const field = OPERATIONS.find((o) => o.field.name === name)!.field;
    const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const fresh = row.fresh ? await row.fresh({ api, keys, world: { ...world, unique, fresh: {} } }) : {};
    const vars = row.vars({ ...world, unique, fresh });
    const res = await api.gql(operationText(kind, field, vars), vars, keys[caller]);
    const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
    if (expected === 'ok') {
      expect({
        caller,
        codes: codes.filter((c) => DENIALS.has(c)),
        errors: res.errors?.[0]?.message,
      }).toEqual({
        caller,
        codes: [],
        errors: res.errors?.[0]?.message,
      });
    } else {
      expect({ caller, code: codes[0] }).toEqual({ caller, code: expected });
      expect((res.data as Record<string, unknown> | null | undefined)?.[name] ?? null).toBeNull();
    }
  });
});
