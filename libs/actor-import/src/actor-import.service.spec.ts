import { ACTOR_ERRORS, ActorRecord, ActorsRepository, ActorWrite } from '@maillage/actors';
import { JobName, JobsService, ScoringRequests } from '@maillage/jobs';
import { ActorImportRepository } from './actor-import.repository';
import { ActorImportService } from './actor-import.service';

/** In-memory stand-ins for the graph: enough to check matching and outcomes without a database. */
class FakeGraph {
  actors = new Map<string, ActorWrite>();
  writes = 0;
  competences = new Set(['finance.tax', 'legal.governance']);
  territories = new Set(['38', '38185']);

  repository = {
    getMany: async (ids: string[]) =>
      ids.flatMap((id) => (this.actors.has(id) ? [this.record(this.actors.get(id)!)] : [])),
    missingReferences: async (refs: { territories: string[]; competences: string[] }) => ({
      territories: refs.territories.filter((t) => !this.territories.has(t)),
      competences: refs.competences.filter((c) => !this.competences.has(c)),
      actors: [],
    }),
    upsert: async (a: ActorWrite) => {
      const clash = [...this.actors.values()].find((o) => o.id !== a.id && a.siren && o.siren === a.siren);
      if (clash)
        throw ACTOR_ERRORS.conflict('Another actor already has this siren', {
          field: ['input', 'siren'],
          reason: 'duplicate_siren',
        });
      this.writes++;
      this.actors.set(a.id, structuredClone(a));
    },
  } as unknown as ActorsRepository;

  keys = {
    findByKeys: async (k: { sirens: string[]; rnas: string[]; externalIds: string[] }) =>
      [...this.actors.values()]
        .filter(
          (a) =>
            k.sirens.includes(a.siren ?? '') ||
            k.rnas.includes(a.rna ?? '') ||
            k.externalIds.includes(a.externalId ?? ''),
        )
        .map((a) => ({
          id: a.id,
          siren: a.siren ?? null,
          rna: a.rna ?? null,
          externalId: a.externalId ?? null,
          visibility: a.visibility,
          managedBy: a.managedBy ?? null,
        })),
  } as unknown as ActorImportRepository;

  private record(a: ActorWrite): ActorRecord {
    return {
      ...a,
      externalId: a.externalId ?? null,
      siren: a.siren ?? null,
      rna: a.rna ?? null,
      description: a.description ?? null,
      sizeBand: a.sizeBand ?? null,
      managedBy: a.managedBy ?? null,
      location: a.communeCode ? { code: a.communeCode, name: '', level: 'COMMUNE' } : null,
      actsIn: a.actsIn.map((code) => ({ code, name: '', level: 'DEPARTEMENT' })),
      offers: a.offers.map((o) => ({
        competence: { id: o.competenceId, label: '' },
        modality: o.modality,
        level: o.level,
      })),
      needs: a.needs.map((n) => ({ competence: { id: n.competenceId, label: '' }, priority: n.priority })),
      causes: a.causes.map((sdg) => ({ sdg, label: '' })),
      memberOf: a.memberOf.map((id) => ({
        id,
        name: '',
        kind: a.kind,
        family: a.family,
        visibility: null,
        managedBy: null,
      })),
      contact: a.contact
        ? { name: a.contact.name ?? null, email: a.contact.email ?? null, phone: a.contact.phone ?? null }
        : null,
      alliances: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    } as ActorRecord;
  }
}

const CSV = [
  'external_id,name,kind,siren,rna,commune,offers,needs,causes,contact_email',
  'a,Boulangerie,COMPANY,552081317,,38185,finance.tax:FUNDING:2,,8,paul@example.org',
  'b,Jardins,ASSOCIATION,,W381000001,38185,,legal.governance:3,2|11,',
  'c,Bad competence,COMPANY,,,38185,no.such:SKILLS:1,,,',
  'd,Bad siren,COMPANY,552081318,,,,,,',
].join('\n');

function setup() {
  const graph = new FakeGraph();
  const jobs = { enqueue: jest.fn(async () => 'job') } as unknown as JobsService;
  return {
    graph,
    jobs,
    service: new ActorImportService(graph.repository, graph.keys, new ScoringRequests(jobs)),
  };
}

describe('ActorImportService', () => {
  it('rescores every row it wrote when another write of the chunk fails, and still fails', async () => {
    const { graph, jobs, service } = setup();
    const upsert = graph.repository.upsert.bind(graph.repository);
    // row a's write fails at once while row b's, in the same group, finishes a moment later
    graph.repository.upsert = async (a: ActorWrite) => {
      if (a.externalId === 'a') throw new Error('Neo.TransientError.Transaction.DeadlockDetected');
      await new Promise((r) => setTimeout(r, 20));
      return upsert(a);
    };
    await expect(service.importCsv(CSV, { dryRun: false, managedBy: 'org-a' })).rejects.toThrow(/Deadlock/);
    const written = [...graph.actors.keys()];
    expect(written).toHaveLength(1); // row b
    expect(jest.mocked(jobs.enqueue).mock.calls).toEqual([[JobName.SCORE_ACTOR, { actorId: written[0] }]]);
  });

  it('writes valid rows, rejects the others with row, column and reason, and is idempotent', async () => {
    const { graph, jobs, service } = setup();
    const first = await service.importCsv(CSV, { dryRun: false, managedBy: 'org-a' });
    expect(first).toMatchObject({
      totalRows: 4,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      errorCount: 2,
    });
    expect(first.errors.map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 4, column: 'offers', reason: 'unknown_competence' },
      { row: 5, column: 'siren', reason: 'invalid_siren' },
    ]);
    expect(graph.actors.size).toBe(2);
    expect([...graph.actors.values()].every((a) => a.managedBy === 'org-a')).toBe(true);
    // the two written actors are rescored together, in one batch
    const calls = jest.mocked(jobs.enqueue).mock.calls as [string, { actorIds: string[] }][];
    expect(calls.map(([name, p]) => [name, [...p.actorIds].sort()])).toEqual([
      [JobName.SCORE_ACTORS, [...graph.actors.keys()].sort()],
    ]);

    const again = await service.importCsv(CSV, { dryRun: false, managedBy: 'org-b' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(graph.actors.size).toBe(2);
    expect(graph.writes).toBe(2);
    expect(
      again.rows
        .filter((r) => r.status === 'UNCHANGED')
        .map((r) => r.actorId)
        .sort(),
    ).toEqual([...graph.actors.keys()].sort());
  });

  it('matches on SIREN, then RNA, then external_id, and keeps the actor id', async () => {
    const { graph, service } = setup();
    await service.importCsv(CSV, { dryRun: false, managedBy: null });
    const [boulangerie, jardins] = [...graph.actors.values()];
    const csv = [
      'external_id,name,kind,siren,rna',
      'renamed-ext,Boulangerie renamed,COMPANY,552081317,', // SIREN wins over a new external id
      'b,Jardins renamed,ASSOCIATION,,', // external id only
    ].join('\n');
    const report = await service.importCsv(csv, { dryRun: false, managedBy: null });
    expect(report).toMatchObject({ created: 0, updated: 2 });
    expect(graph.actors.get(boulangerie.id)).toMatchObject({
      name: 'Boulangerie renamed',
      externalId: 'renamed-ext',
    });
    expect(graph.actors.get(jardins.id)).toMatchObject({ name: 'Jardins renamed', rna: 'W381000001' });
  });

  it('rejects a row whose keys point at two different actors', async () => {
    const { graph, service } = setup();
    await service.importCsv(CSV, { dryRun: false, managedBy: null });
    const report = await service.importCsv('external_id,name,kind,siren\nb,Mixed up,COMPANY,552081317\n', {
      dryRun: false,
      managedBy: null,
    });
    expect(report.errors[0]).toMatchObject({ row: 2, column: 'external_id', reason: 'key_conflict' });
    expect([...graph.actors.values()].map((a) => a.name).sort()).toEqual(['Boulangerie', 'Jardins']);
  });

  it('reports what would happen in a dry run and writes nothing', async () => {
    const { graph, jobs, service } = setup();
    const report = await service.importCsv(CSV, { dryRun: true, managedBy: null });
    expect(report).toMatchObject({ dryRun: true, created: 2, rejected: 2 });
    expect(report.rows[0]).toEqual({ row: 2, status: 'CREATED', actorId: null });
    expect(graph.actors.size).toBe(0);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('reports progress per chunk and can resume after the rows already done', async () => {
    const { graph, service } = setup();
    const rows = Array.from({ length: 450 }, (_, i) => `ext-${i},Actor ${i},COMPANY`);
    const csv = ['external_id,name,kind', ...rows].join('\n');
    const chunks: number[] = [];
    const report = await service.importCsv(csv, {
      dryRun: false,
      managedBy: null,
      startAt: 200,
      onChunk: async (c) => void chunks.push(c.processed),
    });
    expect(chunks).toEqual([400, 450]);
    expect(report.created).toBe(250);
    expect(graph.actors.size).toBe(250);
  });
});
