import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { JobsService, QueueName, SweeperService } from '@maillage/jobs';
import { Neo4jService } from '@maillage/neo4j';
import { PersonalDataService } from '@maillage/personal-data';
import { TestApi, TestWorker } from './support/api';

/**
 * Personal data across every store, seeded through the API: a person is a user (organiser), an
 * actor's contact person (also named in its description), an event's representative, a row of a
 * stored CSV import they started (a job run they requested), and, because payloads and failure
 * reasons must never carry personal data but could, a job in Redis naming them. Then export, erase,
 * and a scan of every PostgreSQL table (each row as text), every Neo4j node and relationship
 * property and every Redis key of the run (names and values): 0 occurrences of the e-mail or name.
 */
const unique = Math.random().toString(36).slice(2, 8);
const EMAIL = `Jeanne.Vrai-${unique}@Exemple.org`;
const NAME = `Jeanne Vraimentunique${unique}`;
const TERMS = [EMAIL.toLowerCase(), NAME.toLowerCase()];

async function scanPostgres(ds: DataSource): Promise<Record<string, number>> {
  const tables = (await ds.query(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as { t: string }[];
  const hits: Record<string, number> = {};
  for (const { t } of tables) {
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM "${t}" x WHERE x::text ILIKE ANY($1)`, [
      TERMS.map((s) => `%${s}%`),
    ])) as { n: number }[];
    if (n) hits[t] = n;
  }
  return hits;
}

async function scanNeo4j(neo4j: Neo4jService): Promise<number> {
  const [row] = await neo4j.read<{ n: number }>(
    `CALL () { MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p }
     UNWIND keys(p) AS k
     WITH p[k] AS v
     WHERE (v IS :: STRING AND any(t IN $terms WHERE toLower(v) CONTAINS t))
        OR (v IS :: LIST<ANY> AND any(x IN v WHERE x IS :: STRING AND any(t IN $terms WHERE toLower(x) CONTAINS t)))
     RETURN count(*) AS n`,
    { terms: TERMS },
  );
  return Number(row.n);
}

/** Every key under the run's prefix: its name and its whole content, whatever its type. */
async function scanRedis(redis: IORedis): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      const content =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? await redis.hgetall(key)
            : type === 'list'
              ? await redis.lrange(key, 0, -1)
              : type === 'set'
                ? await redis.smembers(key)
                : type === 'zset'
                  ? await redis.zrange(key, 0, -1)
                  : type === 'stream'
                    ? await redis.xrange(key, '-', '+')
                    : null;
      const text = `${key} ${JSON.stringify(content)}`.toLowerCase();
      if (TERMS.some((t) => text.includes(t))) found.push(key);
    }
  } while (cursor !== '0');
  return found;
}

describe('personal data: export, erasure and retention across every store (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let organiser: string;
  let redis: IORedis;
  let actorId: string;
  let eventId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    admin = (await api.user(Role.ADMIN)).apiKey;
    const lab = await api.user(Role.ORGANISER);
    organiser = lab.apiKey;

    // The person has an account (an organiser of the lab) with a key labelled with their name.
    const created = await api.ok<{ createUser: { apiKey: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { apiKey } }`,
      { input: { organisationId: lab.organisationId, email: EMAIL, role: 'ORGANISER' } },
      admin,
    );
    const own = created.createUser.apiKey;
    await api.ok(
      `mutation($l: String!) { createApiKey(label: $l) { key { id } } }`,
      { l: `${NAME} laptop` },
      own,
    );

    // They are the contact person of an actor, whose description also names them.
    actorId = await api.createActor(
      {
        name: `Association ${unique}`,
        kind: 'ASSOCIATION',
        description: `Écrire à ${EMAIL} pour tout partenariat`,
        contact: { name: NAME, email: EMAIL, phone: '+33 6 12 34 56 78' },
      },
      organiser,
    );

    // They represent it at an event.
    eventId = (
      await api.ok<{ createEvent: { id: string } }>(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            title: `Rencontre ${unique}`,
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            format: 'ONE_TO_ONE',
            rounds: 2,
            roundMinutes: 7,
          },
        },
        organiser,
      )
    ).createEvent.id;
    await api.ok(
      `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
      {
        i: {
          eventId,
          actorId,
          representativeName: NAME,
          representativeEmail: EMAIL,
          goals: `rencontrer des entreprises (${NAME})`,
        },
      },
      organiser,
    );

    // They start a background CSV import holding their contact row (no worker runs: the file waits).
    await api.ok(
      `mutation($csv: String!) { startActorsCsvImport(csv: $csv) { id } }`,
      {
        csv: `external_id,name,kind,contact_name,contact_email\npd-${unique},"Collectif ${unique}",ASSOCIATION,"${NAME}",${EMAIL}\n`,
      },
      own,
    );

    // A job in Redis naming them (payloads must not, but the erasure must find one that does).
    const queue = api.app.get(JobsService).queue(QueueName.IMPORT);
    const leaked = await queue.add('leak-check', { note: `contact ${EMAIL}` });
    await leaked.log(`row of ${NAME}`);
  }, 120_000);

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  it('exports everything held about the person, part by part (admins only)', async () => {
    const query = `query($e: String!) { exportPersonalData(email: $e) { subjectHash json parts { part count error records } } }`;
    for (const key of [organiser, undefined]) {
      const res = await api.gql(query, { e: EMAIL }, key);
      expect(res.errors?.[0].extensions?.code).toBe(key ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    const res = await api.ok<{
      exportPersonalData: {
        subjectHash: string;
        json: string;
        parts: { part: string; count: number; error: string | null }[];
      };
    }>(query, { e: EMAIL.toUpperCase() }, admin);
    const counts = Object.fromEntries(res.exportPersonalData.parts.map((p) => [p.part, p.count]));
    expect(res.exportPersonalData.parts.every((p) => p.error === null)).toBe(true);
    expect(counts).toMatchObject({
      users: 1,
      'actor-contacts': 2, // the contact person and the description mentioning the e-mail
      registrations: 1,
      'import-files': 1,
      'job-runs': 1, // the import run they requested
      'queued-jobs': 1,
    });
    const doc = JSON.parse(res.exportPersonalData.json) as {
      email: string;
      parts: Record<string, unknown[]>;
    };
    expect(doc.email).toBe(EMAIL.toLowerCase());
    expect(JSON.stringify(doc.parts.users)).toContain(`${NAME} laptop`);
    expect(JSON.stringify(doc.parts['import-files'])).toContain(NAME);
    expect(res.exportPersonalData.subjectHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('erases it everywhere (0 occurrences in every table, property and key), idempotently and audited', async () => {
    const ds = api.app.get(DataSource);
    const neo4j = api.app.get(Neo4jService);
    // The scans find the seeded data before erasure (they can fail).
    expect(Object.keys(await scanPostgres(ds)).sort()).toEqual(
      expect.arrayContaining(['api_keys', 'import_files', 'registrations', 'users']),
    );
    expect(await scanNeo4j(neo4j)).toBeGreaterThanOrEqual(3);
    expect((await scanRedis(redis)).length).toBeGreaterThan(0);

    const erase = `mutation($e: String!) { erasePersonalData(email: $e) { subjectHash total complete parts { part count error } } }`;
    expect((await api.gql(erase, { e: EMAIL }, organiser)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const first = await api.ok<{
      erasePersonalData: {
        subjectHash: string;
        total: number;
        complete: boolean;
        parts: { part: string; count: number }[];
      };
    }>(erase, { e: EMAIL }, admin);
    expect(first.erasePersonalData.complete).toBe(true);
    expect(Object.fromEntries(first.erasePersonalData.parts.map((p) => [p.part, p.count]))).toMatchObject({
      users: 1,
      'actor-contacts': 2,
      registrations: 1,
      'import-files': 1,
      'job-runs': 1,
      'queued-jobs': 1,
    });
    expect(first.erasePersonalData.total).toBe(7);

    expect(await scanPostgres(ds)).toEqual({});
    expect(await scanNeo4j(neo4j)).toBe(0);
    expect(await scanRedis(redis)).toEqual([]);

    // References are kept: the registration and the actor stay, without the person.
    const reg = await api.ok<{ registrations: { actorId: string; representative: unknown }[] }>(
      `query($id: ID!) { registrations(eventId: $id) { actorId representative { name email } } }`,
      { id: eventId },
      organiser,
    );
    expect(reg.registrations).toEqual([{ actorId, representative: { name: null, email: null } }]);
    const actor = await api.ok<{ actor: { id: string; contact: unknown; description: string } }>(
      `query($id: ID!) { actor(id: $id) { id contact { name } description } }`,
      { id: actorId },
      organiser,
    );
    expect(actor.actor).toEqual({
      id: actorId,
      contact: null,
      description: 'Écrire à [effacé] pour tout partenariat',
    });

    // Idempotent: a second erasure finds nothing.
    const second = await api.ok<{ erasePersonalData: { total: number; complete: boolean } }>(
      erase,
      { e: EMAIL },
      admin,
    );
    expect(second.erasePersonalData).toEqual({ ...second.erasePersonalData, total: 0, complete: true });

    // Audited without the e-mail: action, HMAC, admin, counts.
    const audit = await api.ok<{
      personalDataRequests: {
        action: string;
        subjectHash: string;
        requestedBy: string;
        parts: { part: string; count: number }[];
      }[];
    }>(
      `{ personalDataRequests(limit: 3) { action subjectHash requestedBy parts { part count } } }`,
      {},
      admin,
    );
    expect(audit.personalDataRequests.map((r) => r.action)).toEqual(['ERASE', 'ERASE', 'EXPORT']);
    expect(new Set(audit.personalDataRequests.map((r) => r.subjectHash))).toEqual(
      new Set([first.erasePersonalData.subjectHash]),
    );
    expect(JSON.stringify(await ds.query('SELECT * FROM personal_data_requests'))).not.toContain(
      EMAIL.toLowerCase(),
    );
  });

  it('purges contact details older than the retention period, once a day, from the worker sweeper', async () => {
    const other = `Paul.Ancien-${unique}@exemple.org`;
    const oldActor = await api.createActor(
      {
        name: `Ancienne ${unique}`,
        kind: 'COMPANY',
        contact: { name: `Paul Ancien${unique}`, email: other },
      },
      organiser,
    );
    await api.ok(
      `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
      { i: { eventId, actorId: oldActor, representativeName: 'Paul', representativeEmail: other } },
      organiser,
    );
    const service = api.app.get(PersonalDataService);
    // Three years and a day from now, everything created so far is past the retention period.
    const later = new Date(Date.now() + (3 * 365 + 1) * 86_400_000);
    const parts = await service.purgeExpired({ force: true, now: later });
    const counts = Object.fromEntries((parts ?? []).map((p) => [p.part, p.count]));
    expect(counts['actor-contacts']).toBeGreaterThanOrEqual(1);
    expect(counts.registrations).toBeGreaterThanOrEqual(1);
    const exported = await service.export(other, null);
    expect(exported.parts.filter((p) => p.count > 0)).toEqual([]);

    // Not due again within a day; the worker's sweeper runs the task (and finds it not due).
    expect(await service.purgeExpired()).toBeNull();
    const worker = await TestWorker.start();
    try {
      const report = await worker.get(SweeperService).sweepOnce();
      expect(report.tasks['personal-data-retention']).toBe(report.swept ? '"not due"' : undefined);
    } finally {
      await worker.close();
    }
  }, 120_000);
});
