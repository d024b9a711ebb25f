import { ANONYMOUS, Principal, Role } from '@maillage/auth';
import { parseEnv } from '@maillage/config';
import { Visibility } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import { actorVisibleTo, canSeeActor, listVisibilityParams } from './actor-visibility';

/** Real Neo4j (scripts/test.mjs starts a throwaway one and sets NEO4J_URI). */
const describeNeo4j = process.env.NEO4J_URI ? describe : describe.skip;

describeNeo4j('actor visibility: the Cypher fragment and canSeeActor agree', () => {
  const tag = `vis-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  let neo4j: Neo4jService;
  const actors = [
    { id: `${tag}-public`, visibility: Visibility.PUBLIC, managedBy: `${tag}-other` },
    { id: `${tag}-unset`, visibility: null, managedBy: null },
    { id: `${tag}-network`, visibility: Visibility.NETWORK, managedBy: `${tag}-other` },
    { id: `${tag}-private-managed`, visibility: Visibility.PRIVATE, managedBy: `${tag}-org` },
    { id: `${tag}-private-edited`, visibility: Visibility.PRIVATE, managedBy: `${tag}-other` },
    { id: `${tag}-private-other`, visibility: Visibility.PRIVATE, managedBy: `${tag}-other` },
    { id: `${tag}-private-unmanaged`, visibility: Visibility.PRIVATE, managedBy: null },
  ];
  const user = (role: Role, actorIds: string[] = []): Principal => ({
    kind: 'user',
    userId: `${tag}-user`,
    organisationId: `${tag}-org`,
    role,
    actorIds,
  });
  const principals: [string, Principal][] = [
    ['anonymous', ANONYMOUS],
    ['viewer', user(Role.VIEWER)],
    ['organiser', user(Role.ORGANISER)],
    ['editor', user(Role.ACTOR_EDITOR, [`${tag}-private-edited`])],
    ['admin', user(Role.ADMIN)],
  ];

  // Not :Actor nodes, so suites counting actors in parallel are not disturbed: the fragment reads
  // properties only.
  beforeAll(async () => {
    neo4j = new Neo4jService(parseEnv(process.env));
    await neo4j.write(
      `UNWIND $actors AS row
       CREATE (a:VisibilitySpec { id: row.id, tag: $tag })
       SET a.visibility = row.visibility, a.managedBy = row.managedBy`,
      { actors, tag },
    );
  });

  afterAll(async () => {
    await neo4j.write(`MATCH (a:VisibilitySpec { tag: $tag }) DETACH DELETE a`, { tag });
    await neo4j.onApplicationShutdown();
  });

  it.each(principals)('%s sees the same actors in Cypher and in TypeScript', async (_name, principal) => {
    const rows = await neo4j.read<{ id: string }>(
      `MATCH (a:VisibilitySpec { tag: $tag }) WHERE ${actorVisibleTo('a')} RETURN a.id AS id ORDER BY id`,
      { tag, ...listVisibilityParams(principal) },
    );
    const expected = actors
      .filter((a) => canSeeActor(principal, a))
      .map((a) => a.id)
      .sort();
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it('keeps the rule readable: who sees a PRIVATE actor', () => {
    const seen = (p: Principal) =>
      actors.filter((a) => canSeeActor(p, a)).map((a) => a.id.slice(tag.length + 1));
    expect(seen(principals[0][1])).toEqual(['public', 'unset']);
    expect(seen(principals[1][1])).toEqual(['public', 'unset', 'network', 'private-managed']);
    expect(seen(principals[3][1])).toEqual([
      'public',
      'unset',
      'network',
      'private-managed',
      'private-edited',
    ]);
    expect(seen(principals[4][1])).toHaveLength(actors.length);
  });

  it('refuses an alias that is not a Cypher variable name', () => {
    expect(() => actorVisibleTo('a) OR true OR (a')).toThrow('not a Cypher variable name');
  });
});
