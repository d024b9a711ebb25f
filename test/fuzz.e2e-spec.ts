import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { Rng } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import { TestApi } from './support/api';

/**
 * Seeded fuzzing of the API's surface: malformed HTTP requests (content types, JSON, variables,
 * queries) and malformed inputs to real operations (wrong types, huge strings, control characters,
 * bad identifiers, broken CSV), anonymous and as an admin. Every answer must be a client error with
 * a code: no INTERNAL_SERVER_ERROR, no HTTP 5xx, no stack trace, and nothing written.
 */
const SEED = 20261201;
const REQUESTS = 1200;

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u2028\ud800';

function strangeString(rng: Rng): string {
  switch (rng.int(0, 7)) {
    case 0:
      return '';
    case 1:
      return 'x'.repeat(rng.int(5_000, 300_000));
    case 2:
      return Array.from({ length: rng.int(1, 40) }, () => CONTROL[rng.int(0, CONTROL.length - 1)]).join('');
    case 3:
      return rng.pick([
        "' OR 1=1 --",
        '"}) MATCH (n) DETACH DELETE n //',
        '../../etc/passwd',
        '${jndi:x}',
        '<script>',
      ]);
    case 4:
      return rng.pick([
        'act_',
        'act_' + 'z'.repeat(80),
        '00000000-0000-0000-0000-00000000000g',
        '-1',
        'NaN',
        '∞',
      ]);
    case 5:
      return '😀'.repeat(rng.int(1, 2000));
    case 6:
      return String(rng.float());
    default:
      return Array.from({ length: rng.int(1, 60) }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
  }
}

/** A value of the wrong shape most of the time. */
function strangeValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, 9)) {
    case 0:
      return null;
    case 1:
      return rng.int(-(2 ** 31), 2 ** 31) * (rng.chance(0.5) ? 1e9 : 1);
    case 2:
      return rng.chance(0.5);
    case 3:
      return depth < 3 ? Array.from({ length: rng.int(0, 5) }, () => strangeValue(rng, depth + 1)) : [];
    case 4:
      return depth < 3 ? { [strangeString(rng).slice(0, 20)]: strangeValue(rng, depth + 1) } : {};
    case 5:
      return rng.float() * 1e308;
    default:
      return strangeString(rng);
  }
}

function brokenCsv(rng: Rng): string {
  const header = rng.pick([
    'external_id,name,kind',
    'nom;type;siren',
    '"unclosed,name',
    '',
    'name,name,name',
  ]);
  const rows = Array.from({ length: rng.int(0, 30) }, () =>
    rng.pick([
      `x${rng.int(0, 99)},"Asso ${strangeString(rng).slice(0, 50)}",ASSOCIATION`,
      `"a""b,${CONTROL},KIND_${rng.int(0, 9)}`,
      `;;;;;;;;;;;;;;;;`,
      `${strangeString(rng).slice(0, 200)}`,
      `"never closed,${'y'.repeat(rng.int(0, 500))}`,
      `1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20`,
    ]),
  );
  return [header, ...rows].join(rng.pick(['\n', '\r\n', '\r', '\u0000']));
}

/** Operations whose inputs are fuzzed; CSV imports run as dry runs, every other write has a bad input. */
const OPERATIONS: ((rng: Rng) => [string, unknown])[] = [
  (rng) => [
    'mutation($i: CreateActorInput!) { createActor(input: $i) { id } }',
    { i: { name: strangeString(rng), kind: `NOT_A_KIND_${rng.int(0, 9)}`, siren: strangeValue(rng) } },
  ],
  (rng) => ['mutation($i: CreateActorInput!) { createActor(input: $i) { id } }', { i: strangeValue(rng) }],
  (rng) => [
    'mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }',
    { id: strangeString(rng), i: { name: strangeValue(rng), description: strangeValue(rng) } },
  ],
  (rng) => ['mutation($id: ID!) { deleteActor(id: $id) }', { id: strangeValue(rng) }],
  (rng) => [
    'mutation($id: ID!, $i: SetOffersInput!) { setOffers(actorId: $id, input: $i) { id } }',
    {
      id: strangeString(rng),
      i: { offers: [{ competenceId: strangeString(rng), modality: 'X', level: 99 }] },
    },
  ],
  (rng) => [
    'mutation($csv: String!) { importActorsCsv(csv: $csv, dryRun: true) { totalRows rejected } }',
    { csv: rng.chance(0.8) ? brokenCsv(rng) : strangeValue(rng) },
  ],
  (rng) => ['query($id: ID!) { actor(id: $id) { id name } }', { id: strangeValue(rng) }],
  (rng) => [
    'query($f: ActorFilter, $n: Int, $a: String) { actors(filter: $f, first: $n, after: $a) { edges { node { id } } } }',
    { f: strangeValue(rng), n: strangeValue(rng), a: strangeString(rng) },
  ],
  (rng) => [
    'query($id: ID!, $l: Int) { partners(actorId: $id, limit: $l) { score } }',
    { id: strangeString(rng), l: rng.int(-5, 500) },
  ],
  (rng) => [
    'query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { score } }',
    { a: strangeString(rng), b: strangeValue(rng) },
  ],
  (rng) => ['query($q: String) { territories(search: $q) { code } }', { q: strangeValue(rng) }],
  (rng) => ['query($id: ID!) { event(id: $id) { id } }', { id: strangeValue(rng) }],
  (rng) => [
    'mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }',
    { i: { title: strangeString(rng), rounds: strangeValue(rng), format: 'NOPE' } },
  ],
  (rng) => [
    'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }',
    { i: { eventId: strangeString(rng), actorId: strangeString(rng) } },
  ],
  (rng) => [
    'mutation($e: ID!, $csv: String!) { registerParticipantsCsv(eventId: $e, csv: $csv) { registered } }',
    { e: strangeString(rng), csv: brokenCsv(rng) },
  ],
  (rng) => ['query($e: ID!) { simulateEvent(eventId: $e) { meetings } }', { e: strangeValue(rng) }],
  (rng) => [
    'mutation($e: ID!, $r: Int!) { repairSchedule(eventId: $e, fromRound: $r) { id } }',
    { e: strangeString(rng), r: strangeValue(rng) },
  ],
  (rng) => ['mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: strangeValue(rng) }],
  (rng) => ['mutation($id: ID!) { disableUser(id: $id) { id } }', { id: strangeString(rng) }],
  (rng) => [
    'mutation($i: CreateUserInput!) { createUser(input: $i) { apiKey } }',
    { i: { organisationId: strangeString(rng), email: strangeString(rng), role: 'EMPEROR' } },
  ],
];

/** Malformed requests: [body, content type]. */
function malformedRequest(rng: Rng): [string | Buffer, string] {
  const json = 'application/json';
  switch (rng.int(0, 11)) {
    case 0:
      return [Buffer.from(Array.from({ length: rng.int(0, 2000) }, () => rng.int(0, 255))), json];
    case 1:
      return [JSON.stringify({ query: '{ me { authenticated } }' }).slice(0, rng.int(0, 30)), json];
    case 2:
      return [JSON.stringify({ query: '{ me { authenticated } }', variables: strangeValue(rng) }), json];
    case 3:
      return [
        JSON.stringify({ query: rng.pick(['', ' ', '#', '{', '}', 'query', strangeString(rng)]) }),
        json,
      ];
    case 4:
      return [
        JSON.stringify(rng.pick([{}, [], null, 1, 'x', true, [{ query: '{ me { authenticated } }' }]])),
        json,
      ];
    case 5:
      return [JSON.stringify({ query: strangeValue(rng), variables: {} }), json];
    case 6:
      return [
        '{ me { authenticated } }',
        rng.pick([
          'text/plain',
          'application/graphql',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
          '',
          'application/json; charset=latin1',
        ]),
      ];
    case 7:
      return [JSON.stringify({ query: '{ me { authenticated } }', operationName: strangeValue(rng) }), json];
    case 8:
      return [
        JSON.stringify({ query: 'query A { me { authenticated } } query B { me { authenticated } }' }),
        json,
      ];
    case 9:
      return [JSON.stringify({ query: `{ ${strangeString(rng).slice(0, 5000)} }` }), json];
    case 10:
      return [JSON.stringify({ query: '{ me { authenticated } }', extensions: strangeValue(rng) }), json];
    default:
      return [JSON.stringify({ query: `{ actor(id: "${'\\u0000'.repeat(rng.int(1, 50))}") { id } }` }), json];
  }
}

describe('seeded fuzzing of malformed requests and inputs (e2e)', () => {
  let api: TestApi;
  let adminKey: string;

  const counts = async () => {
    const neo4j = api.app.get(Neo4jService);
    const [nodes] = await neo4j.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const [rels] = await neo4j.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
    const ds = api.app.get(DataSource);
    const tables = (await ds.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1",
    )) as { tablename: string }[];
    const rows: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [r] = (await ds.query(`SELECT count(*)::int AS n FROM "${tablename}"`)) as { n: number }[];
      rows[tablename] = r.n;
    }
    return { nodes: Number(nodes.n), relationships: Number(rels.n), rows };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    adminKey = (await api.user(Role.ADMIN)).apiKey;
  });
  afterAll(async () => api.close());

  it(`answers ${REQUESTS} malformed requests and inputs with client errors and writes nothing`, async () => {
    const rng = new Rng(SEED);
    const before = await counts();
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      let body: string | Buffer;
      let type: string;
      let label: string;
      if (i % 3 === 0) {
        [body, type] = malformedRequest(rng);
        label = `malformed#${i}`;
      } else {
        const op = rng.int(0, OPERATIONS.length - 1);
        const [query, variables] = OPERATIONS[op](rng);
        body = JSON.stringify({ query, variables });
        type = 'application/json';
        label = `operation ${op}#${i}`;
      }
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      if (rng.chance(0.6)) headers.authorization = `Bearer ${adminKey}`;
      else if (rng.chance(0.2))
        headers.authorization =
          strangeString(rng)
            .replace(/[^\x20-\x7e]/g, '')
            .slice(0, 200) || 'x';
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      for (const m of text.matchAll(/"code":"([A-Z_]+)"/g)) codes.set(m[1], (codes.get(m[1]) ?? 0) + 1);
      if (res.status >= 500) failures.push(`${label}: HTTP ${res.status}`);
      if (text.includes('INTERNAL_SERVER_ERROR'))
        failures.push(`${label}: INTERNAL_SERVER_ERROR ${text.slice(0, 300)}`);
      if (/\bat [\w.<>]+ \(|\.ts:\d+|node_modules\//.test(text))
        failures.push(`${label}: stack trace ${text.slice(0, 300)}`);
    }
    const after = await counts();
    process.stdout.write(
      `fuzz seed ${SEED}: ${REQUESTS} requests; HTTP ${JSON.stringify(Object.fromEntries(statuses))}; codes ${JSON.stringify(Object.fromEntries(codes))}\n`,
    );
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  });
});
