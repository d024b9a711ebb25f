import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorImportService } from '@maillage/actor-import';
import { Role } from '@maillage/auth';
import { TestApi } from './support/api';

/**
 * Tenancy through the real API: labs edit only the actors they manage, another tenant's private
 * objects answer like unknown ids, imports never cross tenants, and projections show only the
 * actors the caller may see. See docs/SECURITY.md for the rule.
 */
describe('tenancy (e2e)', () => {
  let api: TestApi;
  let admin: { apiKey: string; organisationId: string };
  let labA: { apiKey: string; organisationId: string };
  let labB: { apiKey: string; organisationId: string };
  const tag = Date.now().toString(36);
  const rna = (n: number) => `W38${String(Date.now() % 1_000_000).padStart(6, '0')}${n}`;

  const ACTOR = `query($id: ID!) { actor(id: $id) { id name visibility contact { name }
    alliances { partner { id } } memberOf { id } } }`;
  const readAs = (id: string, key = admin.apiKey) =>
    api.ok<{
      actor: {
        name: string;
        visibility: string;
        contact: { name: string } | null;
        alliances: { partner: { id: string } }[];
        memberOf: { id: string }[];
      };
    }>(ACTOR, { id }, key);
  const rename = (id: string, key: string) =>
    api.gql(
      `mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id name } }`,
      { id, i: { name: 'Renamed by lab B', contact: { name: 'Mallory', email: 'mallory@example.org' } } },
      key,
    );
  const importCsv = (csv: string, key: string, dryRun = false) =>
    api.gql<{
      importActorsCsv: {
        updated: number;
        rejected: number;
        rows: { status: string; actorId: string | null }[];
        errors: { row: number; column: string | null; reason: string; message: string }[];
      };
    }>(
      `mutation($csv: String!, $dry: Boolean!) { importActorsCsv(csv: $csv, dryRun: $dry) {
         updated rejected rows { status actorId } errors { row column reason message } } }`,
      { csv, dry: dryRun },
      key,
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.user(Role.ADMIN);
    labA = await api.user(Role.ORGANISER);
    labB = await api.user(Role.ORGANISER);
  });
  afterAll(async () => api.close());

  it('refuses an organiser of lab B renaming lab A’s PUBLIC actor (FORBIDDEN) and changes nothing', async () => {
    const id = await api.createActor(
      {
        name: `Lab A public ${tag}`,
        kind: 'ASSOCIATION',
        contact: { name: 'Alex Dupont', email: 'a@example.org' },
      },
      labA.apiKey,
    );
    const res = await rename(id, labB.apiKey);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not_actor_manager' });
    expect(res.data?.updateActor ?? null).toBeNull();
    const after = (await readAs(id)).actor;
    expect(after.name).toBe(`Lab A public ${tag}`);
    expect(after.contact).toEqual({ name: 'Alex Dupont' });
    // Lab A itself still edits it.
    expect((await rename(id, labA.apiKey)).errors).toBeUndefined();
  });

  it('answers lab A’s PRIVATE actor to lab B exactly like an unknown id (NOT_FOUND, same shape)', async () => {
    const id = await api.createActor(
      { name: `Lab A private ${tag}`, kind: 'ASSOCIATION', visibility: 'PRIVATE' },
      labA.apiKey,
    );
    const unknown = 'act_00000000000000000000';
    const shape = (r: Awaited<ReturnType<typeof rename>>, actorId: string) => ({
      code: r.errors?.[0].extensions?.code,
      reason: r.errors?.[0].extensions?.reason,
      message: r.errors?.[0].message.replace(actorId, '<id>'),
    });
    const hidden = shape(await rename(id, labB.apiKey), id);
    expect(hidden).toEqual(shape(await rename(unknown, labB.apiKey), unknown));
    expect(hidden.code).toBe('NOT_FOUND');
    for (const op of [
      `mutation($id: ID!) { setCauses(actorId: $id, input: { causes: [4] }) { id } }`,
      `mutation($id: ID!) { setTerritories(actorId: $id, input: { actsIn: ["38"] }) { id } }`,
    ]) {
      const res = await api.gql(op, { id }, labB.apiKey);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await readAs(id)).actor.name).toBe(`Lab A private ${tag}`);
  });

  it('rejects a CSV row of lab B carrying the RNA of lab A’s PRIVATE actor, without saying it exists', async () => {
    const privateRna = rna(1);
    const publicRna = rna(2);
    const hidden = await api.createActor(
      { name: `Lab A secret ${tag}`, kind: 'ASSOCIATION', visibility: 'PRIVATE', rna: privateRna },
      labA.apiKey,
    );
    const shown = await api.createActor(
      { name: `Lab A open ${tag}`, kind: 'ASSOCIATION', rna: publicRna },
      labA.apiKey,
    );
    const row = (value: string) =>
      `name,kind,rna,visibility\nTaken over ${tag},ASSOCIATION,${value},PUBLIC\n`;
    for (const dryRun of [true, false]) {
      const res = await importCsv(row(privateRna), labB.apiKey, dryRun);
      expect(res.errors).toBeUndefined();
      const report = res.data!.importActorsCsv;
      expect(report).toMatchObject({
        updated: 0,
        rejected: 1,
        rows: [{ status: 'REJECTED', actorId: null }],
      });
      expect(report.errors).toEqual([
        {
          row: 2,
          column: 'rna',
          reason: 'actor_not_editable',
          message: 'rna: this identifier belongs to an actor you may not edit',
        },
      ]);
      expect(JSON.stringify(report)).not.toContain(hidden);
      // The same words for a PUBLIC actor of lab A: the answer does not tell a private actor exists.
      const open = (await importCsv(row(publicRna), labB.apiKey, dryRun)).data!.importActorsCsv;
      expect(open.errors.map(({ reason, message }) => ({ reason, message }))).toEqual(
        report.errors.map(({ reason, message }) => ({ reason, message })),
      );
    }
    const after = (await readAs(hidden)).actor;
    expect(after).toMatchObject({ name: `Lab A secret ${tag}`, visibility: 'PRIVATE' });
    expect((await readAs(shown)).actor.name).toBe(`Lab A open ${tag}`);
    // Lab A updates its own actor through the same file.
    const own = (await importCsv(row(privateRna), labA.apiKey)).data!.importActorsCsv;
    expect(own).toMatchObject({ updated: 1, rejected: 0, rows: [{ status: 'UPDATED', actorId: hidden }] });
  });

  it('never changes who manages an existing actor through an import', async () => {
    const value = rna(3);
    const id = await api.createActor(
      { name: `Managed by A ${tag}`, kind: 'ASSOCIATION', rna: value },
      labA.apiKey,
    );
    const res = await importCsv(
      `name,kind,rna\nRenamed by admin ${tag},ASSOCIATION,${value}\n`,
      admin.apiKey,
    );
    expect(res.data!.importActorsCsv).toMatchObject({ updated: 1 });
    // Still lab A's: its organiser edits it, and lab B still may not.
    expect((await rename(id, labA.apiKey)).errors).toBeUndefined();
    expect((await rename(id, labB.apiKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An actor managed by nobody stays so: only admins edit it, organisers may not claim it by import.
    const orphanRna = rna(4);
    await api.app
      .get(ActorImportService)
      .importCsv(`name,kind,rna\nOrphan ${tag},ASSOCIATION,${orphanRna}\n`, {
        dryRun: false,
        managedBy: null,
      });
    const claim = (await importCsv(`name,kind,rna\nClaimed ${tag},ASSOCIATION,${orphanRna}\n`, labA.apiKey))
      .data!.importActorsCsv;
    expect(claim).toMatchObject({ rejected: 1, errors: [{ reason: 'actor_not_editable' }] });
    const orphan = (
      await api.ok<{ actors: { edges: { node: { id: string } }[] } }>(
        `query($s: String!) { actors(filter: { search: $s }) { edges { node { id } } } }`,
        { s: `Orphan ${tag}` },
        admin.apiKey,
      )
    ).actors.edges[0].node.id;
    expect((await rename(orphan, labA.apiKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await rename(orphan, admin.apiKey)).errors).toBeUndefined();
  });

  it('shows alliances and memberships only with actors the caller may see', async () => {
    const head = await api.createActor(
      { name: `Private network ${tag}`, kind: 'NETWORK_HEAD', visibility: 'PRIVATE' },
      labA.apiKey,
    );
    const secret = await api.createActor(
      { name: `Private ally ${tag}`, kind: 'COMPANY', visibility: 'PRIVATE' },
      labA.apiKey,
    );
    const open = await api.createActor(
      { name: `Open member ${tag}`, kind: 'ASSOCIATION', memberOf: [head] },
      labA.apiKey,
    );
    await api.ok(
      `mutation($i: RecordAllianceInput!) { recordAlliance(input: $i) { id } }`,
      { i: { actorId: open, partnerId: secret, form: 'RESOURCES' } },
      labA.apiKey,
    );
    const viewer = (await api.user(Role.VIEWER)).apiKey;
    for (const key of [undefined, viewer, labB.apiKey]) {
      const seen = (
        await api.ok<{ actor: { alliances: unknown[]; memberOf: unknown[] } }>(ACTOR, { id: open }, key)
      ).actor;
      expect(seen).toMatchObject({ alliances: [], memberOf: [] });
    }
    const own = (await readAs(open, labA.apiKey)).actor;
    expect(own.alliances.map((a) => a.partner.id)).toEqual([secret]);
    expect(own.memberOf.map((m) => m.id)).toEqual([head]);
    // Lab A edits its actor: the hidden links are kept, not dropped.
    expect((await rename(open, labA.apiKey)).errors).toBeUndefined();
    expect((await readAs(open)).actor.memberOf.map((m) => m.id)).toEqual([head]);
    // Lab B may not name lab A's private actors either: like unknown ids.
    const res = await api.gql(
      `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
      { i: { name: `B member ${tag}`, kind: 'ASSOCIATION', memberOf: [head] } },
      labB.apiKey,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown_actor' });
    const ally = await api.gql(
      `mutation($i: RecordAllianceInput!) { recordAlliance(input: $i) { id } }`,
      {
        i: {
          actorId: await api.createActor({ name: `B actor ${tag}`, kind: 'COMPANY' }, labB.apiKey),
          partnerId: secret,
          form: 'RESOURCES',
        },
      },
      labB.apiKey,
    );
    expect(ally.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps a lab’s scoring profiles to the lab (and admins); the platform’s for all', async () => {
    const saved = await api.ok<{ saveScoringProfile: { id: string } }>(
      `mutation($i: SaveScoringProfileInput!) { saveScoringProfile(input: $i) { id } }`,
      { i: { slug: `lab-a-only-${tag}` } },
      labA.apiKey,
    );
    const id = saved.saveScoringProfile.id;
    const list = async (key: string) =>
      (
        await api.ok<{ scoringProfiles: { id: string }[] }>(`{ scoringProfiles { id } }`, {}, key)
      ).scoringProfiles.map((p) => p.id);
    expect(await list(labA.apiKey)).toContain(id);
    expect(await list(admin.apiKey)).toContain(id);
    const seenByB = await list(labB.apiKey);
    expect(seenByB).not.toContain(id);
    expect(seenByB).toContain('default@1');
    const get = await api.gql(`query($id: ID!) { scoringProfile(id: $id) { id } }`, { id }, labB.apiKey);
    expect(get.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const a = await api.createActor({ name: `Scored A ${tag}`, kind: 'ASSOCIATION' }, labB.apiKey);
    const b = await api.createActor({ name: `Scored B ${tag}`, kind: 'COMPANY' }, labB.apiKey);
    const explain = `query($a: ID!, $b: ID!, $p: ID) { explainPair(a: $a, b: $b, profileId: $p) { profileId } }`;
    expect((await api.gql(explain, { a, b, p: id }, labB.apiKey)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await api.gql(explain, { a, b, p: id }, labA.apiKey)).errors).toBeUndefined();
    const choose = await api.gql(
      `mutation($p: ID) { setOrganisationScoringProfile(profileId: $p) { id } }`,
      { p: id },
      labB.apiKey,
    );
    expect(choose.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('counts "met before" only at the caller’s own lab’s events (admins: all)', async () => {
    const a = await api.createActor({ name: `Met A ${tag}`, kind: 'ASSOCIATION' }, labA.apiKey);
    const b = await api.createActor({ name: `Met B ${tag}`, kind: 'COMPANY' }, labA.apiKey);
    const db = api.app.get(DataSource);
    const [eventId, scheduleId] = [randomUUID(), randomUUID()];
    await db.query(
      `INSERT INTO events (id, organisation_id, title, starts_at, format, rounds, round_minutes, status)
       VALUES ($1, $2, $3, now() - interval '1 day', 'ONE_TO_ONE', 1, 7, 'CLOSED')`,
      [eventId, labA.organisationId, `Lab A meeting ${tag}`],
    );
    await db.query(
      `INSERT INTO schedules (id, event_id, version, status, algorithm, total_score, pair_weights)
       VALUES ($1, $2, 1, 'PUBLISHED', 'test', 1, '{"ids":[],"weights":[],"excluded":[]}')`,
      [scheduleId, eventId],
    );
    await db.query(
      `INSERT INTO meetings (schedule_id, round, table_number, participant_ids, score) VALUES ($1, 1, 1, $2, 1)`,
      [scheduleId, [a, b]],
    );
    const metBefore = async (key?: string) =>
      (
        await api.ok<{ explainPair: { metBefore: boolean; warnings: string[] } }>(
          `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { metBefore warnings } }`,
          { a, b },
          key,
        )
      ).explainPair;
    expect((await metBefore(labA.apiKey)).metBefore).toBe(true);
    expect((await metBefore(admin.apiKey)).metBefore).toBe(true);
    for (const key of [labB.apiKey, undefined]) {
      const seen = await metBefore(key);
      expect(seen.metBefore).toBe(false);
      expect(seen.warnings.some((w) => w.startsWith('MET_BEFORE'))).toBe(false);
    }
  });

  it('shows contact persons only to admins, the managing organisation and the actor editors', async () => {
    const id = await api.createActor(
      {
        name: 'Contact holder',
        kind: 'ASSOCIATION',
        contact: { name: 'Alex Dupont', email: 'alex@example.org' },
      },
      admin.apiKey,
    );
    const query = `query($id: ID!) { actor(id: $id) { contact { name email } } }`;
    const visible = async (key?: string) =>
      ((await api.gql<{ actor: { contact: unknown } }>(query, { id }, key)).data?.actor.contact ?? null) !==
      null;
    expect(await visible(undefined)).toBe(false);
    expect(await visible((await api.user(Role.VIEWER)).apiKey)).toBe(false);
    expect(await visible((await api.user(Role.ORGANISER)).apiKey)).toBe(false); // another organisation
    expect(
      await visible((await api.user(Role.ORGANISER, { organisationId: admin.organisationId })).apiKey),
    ).toBe(true);
    expect(await visible((await api.user(Role.ACTOR_EDITOR, { actorIds: [id] })).apiKey)).toBe(true);
    expect(await visible(admin.apiKey)).toBe(true);
  });
});
