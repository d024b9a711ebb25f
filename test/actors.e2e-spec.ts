import { Role } from '@maillage/auth';
import { sirenFromBody } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder } from '@maillage/reference';
import { TestApi } from './support/api';

const ACTOR_FIELDS = `id name kind family siren rna location { code name level } actsIn { code }
  offers { competence { id label } modality level } needs { competence { id } priority } causes { sdg label }
  alliances { partner { id } form active } contact { name email }`;

const CREATE = `mutation($input: CreateActorInput!) { createActor(input: $input) { ${ACTOR_FIELDS} } }`;

/** A valid SIREN (Luhn check digit) that no other run of this suite uses. */
function uniqueSiren(seed: number): string {
  return sirenFromBody(String(10000000 + (seed % 89999999)));
}

describe('actor graph through GraphQL (e2e)', () => {
  let api: TestApi;
  let admin: { apiKey: string; organisationId: string };
  let competences: string[];

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.user(Role.ADMIN);
    const res = await api.gql<{ competences: { id: string; parentId: string | null }[] }>(
      '{ competences { id parentId } }',
    );
    competences = res.data!.competences.filter((c) => c.parentId).map((c) => c.id);
  });
  afterAll(async () => api.close());

  it('creates an actor with its profile and reads it back, family derived from kind', async () => {
    const res = await api.gql<{ createActor: Record<string, unknown> }>(
      CREATE,
      {
        input: {
          name: 'Les Jardins du Drac',
          kind: 'ASSOCIATION',
          rna: 'W381000001',
          communeCode: '38185',
          actsIn: ['200040715'],
          offers: [{ competenceId: competences[0], modality: 'SKILLS', level: 3 }],
          needs: [{ competenceId: competences[1], priority: 3 }],
          causes: [2, 11],
          contact: { name: 'Camille Martin', email: 'camille@example.org' },
        },
      },
      admin.apiKey,
    );
    expect(res.errors).toBeUndefined();
    const actor = res.data!.createActor as {
      id: string;
      family: string;
      location: { name: string };
      causes: { sdg: number }[];
    };
    expect(actor.family).toBe('PEER');
    expect(actor.location.name).toBe('Grenoble');
    expect(actor.causes.map((c) => c.sdg).sort()).toEqual([11, 2]);

    const anonymous = await api.gql<{ actor: { name: string; contact: unknown } }>(
      `{ actor(id: "${actor.id}") { name contact { name } } }`,
    );
    expect(anonymous.data?.actor).toEqual({ name: 'Les Jardins du Drac', contact: null });
  });

  it('refuses an unknown competence and writes nothing', async () => {
    const name = `Ghost ${Date.now()}`;
    const res = await api.gql(
      CREATE,
      {
        input: {
          name,
          kind: 'COMPANY',
          offers: [
            { competenceId: competences[0], modality: 'FUNDING' },
            { competenceId: 'no.such.thing', modality: 'FUNDING' },
          ],
        },
      },
      admin.apiKey,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'offers', 1, 'competenceId'],
      reason: 'unknown_competence',
    });
    const list = await api.gql<{ actors: { edges: unknown[] } }>(
      `query($s: String) { actors(filter: { search: $s }) { edges { cursor } } }`,
      { s: name },
    );
    expect(list.data?.actors.edges).toHaveLength(0);
  });

  it('refuses a malformed SIREN with its field path', async () => {
    const res = await api.gql(
      CREATE,
      { input: { name: 'Acme', kind: 'COMPANY', siren: '123456789' } },
      admin.apiKey,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'siren'],
      reason: 'isSiren',
    });
  });

  it('never creates two actors for one SIREN, even concurrently', async () => {
    const siren = uniqueSiren(Date.now() % 10_000_000);
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        api.gql(CREATE, { input: { name: `Concurrent ${i}`, kind: 'COMPANY', siren } }, admin.apiKey),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('filters by territory including everything inside it, and paginates with a cursor', async () => {
    const tag = `Pag${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      const r = await api.gql(
        CREATE,
        { input: { name: `${tag} ${i}`, kind: 'COMPANY', communeCode: '38185' } },
        admin.apiKey,
      );
      expect(r.errors).toBeUndefined();
    }
    await api.gql(
      CREATE,
      { input: { name: `${tag} lyon`, kind: 'COMPANY', communeCode: '69123' } },
      admin.apiKey,
    );
    const q = `query($f: ActorFilter, $after: String) { actors(filter: $f, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: {
        data?: {
          actors: {
            edges: { node: { name: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      } = await api.gql(q, { f: { search: tag, territory: '38' }, after });
      names.push(...res.data!.actors.edges.map((e) => e.node.name));
      if (!res.data!.actors.pageInfo.hasNextPage) break;
      after = res.data!.actors.pageInfo.endCursor;
    }
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} ${i}`));
  });

  it('"saint martin" finds the actor Saint-Martin and the territory; the search-names step rewrites old names', async () => {
    const created = await api.gql<{ createActor: { id: string } }>(
      CREATE,
      { input: { name: 'Saint-Martin', kind: 'ASSOCIATION', communeCode: '38421' } },
      admin.apiKey,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createActor.id;
    const found = async () => {
      const res = await api.gql<{ actors: { edges: { node: { id: string; name: string } }[] } }>(
        `query($s: String) { actors(filter: { search: $s }, first: 100) { edges { node { id name } } } }`,
        { s: 'saint martin' },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.actors.edges.map((e) => e.node.id).includes(id);
    };
    expect(await found()).toBe(true);
    const territories = await api.gql<{ territories: { code: string; name: string }[] }>(
      `{ territories(namePrefix: "saint martin", first: 50) { code name } }`,
    );
    expect(territories.data!.territories).toContainEqual({ code: '38421', name: "Saint-Martin-d'Hères" });

    // A name stored by the former actor normaliser (punctuation kept) is not found…
    const neo4j = api.app.get(Neo4jService);
    await neo4j.write(`MATCH (a:Actor { id: $id }) SET a.searchName = 'saint-martin'`, { id });
    expect(await found()).toBe(false);
    // …until the versioned seed step rewrites stored search names (what `cli seed` runs once).
    const step = await new ReferenceSeeder(neo4j).seedSearchNames({ force: true });
    expect(step).toMatchObject({ name: 'search-names', skipped: false });
    expect(step.counts.actors).toBeGreaterThanOrEqual(1);
    expect(await found()).toBe(true);
    const again = await new ReferenceSeeder(neo4j).seedSearchNames();
    expect(again.skipped).toBe(true);
  });

  it('rejects a forged cursor and an oversized page', async () => {
    const bad = await api.gql(`{ actors(after: "zzz") { edges { cursor } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalid_cursor' });
    const big = await api.gql(`{ actors(first: 1000) { edges { cursor } } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'page_size' });
  });
});
