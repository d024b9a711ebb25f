import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Each PostgreSQL table is read and written by the library that declares its entity, nowhere
 * else: other libraries go through that library's exported services (e.g. SchedulesRepository,
 * EventsService, JobRunsService). Checked on the non-spec sources of libs/ (the migrations in
 * libs/database create every table and are left out): raw SQL naming a table after FROM, JOIN,
 * INTO, UPDATE or TABLE, and TypeORM calls taking an entity class (`m.update(EventEntity, …)`,
 * `@InjectRepository(X)`, `TypeOrmModule.forFeature([X])`).
 */
const ROOT = path.resolve(__dirname, '..');
const LIBS = path.join(ROOT, 'libs');
const SPEC = /[.-]spec\.ts$/;

/** The owners, as the entities declare them (the test checks the declarations match this list). */
const OWNERS: Record<string, string> = {
  organisations: 'auth',
  users: 'auth',
  api_keys: 'auth',
  sessions: 'auth',
  invitations: 'invitations',
  job_runs: 'jobs',
  deferred_jobs: 'jobs',
  import_files: 'actor-import',
  scoring_chunks: 'complementarity',
  events: 'events',
  registrations: 'events',
  schedules: 'schedules',
  meetings: 'schedules',
  event_wishes: 'wishes',
  feedback: 'follow-up',
  outcome_surveys: 'follow-up',
  outbox: 'outbox',
};

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sourcesOf(full);
    return d.name.endsWith('.ts') && !SPEC.test(d.name) ? [full] : [];
  });
}

const files = readdirSync(LIBS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    sourcesOf(path.join(LIBS, d.name, 'src')).map((file) => ({
      lib: d.name,
      file: path.relative(ROOT, file),
      text: readFileSync(file, 'utf8'),
    })),
  );

/** Entity class → [table, owning lib], from `@Entity('table') … export class X`. */
const entities = new Map<string, { table: string; lib: string }>();
for (const { lib, text } of files)
  for (const m of text.matchAll(/@Entity\(\s*'([a-z_]+)'[\s\S]*?export class (\w+)/g))
    entities.set(m[2], { table: m[1], lib });

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/g;
const ENTITY_USE = [
  /\.\w+\(\s*(\w+Entity)\s*[,)]/g, // m.update(EventEntity, …), manager.findOne(UserEntity, …)
  /InjectRepository\(\s*(\w+Entity)\s*\)/g,
  /forFeature\(\s*\[([^\]]*)\]/g,
];

describe('table ownership', () => {
  it('matches the entity declarations', () => {
    const declared = Object.fromEntries([...entities.values()].map((e) => [e.table, e.lib]));
    expect(declared).toEqual(OWNERS);
  });

  it('has every table read and written by its owning lib only', () => {
    const foreign: string[] = [];
    for (const { lib, file, text } of files) {
      for (const m of text.matchAll(SQL_TABLE)) {
        const owner = OWNERS[m[1]];
        if (owner && owner !== lib) foreign.push(`${file}: SQL on ${m[1]} (owned by libs/${owner})`);
      }
      for (const re of ENTITY_USE)
        for (const m of text.matchAll(re))
          for (const name of m[1].split(',').map((s) => s.trim())) {
            const entity = entities.get(name);
            if (entity && entity.lib !== lib)
              foreign.push(`${file}: TypeORM on ${name} (${entity.table}, owned by libs/${entity.lib})`);
          }
    }
    expect(foreign).toEqual([]);
  });

  it('sees a foreign query when there is one', () => {
    const snippet = `await m.query('SELECT 1 FROM meetings m JOIN schedules s ON s.id = m.schedule_id');
      await m.update(EventEntity, { id }, {}); @InjectRepository(JobRunEntity) r; forFeature([FeedbackEntity])`;
    expect([...snippet.matchAll(SQL_TABLE)].map((m) => m[1])).toEqual(['meetings', 'schedules']);
    expect(ENTITY_USE.flatMap((re) => [...snippet.matchAll(re)].map((m) => m[1]))).toEqual([
      'EventEntity',
      'JobRunEntity',
      'FeedbackEntity',
    ]);
  });
});
