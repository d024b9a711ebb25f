import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { TestApi, TestWorker, eventually, finished, skills } from './support/api';

/**
 * Scoring profiles and the met-before penalty end to end: profiles saved and versioned through
 * GraphQL, used live by explainPair and partners, activated for the stored edges with a rebuild
 * run by a real in-process worker; a meeting held at a closed event lowers the pair's score.
 */

const SAVE = `mutation($input: SaveScoringProfileInput!) { saveScoringProfile(input: $input) {
  id slug version builtIn ownerOrganisationId weights { causes complementarity } penalties { metBefore }
  activeOnPlatform activeForMyOrganisation } }`;
const EXPLAIN = `query($a: ID!, $b: ID!, $profileId: ID) { explainPair(a: $a, b: $b, profileId: $profileId) {
  score warnings metBefore profileId profileVersion components { name contribution value weight } } }`;
const PARTNERS = `query($id: ID!, $limit: Int, $profileId: ID) {
  partners(actorId: $id, limit: $limit, profileId: $profileId) {
    rank score profileId profileVersion partner { id } components { name contribution } } }`;
const RUN = `query($id: ID!) { scoringRun(id: $id) { id status scope error } }`;

type Component = { name: string; contribution: number; value: number | null; weight: number | null };
type Explanation = {
  score: number;
  warnings: string[];
  metBefore: boolean;
  profileId: string;
  profileVersion: number;
  components: Component[];
};
type Proposal = {
  rank: number;
  score: number;
  profileId: string;
  profileVersion: number;
  partner: { id: string };
  components: { name: string; contribution: number }[];
};

const component = (e: { components: { name: string; contribution: number }[] }, name: string) =>
  e.components.find((c) => c.name === name);

// Actors live in the Rhône (69: Lyon, Villeurbanne). Other suites use Isère (38) and Savoie (73),
// and partners are blocked by département, so this suite's lists stay its own.
describe('scoring profiles and met-before penalty (e2e, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let admin: { apiKey: string; organisationId: string };
  let organiser: { apiKey: string; organisationId: string };
  let viewer: { apiKey: string };
  // A lab's profiles are its own (and admins'): a viewer of the organiser's lab lists them.
  let labViewer: { apiKey: string };
  const ids: Record<string, string> = {};
  const tag = `Prf${Date.now().toString(36)}`;
  const slug = `no-causes-${tag.toLowerCase()}`;

  const gql = <T>(query: string, variables: Record<string, unknown>, apiKey?: string) =>
    api.ok<T>(query, variables, apiKey);
  const explain = async (a: string, b: string, profileId?: string, apiKey = admin.apiKey) =>
    (await gql<{ explainPair: Explanation }>(EXPLAIN, { a, b, profileId }, apiKey)).explainPair;
  const partnersOf = async (id: string, extra: Record<string, unknown> = {}) =>
    (await gql<{ partners: Proposal[] }>(PARTNERS, { id, ...extra }, admin.apiKey)).partners;

  async function activate(profileId: string): Promise<void> {
    const started = await gql<{ activateScoringProfile: { id: string; scope: string } }>(
      `mutation($id: ID!) { activateScoringProfile(profileId: $id, territory: "69") { id scope } }`,
      { id: profileId },
      admin.apiKey,
    );
    expect(started.activateScoringProfile.scope).toBe('territory:69');
    const run = await eventually(
      () =>
        api.gql<{ scoringRun: { status: string; error: string | null } }>(
          RUN,
          { id: started.activateScoringProfile.id },
          admin.apiKey,
        ),
      (r) => finished(r.data?.scoringRun.status),
      60_000,
    );
    expect(run.data!.scoringRun).toMatchObject({ status: 'SUCCEEDED', error: null });
  }

  async function create(key: string, input: Record<string, unknown>) {
    ids[key] = await api.createActor({ name: `${tag} ${key}`, communeCode: '69123', ...input }, admin.apiKey);
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    admin = await api.user(Role.ADMIN);
    organiser = await api.user(Role.ORGANISER);
    viewer = await api.user(Role.VIEWER);
    labViewer = await api.user(Role.VIEWER, { organisationId: organiser.organisationId });
    await create('assoc', {
      kind: 'ASSOCIATION',
      offers: [skills('communication.events')],
      needs: [
        { competenceId: 'digital.website', priority: 3 },
        { competenceId: 'legal.governance', priority: 2 },
      ],
      causes: [4, 11],
    });
    await create('company', {
      kind: 'COMPANY',
      offers: [skills('digital.website'), skills('legal.governance')],
      needs: [{ competenceId: 'communication.events', priority: 3 }],
      causes: [4, 11],
    });
    await create('studio', {
      kind: 'COMPANY',
      communeCode: '69266',
      offers: [skills('digital.website', 2)],
      needs: [{ competenceId: 'communication.events', priority: 2 }],
      causes: [11],
    });
  });

  afterAll(async () => {
    // Leave the platform on the built-in profile for whoever runs next.
    if (admin) await activate('default').catch(() => undefined);
    await worker?.close();
    await api?.close();
  });

  it('rejects an invalid profile with the field path, and callers without the right', async () => {
    const negative = await api.gql(SAVE, { input: { slug, weights: { causes: -1 } } }, organiser.apiKey);
    expect(negative.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'weights', 'causes'],
    });
    const knob = await api.gql(
      SAVE,
      { input: { slug, definition: JSON.stringify({ candidates: { blocking: 'planet' } }) } },
      organiser.apiKey,
    );
    expect(knob.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'definition', 'candidates', 'blocking'],
    });
    const reserved = await api.gql(SAVE, { input: { slug: 'default' } }, admin.apiKey);
    expect(reserved.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'slug'],
    });

    const byViewer = await api.gql(SAVE, { input: { slug, weights: { causes: 0 } } }, viewer.apiKey);
    expect(byViewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(SAVE, { input: { slug, weights: { causes: 0 } } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const activateByOrganiser = await api.gql(
      `mutation { activateScoringProfile(profileId: "default") { id } }`,
      {},
      organiser.apiKey,
    );
    expect(activateByOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('saves versions, lists them, and scores live with a profile that ignores causes', async () => {
    const v1 = await gql<{ saveScoringProfile: Record<string, unknown> }>(
      SAVE,
      { input: { slug, label: 'No causes', weights: { causes: 0 } } },
      organiser.apiKey,
    );
    expect(v1.saveScoringProfile).toMatchObject({
      id: `${slug}@1`,
      version: 1,
      builtIn: false,
      ownerOrganisationId: organiser.organisationId,
      weights: { causes: 0, complementarity: 0.6 },
      activeOnPlatform: false,
    });
    // A second save is a new version built on the latest one (causes stay at 0).
    const v2 = await gql<{ saveScoringProfile: Record<string, unknown> }>(
      SAVE,
      { input: { slug, penalties: { metBefore: 0.5 } } },
      organiser.apiKey,
    );
    expect(v2.saveScoringProfile).toMatchObject({
      id: `${slug}@2`,
      version: 2,
      weights: { causes: 0 },
      penalties: { metBefore: 0.5 },
    });
    // Another organisation's organiser may not publish versions of it; an admin may.
    const stranger = await api.user(Role.ORGANISER);
    const foreign = await api.gql(SAVE, { input: { slug, weights: { causes: 1 } } }, stranger.apiKey);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: ['input', 'slug'] });
    const byAdmin = await api.gql(SAVE, { input: { slug, label: 'No causes (admin)' } }, admin.apiKey);
    expect(byAdmin.errors).toBeUndefined();
    const list = await gql<{
      scoringProfiles: { id: string; builtIn: boolean; activeOnPlatform: boolean }[];
    }>(`{ scoringProfiles { id builtIn activeOnPlatform } }`, {}, labViewer.apiKey);
    const listed = list.scoringProfiles.map((p) => p.id);
    expect(listed[0]).toBe('default@1');
    expect(listed).toEqual(expect.arrayContaining([`${slug}@1`, `${slug}@2`, `${slug}@3`]));
    const one = await gql<{ scoringProfile: { id: string } }>(
      `query($id: ID!) { scoringProfile(id: $id) { id } }`,
      { id: slug },
      labViewer.apiKey,
    );
    expect(one.scoringProfile.id).toBe(`${slug}@3`);
    const missing = await api.gql(`{ scoringProfile(id: "nope@1") { id } }`, {}, viewer.apiKey);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });

    const base = await explain(ids.assoc, ids.company);
    expect(base.profileId).toBe('default');
    expect(component(base, 'causes')!.contribution).toBeGreaterThan(0);
    const tuned = await explain(ids.assoc, ids.company, `${slug}@2`);
    expect(tuned).toMatchObject({ profileId: slug, profileVersion: 2 });
    expect(component(tuned, 'causes')).toMatchObject({ contribution: 0, weight: 0 });
    expect(tuned.score).toBeLessThan(base.score);
    expect(tuned.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(tuned.score, 6);
  });

  it('a lab’s active profile is its members’ default for live scores', async () => {
    const set = await gql<{
      setOrganisationScoringProfile: { id: string; activeForMyOrganisation: boolean };
    }>(
      `mutation($id: ID) { setOrganisationScoringProfile(profileId: $id) { id activeForMyOrganisation } }`,
      { id: `${slug}@2` },
      organiser.apiKey,
    );
    expect(set.setOrganisationScoringProfile).toEqual({ id: `${slug}@2`, activeForMyOrganisation: true });
    const mine = await explain(ids.assoc, ids.company, undefined, organiser.apiKey);
    expect(mine).toMatchObject({ profileId: slug, profileVersion: 2 });
    const others = await explain(ids.assoc, ids.company, undefined, viewer.apiKey);
    expect(others.profileId).toBe('default');
    await gql(`mutation { setOrganisationScoringProfile(profileId: null) { id } }`, {}, organiser.apiKey);
    expect((await explain(ids.assoc, ids.company, undefined, organiser.apiKey)).profileId).toBe('default');
  });

  it('penalises a pair that already met at a closed event', async () => {
    const before = await explain(ids.assoc, ids.company);
    expect(before.metBefore).toBe(false);
    const db = api.app.get(DataSource);
    const eventId = randomUUID();
    const scheduleId = randomUUID();
    await db.query(
      `INSERT INTO events (id, organisation_id, title, starts_at, format, rounds, round_minutes, status)
       VALUES ($1, $2, $3, now() - interval '1 day', 'ONE_TO_ONE', 1, 7, 'CLOSED')`,
      [eventId, admin.organisationId, `${tag} speed meeting`],
    );
    await db.query(
      `INSERT INTO schedules (id, event_id, version, status, algorithm, total_score, pair_weights)
       VALUES ($1, $2, 1, 'PUBLISHED', 'test', 1, '{"ids":[],"weights":[],"excluded":[]}')`,
      [scheduleId, eventId],
    );
    await db.query(
      `INSERT INTO meetings (schedule_id, round, table_number, participant_ids, score) VALUES ($1, 1, 1, $2, 1)`,
      [scheduleId, [ids.assoc, ids.company]],
    );
    const after = await explain(ids.assoc, ids.company);
    expect(after.metBefore).toBe(true);
    expect(after.warnings.some((w) => w.startsWith('MET_BEFORE'))).toBe(true);
    expect(component(after, 'metBeforePenalty')!.contribution).toBeLessThan(0);
    expect(after.score).toBeLessThan(before.score);
    // the studio never met anyone
    expect((await explain(ids.assoc, ids.studio)).metBefore).toBe(false);
  });

  it('activating a profile rebuilds the stored partners with it (met-before only in live scores)', async () => {
    await activate(`${slug}@2`);
    const active = await gql<{ scoringProfile: { activeOnPlatform: boolean } }>(
      `query($id: ID!) { scoringProfile(id: $id) { activeOnPlatform } }`,
      { id: `${slug}@2` },
      viewer.apiKey,
    );
    expect(active.scoringProfile.activeOnPlatform).toBe(true);
    const list = await partnersOf(ids.assoc);
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) expect(p).toMatchObject({ profileId: slug, profileVersion: 2 });
    const company = list.find((p) => p.partner.id === ids.company)!;
    expect(company).toBeDefined();
    // Stored scores are read by every caller: they use no lab's events (docs/SECURITY.md)...
    expect(component(company, 'metBeforePenalty')?.contribution ?? 0).toBe(0);
    expect(component(company, 'causes')!.contribution).toBe(0);
    // ...while explainPair (live, here an admin's: every event) applies the profile's penalty;
    // without a profile it now uses the platform's.
    const live = await explain(ids.assoc, ids.company);
    expect(live.profileId).toBe(slug);
    expect(component(live, 'metBeforePenalty')!.contribution).toBeLessThan(0);
    // and another profile re-ranks the stored candidates live
    const reranked = await partnersOf(ids.assoc, { profileId: 'default' });
    expect(reranked.length).toBeGreaterThan(0);
    expect(reranked.map((p) => p.rank)).toEqual(reranked.map((_, i) => i + 1));
    for (const p of reranked) expect(p.profileId).toBe('default');

    await activate('default');
    for (const p of await partnersOf(ids.assoc)) expect(p.profileId).toBe('default');
  });

  it('caps partners at the stored top-K', async () => {
    const res = await api.gql(PARTNERS, { id: ids.assoc, limit: 21 });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['limit'] });
    expect(res.errors?.[0].message).toContain('limit above stored partners (20)');
    expect((await api.gql(PARTNERS, { id: ids.assoc, limit: 20 })).errors).toBeUndefined();
  });
});
