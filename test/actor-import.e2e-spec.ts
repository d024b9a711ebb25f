import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Test } from '@nestjs/testing';
import { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { createRedisConnection, JobName, JobWorkerService, QueueName } from '@maillage/jobs';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { TestApi, eventually, finished } from './support/api';

const FIXTURE = readFileSync(path.join(__dirname, 'fixtures', 'actors-import.csv'), 'utf8');

const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importActorsCsv(csv: $csv, dryRun: $dryRun) {
    dryRun delimiter totalRows created updated unchanged rejected errorCount ignoredColumns
    errors { row column reason message }
    rows { row status actorId }
  }
}`;
const START = `mutation($csv: String!) { startActorsCsvImport(csv: $csv) { id status } }`;
const RUN = `query($id: ID!) { importRun(id: $id) {
  id status progress totalRows processedRows created updated unchanged rejected errorCount failure
  errors { row column reason }
} }`;
const ACTOR = `query($id: ID!) { actor(id: $id) {
  id name kind siren rna visibility location { code } actsIn { code }
  offers { competence { id } modality level } needs { competence { id } priority } causes { sdg } allianceForms
  contact { name email }
} }`;

interface Report {
  dryRun: boolean;
  delimiter: string;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errorCount: number;
  ignoredColumns: string[];
  errors: { row: number; column: string | null; reason: string; message: string }[];
  rows: { row: number; status: string; actorId: string | null }[];
}

interface Run {
  id: string;
  status: string;
  progress: number;
  totalRows: number;
  processedRows: number;
  created: number;
  rejected: number;
  errorCount: number;
  failure: string | null;
  errors: { row: number; column: string | null; reason: string }[];
}

describe('CSV import of actors (e2e)', () => {
  let api: TestApi;
  let organiser: { apiKey: string; organisationId: string };
  let viewer: { apiKey: string };

  const importCsv = async (csv: string, apiKey: string, dryRun = false) =>
    (await api.ok<{ importActorsCsv: Report }>(IMPORT, { csv, dryRun }, apiKey)).importActorsCsv;
  const searchNames = async (search: string, apiKey: string) => {
    const res = await api.gql<{ actors: { edges: { node: { name: string } }[] } }>(
      `query($s: String) { actors(filter: { search: $s }, first: 100) { edges { node { name } } } }`,
      { s: search },
      apiKey,
    );
    return res.data!.actors.edges.map((e) => e.node.name);
  };

  beforeAll(async () => {
    api = await TestApi.start();
    organiser = await api.user(Role.ORGANISER);
    viewer = await api.user(Role.VIEWER);
  });
  afterAll(async () => api.close());

  it('imports a French Excel file; the bad row is reported by row, column and reason and writes nothing', async () => {
    const report = await importCsv(FIXTURE, organiser.apiKey);
    expect(report).toMatchObject({
      dryRun: false,
      delimiter: ';',
      totalRows: 4,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    expect(report.ignoredColumns).toEqual(['Remarques']);
    expect(report.errors).toEqual([
      { row: 4, column: 'siren', reason: 'invalid_siren', message: expect.stringContaining('SIREN') },
    ]);
    expect(report.rows.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'REJECTED', 'CREATED']);

    expect((await searchNames('import e2e', organiser.apiKey)).sort()).toEqual([
      'Boulangerie du Drac (import e2e)',
      'Les Jardins Partagés (import e2e)',
      'Lycée des Eaux Claires (import e2e)',
    ]);

    const boulangerie = await api.gql<{ actor: Record<string, unknown> }>(
      ACTOR,
      { id: report.rows[0].actorId },
      organiser.apiKey,
    );
    expect(boulangerie.data!.actor).toMatchObject({
      kind: 'COMPANY',
      siren: '831234562',
      location: { code: '38185' },
      offers: expect.arrayContaining([
        { competence: { id: 'premises.meeting-rooms' }, modality: 'PREMISES', level: 3 },
      ]),
      needs: [{ competence: { id: 'communication.social-media' }, priority: 2 }],
      allianceForms: ['RESOURCES'],
      // The importing organisation manages the actor, so its organiser sees the contact person.
      contact: { name: 'Paul Durand', email: 'paul.durand@example.org' },
    });
    const asViewer = await api.gql<{ actor: { contact: unknown } }>(
      ACTOR,
      { id: report.rows[0].actorId },
      viewer.apiKey,
    );
    expect(asViewer.data!.actor.contact).toBeNull();
  });

  it('re-importing is idempotent: same actors, unchanged, then updated in place', async () => {
    const again = await importCsv(FIXTURE, organiser.apiKey);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(await searchNames('import e2e', organiser.apiKey)).toHaveLength(3);

    const edited = FIXTURE.replace('Pains bio et insertion', 'Pains bio, insertion et formation');
    const dry = await importCsv(edited, organiser.apiKey, true);
    expect(dry).toMatchObject({ dryRun: true, updated: 1, unchanged: 2 });
    const updated = await importCsv(edited, organiser.apiKey);
    expect(updated).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(updated.rows.map((r) => r.actorId)).toEqual(again.rows.map((r) => r.actorId));
    expect(await searchNames('import e2e', organiser.apiKey)).toHaveLength(3);
  });

  it('is for admins and organisers only', async () => {
    const admin = await api.user(Role.ADMIN);
    expect(await importCsv(FIXTURE, admin.apiKey, true)).toMatchObject({
      dryRun: true,
      created: 0,
      rejected: 1,
    });
    const editor = await api.user(Role.ACTOR_EDITOR);
    for (const key of [viewer.apiKey, editor.apiKey]) {
      const res = await api.gql(IMPORT, { csv: FIXTURE }, key);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await api.gql(START, { csv: FIXTURE });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const unknown = await api.gql(RUN, { id: 'not-a-run' }, admin.apiKey);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'unknown_import_run' });
  });

  it('sends large files to the background import with a clear error', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => `big-${i};Big ${i};COMPANY`);
    const res = await api.gql(
      IMPORT,
      { csv: ['external_id;name;kind', ...rows].join('\n') },
      organiser.apiKey,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['csv'],
      reason: 'too_large_for_sync',
    });
    expect(res.errors?.[0].message).toContain('startActorsCsvImport');
    const notCsv = await api.gql(START, { csv: 'name,siren\nAcme,552081317\n' }, organiser.apiKey);
    expect(notCsv.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'missing_column' });
  });

  it('the worker composition root finds the import job handler', async () => {
    const ref = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    try {
      let problem = '';
      try {
        ref.get(JobWorkerService).discoverHandlers();
      } catch (err) {
        problem = (err as Error).message; // other job names may still lack handlers; ours must not
      }
      expect(problem).not.toContain(`"${JobName.IMPORT_ACTORS_CSV}"`);
    } finally {
      await ref.close();
    }
  });

  it('runs a large import as a job with progress, counts and per-row errors', async () => {
    const tag = `Async${Date.now()}`;
    const lines = Array.from(
      { length: 450 },
      (_, i) => `${tag}-${i},${tag} actor ${i},ASSOCIATION,38185,,2|11`,
    );
    lines[99] = `${tag}-99,${tag} actor 99,ASSOCIATION,38185,nowhere.at.all:SKILLS:2,2`; // row 101
    const csv = ['external_id,name,kind,commune,offers,causes', ...lines].join('\n');

    const started = await api.gql<{ startActorsCsvImport: { id: string; status: string } }>(
      START,
      { csv },
      organiser.apiKey,
    );
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startActorsCsvImport.id;
    expect(started.data!.startActorsCsvImport.status).toBe('QUEUED');

    // No worker process runs inside the e2e tests: consume the import queue in-process through the
    // worker's own job runner (only this queue, so other specs' scoring jobs are left alone).
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const workerRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    const runner = workerRef.get(JobWorkerService);
    const connection = createRedisConnection(config.REDIS_URL);
    const worker = new Worker(QueueName.IMPORT, (job) => runner.process(job), {
      connection,
      prefix: config.REDIS_PREFIX,
    });
    let run: Run | undefined;
    try {
      const polled = await eventually(
        () => api.ok<{ importRun: Run }>(RUN, { id: runId }, organiser.apiKey),
        (r) => finished(r.importRun.status),
        90_000,
        300,
      );
      run = polled.importRun;
    } finally {
      await worker.close();
      connection.disconnect();
      await workerRef.close();
    }
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      progress: 1,
      totalRows: 450,
      processedRows: 450,
      created: 449,
      rejected: 1,
      errorCount: 1,
    });
    expect(run!.errors).toEqual([{ row: 101, column: 'offers', reason: 'unknown_competence' }]);
    expect(await searchNames(`${tag} actor 10`, organiser.apiKey)).toHaveLength(11); // 10 and 100..109

    // The file (personal data) is not kept once the run has ended.
    const [file] = await api.app
      .get(DataSource)
      .query('SELECT content FROM import_files WHERE run_id = $1', [runId]);
    expect(file.content).toBeNull();

    // Runs are visible to their organisation (and admins) only.
    const other = await api.user(Role.ORGANISER);
    const foreign = await api.gql(RUN, { id: runId }, other.apiKey);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const asViewer = await api.gql(RUN, { id: runId }, viewer.apiKey);
    expect(asViewer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
