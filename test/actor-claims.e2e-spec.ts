import { Role } from '@maillage/auth';
import { Neo4jService } from '@maillage/neo4j';
import { TestApi } from './support/api';

/** An actor managed by nobody: edited by admins, or claimed by an organiser through an audited step. */
describe('claimActor (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let labA: { apiKey: string; organisationId: string; user: { id: string } };
  let labB: string;
  let viewer: string;
  let actorId: string;

  const CLAIM = `mutation($id: ID!, $r: String!) { claimActor(actorId: $id, reason: $r) { id managedBy } }`;
  const UPDATE = `mutation($id: ID!) { updateActor(id: $id, input: { description: "edited" }) { id } }`;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = (await api.user(Role.ADMIN)).apiKey;
    labA = await api.user(Role.ORGANISER);
    labB = (await api.user(Role.ORGANISER)).apiKey;
    viewer = (await api.user(Role.VIEWER)).apiKey;
    actorId = await api.createActor({ name: 'Orphan association', kind: 'ASSOCIATION' }, labA.apiKey);
    // As seeded or imported data are: managed by nobody.
    await api.app.get(Neo4jService).write('MATCH (a:Actor { id: $id }) REMOVE a.managedBy', { id: actorId });
  }, 60_000);

  afterAll(() => api?.close());

  it('lets an organiser take over an unmanaged actor with a reason, once, audited for admins', async () => {
    // Unmanaged: organisers may not edit it, admins may.
    expect((await api.gql(UPDATE, { id: actorId }, labA.apiKey)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'not_actor_manager',
    });
    await api.ok(UPDATE, { id: actorId }, admin);

    expect(
      (await api.gql(CLAIM, { id: actorId, r: 'because' }, labA.apiKey)).errors?.[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['reason'],
      reason: 'invalid_claim_reason',
    });
    expect(
      (await api.gql(CLAIM, { id: actorId, r: 'We run its programme' }, viewer)).errors?.[0].extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'role_not_allowed',
    });
    expect(
      (await api.gql(CLAIM, { id: 'act_unknown', r: 'We run its programme' }, labA.apiKey)).errors?.[0]
        .extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'unknown_actor',
    });

    const claimed = await api.ok<{ claimActor: { id: string; managedBy: string } }>(
      CLAIM,
      { id: actorId, r: '  We run its programme since 2024  ' },
      labA.apiKey,
    );
    expect(claimed.claimActor).toEqual({ id: actorId, managedBy: labA.organisationId });
    await api.ok(UPDATE, { id: actorId }, labA.apiKey);

    // Another lab cannot take it over any more (nor the same lab twice): CONFLICT, no audit row.
    for (const key of [labB, labA.apiKey])
      expect(
        (await api.gql(CLAIM, { id: actorId, r: 'We would like it too' }, key)).errors?.[0].extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'actor_already_managed',
      });
    expect((await api.gql(UPDATE, { id: actorId }, labB)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const query = `query($id: ID) { actorClaims(actorId: $id) { actorId organisationId claimedBy reason claimedAt } }`;
    expect((await api.gql(query, { id: actorId }, labA.apiKey)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const audit = await api.ok<{ actorClaims: Record<string, unknown>[] }>(query, { id: actorId }, admin);
    expect(audit.actorClaims).toEqual([
      {
        actorId,
        organisationId: labA.organisationId,
        claimedBy: labA.user.id,
        reason: 'We run its programme since 2024',
        claimedAt: expect.any(String),
      },
    ]);
  });

  it('gives a race to one claimant: the loser gets CONFLICT and leaves no audit row', async () => {
    const id = await api.createActor({ name: 'Contested association', kind: 'ASSOCIATION' }, labA.apiKey);
    await api.app.get(Neo4jService).write('MATCH (a:Actor { id: $id }) REMOVE a.managedBy', { id });
    const answers = await Promise.all(
      [labA.apiKey, labB].map((key) => api.gql(CLAIM, { id, r: 'We both want this one' }, key)),
    );
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(1);
    const audit = await api.ok<{ actorClaims: unknown[] }>(
      `query($id: ID) { actorClaims(actorId: $id) { actorId } }`,
      { id },
      admin,
    );
    expect(audit.actorClaims).toHaveLength(1);
  });
});
