import { Role } from '@maillage/auth';
import { JobName, JobsService, QueueName } from '@maillage/jobs';
import { TestApi, TestWorker, eventually, finished, skills } from './support/api';

/**
 * The complementarity engine end to end: actors created through GraphQL, a rebuild run by a real
 * in-process worker, partners read back with their reasons, and a profile edit rescored without
 * anyone pressing a button.
 */

const PARTNERS = `query($id: ID!, $filter: PartnerFilter, $limit: Int, $form: AllianceForm) {
  partners(actorId: $id, filter: $filter, limit: $limit, form: $form) {
    rank score form formScores forward backward partner { id name family }
    components { name contribution }
    reasons { score warnings excluded
      forward { coverage matches { need { id label } offer { id } via } }
      backward { coverage matches { need { id label } } } }
  } }`;
const RUN = `query($id: ID!) { scoringRun(id: $id) { id status progress totalActors doneActors counts { actors edges chunks chunksDone } durationMs error } }`;

type Proposal = {
  rank: number;
  score: number;
  form: string | null;
  formScores: number[] | null;
  forward: number;
  backward: number;
  partner: { id: string; name: string; family: string };
  reasons: {
    score: number;
    warnings: string[];
    forward: { coverage: number; matches: { need: { id: string; label: string } }[] };
    backward: { coverage: number; matches: { need: { id: string } }[] };
  };
};

// Actors live in Haute-Savoie (74), seeded for this suite alone: other suites create actors in
// Isère, Savoie and Rhône, and partners are blocked by département, so this suite's rankings stay
// its own (the exact search would rank another suite's better match first).
describe('complementarity engine (e2e, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let admin: { apiKey: string };
  const ids: Record<string, string> = {};
  const tag = `Cmp${Date.now().toString(36)}`;

  const partnersOf = async (id: string, extra: Record<string, unknown> = {}) => {
    const res = await api.gql<{ partners: Proposal[] }>(PARTNERS, { id, ...extra }, admin.apiKey);
    expect(res.errors).toBeUndefined();
    return res.data!.partners;
  };

  async function create(key: string, input: Record<string, unknown>) {
    ids[key] = await api.createActor({ name: `${tag} ${key}`, communeCode: '74010', ...input }, admin.apiKey);
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    admin = await api.user(Role.ADMIN);
    // The association needs a website and governance help and offers event organisation.
    await create('assoc', {
      kind: 'ASSOCIATION',
      offers: [skills('communication.events')],
      needs: [
        { competenceId: 'digital.website', priority: 3 },
        { competenceId: 'legal.governance', priority: 2 },
      ],
      causes: [4, 11],
    });
    // Covers both needs and needs what the association offers: the clear match.
    await create('company', {
      kind: 'COMPANY',
      offers: [skills('digital.website'), skills('legal.governance')],
      needs: [
        { competenceId: 'communication.events', priority: 3 },
        { competenceId: 'logistics.storage', priority: 2 },
      ],
      causes: [4],
    });
    // Similar but redundant: offers and needs the same things as the association.
    await create('twin', {
      kind: 'ASSOCIATION',
      offers: [skills('communication.events')],
      needs: [
        { competenceId: 'digital.website', priority: 3 },
        { competenceId: 'legal.governance', priority: 2 },
      ],
    });
    // As good as the company, but already allied with the association.
    await create('ally', {
      kind: 'COMPANY',
      offers: [skills('digital.website'), skills('legal.governance')],
      needs: [{ competenceId: 'communication.events', priority: 3 }],
    });
    // Public actor: premises and governance, needs events and a website (for triads).
    await create('town', {
      kind: 'COMMUNE',
      offers: [
        { competenceId: 'logistics.storage', modality: 'PREMISES', level: 3 },
        skills('legal.governance', 2),
      ],
      needs: [
        { competenceId: 'communication.events', priority: 3 },
        { competenceId: 'digital.website', priority: 2 },
      ],
    });
    // Offers transport: only useful once the association needs it.
    await create('carrier', {
      kind: 'COMPANY',
      communeCode: '74081',
      offers: [skills('logistics.transport')],
      needs: [{ competenceId: 'communication.events', priority: 2 }],
    });
    const allied = await api.gql(
      `mutation($input: RecordAllianceInput!) { recordAlliance(input: $input) { id } }`,
      { input: { actorId: ids.assoc, partnerId: ids.ally, form: 'CO_PRODUCTION' } },
      admin.apiKey,
    );
    expect(allied.errors).toBeUndefined();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('runs a rebuild to SUCCEEDED with progress and counts (admin only)', async () => {
    const anonymous = await api.gql(`mutation { startScoringRun { id } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const startedAt = Date.now();
    const started = await api.gql<{ startScoringRun: { id: string; status: string } }>(
      `mutation { startScoringRun { id status } }`,
      {},
      admin.apiKey,
    );
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startScoringRun.id;
    const run = await eventually(
      () =>
        api.gql<{ scoringRun: Record<string, unknown> & { status: string } }>(
          RUN,
          { id: runId },
          admin.apiKey,
        ),
      (r) => finished(r.data?.scoringRun.status),
      60_000,
    );
    expect(run.data!.scoringRun).toMatchObject({ status: 'SUCCEEDED', progress: 1, error: null });
    const s = run.data!.scoringRun as unknown as {
      totalActors: number;
      doneActors: number;
      counts: Record<string, number>;
    };
    expect(s.totalActors).toBeGreaterThanOrEqual(6);
    expect(s.doneActors).toBe(s.totalActors);
    expect(s.counts.actors).toBe(s.totalActors);
    expect(s.counts.edges).toBeGreaterThan(0);
    expect(s.counts.chunksDone).toBe(s.counts.chunks);
    // each stored proposal says when and with which model it was computed: during this run
    const stamped = await api.ok<{ partners: { computedAt: string; modelVersion: string }[] }>(
      `query($id: ID!) { partners(actorId: $id) { computedAt modelVersion } }`,
      { id: ids.assoc },
      admin.apiKey,
    );
    expect(stamped.partners.length).toBeGreaterThan(0);
    for (const p of stamped.partners) {
      expect(Date.parse(p.computedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(p.computedAt)).toBeLessThanOrEqual(Date.now());
      expect(p.modelVersion).toMatch(/^complementarity-/);
    }
  });

  it('ranks the clearly complementary partner first, with reasons naming the covered needs', async () => {
    const list = await partnersOf(ids.assoc);
    expect(list[0].partner.id).toBe(ids.company);
    expect(list[0].rank).toBeGreaterThanOrEqual(1);
    const covered = list[0].reasons.forward.matches.map((m) => m.need.id);
    expect(covered).toEqual(expect.arrayContaining(['digital.website', 'legal.governance']));
    expect(list[0].reasons.forward.matches[0].need.label).toBeTruthy();
    expect(list[0].reasons.backward.matches.map((m) => m.need.id)).toContain('communication.events');
    // the redundant twin brings nothing the association needs: never a resource partner; if it is
    // proposed at all, it is for pooling (they need the same website)
    const twin = list.find((p) => p.partner.id === ids.twin);
    if (twin) expect(twin.form).toBe('POOLING');
  });

  it('ranks per alliance form and says which form each proposal is for', async () => {
    const resources = await partnersOf(ids.assoc, { form: 'RESOURCES' });
    expect(resources[0].partner.id).toBe(ids.company);
    expect(resources.map((p) => p.partner.id)).not.toContain(ids.twin);
    const pooling = await partnersOf(ids.assoc, { form: 'POOLING' });
    const twin = pooling.find((p) => p.partner.id === ids.twin);
    expect(twin).toBeDefined();
    expect(twin!.formScores![2]).toBe(twin!.score);
    for (const list of [resources, pooling]) list.forEach((p, i) => expect(p.rank).toBe(i + 1));
    const blended = await partnersOf(ids.assoc);
    for (const p of blended) {
      expect(p.form).toBeTruthy();
      expect(p.score).toBeCloseTo(Math.max(...p.formScores!), 6);
    }
    const tooMany = await api.gql(PARTNERS, { id: ids.assoc, limit: 11, form: 'POOLING' });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['limit'],
      reason: 'limit_above_stored',
    });
  });

  it('explains every form exactly, gate included, in French', async () => {
    const res = await api.gql<{
      explainPair: {
        bestForm: string;
        blendedScore: number;
        summary: string;
        forms: {
          form: string;
          score: number;
          gate: number;
          gateExplanation: string;
          summary: string;
          components: {
            name: string;
            value: number;
            weight: number;
            gate: number | null;
            contribution: number;
            explanation: string;
          }[];
        }[];
      };
    }>(
      `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { bestForm blendedScore summary
         forms { form score gate gateExplanation summary
           components { name value weight gate contribution explanation } } } }`,
      { a: ids.assoc, b: ids.company },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.explainPair;
    expect(e.forms.map((f) => f.form)).toEqual(['RESOURCES', 'CO_PRODUCTION', 'POOLING', 'POSITIONING']);
    expect(e.blendedScore).toBe(Math.max(...e.forms.map((f) => f.score)));
    expect(e.forms.find((f) => f.form === e.bestForm)!.score).toBe(e.blendedScore);
    expect(e.summary).toMatch(/^Proposé pour une/);
    for (const f of e.forms) {
      expect(f.gateExplanation).toMatch(/^Facteur de contexte/);
      let sum = 0;
      for (const c of f.components) {
        sum += c.contribution;
        if (c.name.endsWith('Penalty')) continue;
        const expected = c.gate === null ? c.weight * c.value : c.weight * c.value * c.gate;
        expect(c.contribution).toBe(expected);
        if (c.gate !== null) expect(c.explanation).toContain('facteur de contexte');
      }
      expect(f.score).toBe(sum);
    }
    const proximity = e.forms[0].components.find((c) => c.name === 'proximity')!;
    expect(proximity.gate).toBe(e.forms[0].gate);
  });

  it('does not propose an already-allied actor', async () => {
    const list = await partnersOf(ids.assoc);
    expect(list.map((p) => p.partner.id)).not.toContain(ids.ally);
    const res = await api.gql<{ explainPair: { excluded: string; allied: boolean; warnings: string[] } }>(
      `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { excluded allied warnings } }`,
      { a: ids.assoc, b: ids.ally },
    );
    expect(res.data?.explainPair).toMatchObject({ excluded: 'ALREADY_ALLIED', allied: true });
  });

  it('explains any pair live, with components adding up to the score', async () => {
    const res = await api.gql<{
      explainPair: {
        score: number;
        components: { contribution: number }[];
        forward: { matches: { need: { id: string } }[] };
      };
    }>(
      `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { score components { name value weight contribution }
         forward { matches { need { id } } } } }`,
      { a: ids.assoc, b: ids.town },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.explainPair;
    expect(e.score).toBeGreaterThan(0);
    expect(e.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(e.score, 6);
    expect(e.forward.matches.map((m) => m.need.id)).toContain('legal.governance');
  });

  it('filters partners and rejects bad arguments with clear errors', async () => {
    const publics = await partnersOf(ids.assoc, { filter: { families: ['PUBLIC'] } });
    // Every proposal is public; of this suite's actors, only the town (the graph is shared with
    // the demo territory next door and other suites, whose public actors may rank too).
    expect(publics.map((p) => p.partner.family)).toEqual(publics.map(() => 'PUBLIC'));
    const mine = new Set(Object.values(ids));
    expect(publics.map((p) => p.partner.id).filter((id) => mine.has(id))).toEqual([ids.town]);

    const tooMany = await api.gql(PARTNERS, { id: ids.assoc, limit: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['limit'] });
    const unknown = await api.gql(PARTNERS, { id: 'act_nope' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['actorId'] });
    const unknownB = await api.gql(`{ explainPair(a: "${ids.assoc}", b: "act_nope") { score } }`);
    expect(unknownB.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['b'] });
  });

  it('proposes local causes to a company and association + company + public trios', async () => {
    const causes = await api.gql<{
      localCauses: { association: { id: string }; matches: { need: { id: string } }[] }[];
    }>(
      `query($id: ID!) { localCauses(actorId: $id, sdgs: [4]) { association { id } score matches { need { id } } } }`,
      { id: ids.company },
      admin.apiKey,
    );
    expect(causes.errors).toBeUndefined();
    const top = causes.data!.localCauses[0];
    expect([ids.assoc, ids.twin]).toContain(top.association.id);
    expect(top.association.id).toBe(ids.assoc); // serves SDG 4, the twin does not
    expect(top.matches.map((m) => m.need.id)).toContain('digital.website');

    const triads = await api.gql<{
      triads: { association: { id: string }; company: { id: string }; publicActor: { id: string } }[];
    }>(
      `query($id: ID!) { triads(actorId: $id) { association { id } company { id } publicActor { id } score territory { code } } }`,
      { id: ids.assoc },
      admin.apiKey,
    );
    expect(triads.errors).toBeUndefined();
    expect(triads.data!.triads).toContainEqual(
      expect.objectContaining({
        association: { id: ids.assoc },
        company: { id: ids.company },
        publicActor: { id: ids.town },
      }),
    );
  });

  it('follows a profile edit within seconds, in the actor’s list and in the lists it appears in', async () => {
    const before = await partnersOf(ids.carrier);
    expect(before[0]?.partner.id).not.toBe(undefined);
    const edit = await api.gql(
      `mutation($id: ID!, $input: SetNeedsInput!) { setNeeds(actorId: $id, input: $input) { id } }`,
      { id: ids.assoc, input: { needs: [{ competenceId: 'logistics.transport', priority: 3 }] } },
      admin.apiKey,
    );
    expect(edit.errors).toBeUndefined();
    const t0 = Date.now();
    const mine = await eventually(
      () => partnersOf(ids.assoc),
      (l) => l[0]?.partner.id === ids.carrier,
      10_000,
    );
    expect(mine[0].partner.id).toBe(ids.carrier);
    expect(mine[0].reasons.forward.matches.map((m) => m.need.id)).toEqual(['logistics.transport']);
    // the carrier's own list was rewritten too: the association now covers its need and needs its offer
    const theirs = await partnersOf(ids.carrier);
    expect(theirs[0].partner.id).toBe(ids.assoc);
    expect(theirs[0].forward).toBeGreaterThan(0);
    expect(theirs[0].backward).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('rescores an imported file’s actors together: one batch job, partners for each', async () => {
    const csv = [
      'Identifiant;Nom;Type;Code INSEE;Offres;Besoins;ODD',
      `${tag}-imp-1;${tag} imp asso;Association;74010;communication.events:SKILLS:2;finance.accounting:3|digital.website:2;4`,
      `${tag}-imp-2;${tag} imp cabinet;Entreprise;74010;finance.accounting:SKILLS:3;communication.events:3;4`,
      `${tag}-imp-3;${tag} imp agence;Entreprise;74010;digital.website:SKILLS:3;communication.events:2;4`,
    ].join('\n');
    const report = await api.ok<{ importActorsCsv: { created: number; rows: { actorId: string }[] } }>(
      `mutation($csv: String!) { importActorsCsv(csv: $csv) { created rows { actorId } } }`,
      { csv },
      admin.apiKey,
    );
    expect(report.importActorsCsv.created).toBe(3);
    const [asso, cabinet, agence] = report.importActorsCsv.rows.map((r) => r.actorId);
    const lists = await eventually(
      () => Promise.all([asso, cabinet, agence].map((id) => partnersOf(id))),
      (all) => all.every((l) => l.length > 0),
      30_000,
      300,
    );
    const asIds = (l: Proposal[]) => l.map((p) => p.partner.id);
    expect(asIds(lists[0])).toEqual(expect.arrayContaining([cabinet, agence]));
    expect(asIds(lists[1])).toContain(asso);
    expect(asIds(lists[2])).toContain(asso);
    // one SCORE_ACTORS job for the file's three actors, not one job per actor
    const queue = api.app.get(JobsService).queue(QueueName.SCORING);
    const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed']);
    const mine = jobs.filter((j) => {
      const data = j.data as { actorId?: string; actorIds?: string[] };
      return [asso, cabinet, agence].some((id) => data.actorId === id || data.actorIds?.includes(id));
    });
    const covered = (d: { actorId?: string; actorIds?: string[] }) => [...(d.actorIds ?? [d.actorId])].sort();
    expect(mine.map((j) => [j.name, covered(j.data as { actorId?: string; actorIds?: string[] })])).toEqual([
      [JobName.SCORE_ACTORS, [asso, cabinet, agence].sort()],
    ]);
  });
});
