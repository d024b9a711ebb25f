import { listVisibilityParams } from '@maillage/actors';
import { ANONYMOUS } from '@maillage/auth';
import { ComplementsRepository, EdgeRow, EdgeStamp, unfilteredPartnerQuery } from '@maillage/complementarity';
import { parseEnv } from '@maillage/config';
import { Neo4jService } from '@maillage/neo4j';

/**
 * The COMPLEMENTS writer on real Neo4j: a list rewritten keeps the relationships of the partners it
 * still holds (updated in place), drops the others and creates the newcomers; concurrent rewrites
 * of one list never leave a pair twice. The suite's actors have no territory, so no search or
 * count of another suite sees them (end-to-end suites run one at a time).
 */
describe('COMPLEMENTS edges rewritten in place (e2e, real Neo4j)', () => {
  const tag = `cw-${Date.now().toString(36)}`;
  const id = (x: string) => `${tag}-${x}`;
  let neo4j: Neo4jService;
  let edges: ComplementsRepository;

  const partner = (x: string, rank: number, score: number) => ({
    id: id(x),
    rank,
    score,
    form: 'RESOURCES',
    forms: [score, 0, 0, 0],
    forward: score,
    backward: score / 2,
    components: [score, 0.1, 0.2, 0, 0, 0, 0, 0],
  });
  const stamp = (at: string, profileVersion = 1): EdgeStamp => ({
    modelVersion: 'spec',
    profileId: 'default',
    profileVersion,
    computedAt: new Date(at),
  });
  const row = (from: string, partners: ReturnType<typeof partner>[]) =>
    ({ id: id(from), partners }) as unknown as EdgeRow;

  /** a's stored edges: partner, relationship id and every property. */
  const stored = async (from: string) =>
    neo4j.read<{ b: string; rel: string; props: Record<string, unknown> }>(
      `MATCH (:Actor { id: $a })-[e:COMPLEMENTS]->(b:Actor)
       RETURN b.id AS b, elementId(e) AS rel, properties(e) AS props ORDER BY b.id`,
      { a: id(from) },
    );

  /** the stamp of a's list, kept on a (the edges carry rank, form and v only) */
  const stampOf = async (from: string) =>
    (
      await neo4j.read<{ stamp: Record<string, unknown> }>(
        `MATCH (a:Actor { id: $a }) RETURN { modelVersion: a.partnersModelVersion,
           profileVersion: a.partnersProfileVersion, computedAt: a.partnersComputedAt } AS stamp`,
        { a: id(from) },
      )
    )[0].stamp;

  beforeAll(async () => {
    neo4j = new Neo4jService(parseEnv(process.env));
    edges = new ComplementsRepository(neo4j);
    await neo4j.write(`UNWIND $ids AS x CREATE (:Actor { id: x })`, {
      ids: ['a', 'b', 'c', 'd', 'e'].map(id),
    });
  });

  afterAll(async () => {
    await neo4j.write(`MATCH (a:Actor) WHERE a.id STARTS WITH $tag DETACH DELETE a`, { tag: `${tag}-` });
    await neo4j.onApplicationShutdown();
  });

  it('keeps the partners still listed in place with their new values, drops the others, adds newcomers', async () => {
    await edges.replace(
      [row('a', [partner('b', 1, 0.9), partner('c', 2, 0.8), partner('d', 3, 0.7)])],
      stamp('2026-01-01T10:00:00Z'),
    );
    const first = await stored('a');
    expect(first.map((r) => r.b)).toEqual(['b', 'c', 'd'].map(id));
    // a property of the old version that the new one does not set must not survive
    await neo4j.write(`MATCH (:Actor { id: $a })-[e:COMPLEMENTS]->(:Actor { id: $c }) SET e.stale = true`, {
      a: id('a'),
      c: id('c'),
    });

    const written = await edges.replace(
      [row('a', [partner('d', 1, 0.95), partner('c', 2, 0.6), partner('e', 3, 0.5)])],
      stamp('2026-01-02T10:00:00Z', 2),
    );
    expect(written).toBe(3);
    const second = await stored('a');
    expect(second.map((r) => r.b)).toEqual(['c', 'd', 'e'].map(id));
    const relOf = (rows: typeof first, x: string) => rows.find((r) => r.b === id(x))!.rel;
    expect(relOf(second, 'c')).toBe(relOf(first, 'c'));
    expect(relOf(second, 'd')).toBe(relOf(first, 'd'));
    const c = second.find((r) => r.b === id('c'))!.props;
    // v = [score, forward, backward, four form scores, eight components]
    expect(c).toEqual({
      rank: 2,
      form: 'RESOURCES',
      v: [0.6, 0.6, 0.3, 0.6, 0, 0, 0, 0.6, 0.1, 0.2, 0, 0, 0, 0, 0],
    });
    expect(await stampOf('a')).toEqual({
      modelVersion: 'spec',
      profileVersion: 2,
      computedAt: new Date('2026-01-02T10:00:00Z'),
    });
    const d = second.find((r) => r.b === id('d'))!.props;
    expect([d.rank, (d.v as number[])[0]]).toEqual([1, 0.95]);
  });

  /** a's stored partners as `partners` reads them (blended ranking, anonymous caller) */
  const readBack = async (from: string) =>
    (
      await edges.partners(unfilteredPartnerQuery(id(from), 20, listVisibilityParams(ANONYMOUS)))
    ).partners.map((p) => ({ ...p, partner: p.partner.id }));

  it('reads every stored value back in its place, with the stamp of its list', async () => {
    const values = {
      id: id('b'),
      rank: 1,
      score: 0.91,
      form: 'RESOURCES',
      forms: [0.91, 0.52, 0.13, 0.07],
      forward: 0.37,
      backward: 0.29,
      components: [0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, -0.18],
    };
    await edges.replace([row('e', [values])], stamp('2026-05-01T10:00:00Z', 3));
    const { id: partner, ...rest } = values;
    expect(await readBack('e')).toEqual([
      {
        ...rest,
        partner,
        modelVersion: 'spec',
        profileId: 'default',
        profileVersion: 3,
        computedAt: new Date('2026-05-01T10:00:00Z'),
      },
    ]);
  });

  it('hides a list stored in the previous layout until the seed migration rewrites it, values and stamp kept', async () => {
    await edges.replace([row('d', [])], stamp('2026-05-01T10:00:00Z')); // d starts with no list
    await neo4j.write(
      `MATCH (d:Actor { id: $d }), (c:Actor { id: $c })
       CREATE (d)-[:COMPLEMENTS { score: 0.8, form: 'POOLING', forms: [0.2, 0.1, 0.8, 0.0], rank: 1,
         forward: 0.4, backward: 0.6, components: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.0],
         modelVersion: 'old', profileId: 'default', profileVersion: 7,
         computedAt: datetime('2026-04-01T10:00:00Z') }]->(c)
       REMOVE d.partnersModelVersion, d.partnersProfileId, d.partnersProfileVersion, d.partnersComputedAt`,
      { d: id('d'), c: id('c') },
    );
    expect(await readBack('d')).toEqual([]);
    expect(await edges.migrateLayout()).toBeGreaterThanOrEqual(1);
    const migrated = await readBack('d');
    expect(migrated).toEqual([
      {
        partner: id('c'),
        rank: 1,
        score: 0.8,
        form: 'POOLING',
        forms: [0.2, 0.1, 0.8, 0.0],
        forward: 0.4,
        backward: 0.6,
        components: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.0],
        modelVersion: 'old',
        profileId: 'default',
        profileVersion: 7,
        computedAt: new Date('2026-04-01T10:00:00Z'),
      },
    ]);
    await edges.migrateLayout(); // again: nothing changes
    expect(await readBack('d')).toEqual(migrated);
    await edges.replace([row('d', [])], stamp('2026-05-01T10:00:00Z'));
  });

  it('leaves each pair once when the same list is rewritten concurrently or was stored twice, and empties a list rewritten empty', async () => {
    const partners = [partner('a', 1, 0.9), partner('c', 2, 0.8), partner('d', 3, 0.7), partner('e', 4, 0.6)];
    await Promise.all(
      [1, 2, 3, 4].map((k) => edges.replace([row('b', partners)], stamp(`2026-02-0${k}T10:00:00Z`))),
    );
    const rows = await stored('b');
    expect(rows.map((r) => r.b)).toEqual(['a', 'c', 'd', 'e'].map(id));

    // a pair stored twice (as racing delete-and-create writers could leave it) is stored once again
    await neo4j.write(
      `MATCH (b:Actor { id: $b }), (c:Actor { id: $c }) CREATE (b)-[:COMPLEMENTS { score: 0.1 }]->(c)`,
      { b: id('b'), c: id('c') },
    );
    expect((await stored('b')).map((r) => r.b)).toEqual(['a', 'c', 'c', 'd', 'e'].map(id));
    await edges.replace([row('b', partners)], stamp('2026-02-05T10:00:00Z'));
    const once = await stored('b');
    expect(once.map((r) => r.b)).toEqual(['a', 'c', 'd', 'e'].map(id));
    expect(once.find((r) => r.b === id('c'))!.props).toMatchObject({ rank: 2 });
    expect((once.find((r) => r.b === id('c'))!.props.v as number[])[0]).toBe(0.8);

    await edges.replace([row('b', [])], stamp('2026-03-01T10:00:00Z'));
    expect(await stored('b')).toEqual([]);
  });

  it('lands every list when two worker processes rewrite lists sharing partners at once, in opposite orders', async () => {
    // two repositories: two processes' writers (each process writes one batch at a time; a batch
    // Neo4j aborts as a deadlock is written again, see complements.repository.spec.ts)
    const mine = new ComplementsRepository(neo4j);
    const other = new ComplementsRepository(neo4j);
    const names = Array.from({ length: 80 }, (_, i) => `m${i}`);
    await neo4j.write(`UNWIND $ids AS x CREATE (:Actor { id: x })`, { ids: names.map(id) });
    // each round every list gains or drops the same six hubs (dense nodes: deleting their edges
    // takes the lock of their relationship groups) beside four neighbours
    const listsOf = (round: number) =>
      names.map((n, i) =>
        row(n, [
          ...(round % 2 ? [] : [0, 1, 2, 3, 4, 5])
            .filter((h) => h !== i)
            .map((h, r) => partner(names[h], r + 1, 0.9 - r / 100)),
          ...[1, 2, 3, 4]
            .map((d) => 6 + ((i + 11 * d + round) % (names.length - 6)))
            .filter((j) => j !== i)
            .map((j, r) => partner(names[j], 7 + r, 0.5 - r / 100)),
        ]),
      );
    let lists: EdgeRow[] = [];
    for (let round = 0; round < 6; round++) {
      lists = listsOf(round);
      await Promise.all([
        mine.replace(lists, stamp('2026-04-01T10:00:00Z')),
        other.replace([...lists].reverse(), stamp('2026-04-01T10:00:00Z')),
      ]);
    }
    const counts = await neo4j.read<{ a: string; n: number }>(
      `UNWIND $ids AS x MATCH (:Actor { id: x })-[e:COMPLEMENTS]->() RETURN x AS a, count(e) AS n`,
      { ids: names.map(id) },
    );
    expect(counts.filter((c) => c.n !== lists.find((l) => l.id === c.a)!.partners.length)).toEqual([]);
    expect(counts).toHaveLength(names.length);
  });
});
