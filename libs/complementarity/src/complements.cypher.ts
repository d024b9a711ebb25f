import { actorVisibleTo } from '@maillage/actors';
import { actorInTerritory } from '@maillage/reference';

/**
 * COMPLEMENTS edges: (a)-[:COMPLEMENTS]->(b) means b is in a's stored top-K. Edges are lean (2 M of
 * them per 100k actors): score, rank and `parts` = [forward, backward, contributions in
 * COMPONENT_NAMES order (fixed by modelVersion)]. What the whole list was computed with (model,
 * profile, time) is stored once on the source actor (complementsModelVersion, …).
 */

/** Replaces the whole outgoing set of each actor of $rows in one transaction (delete + create). */
export const REPLACE_EDGES = `
UNWIND $rows AS row
MATCH (a:Actor { id: row.id })
SET a.complementsModelVersion = $modelVersion, a.complementsProfileId = $profileId,
  a.complementsProfileVersion = $profileVersion, a.complementsComputedAt = datetime($computedAt)
WITH a, row
CALL (a) {
  OPTIONAL MATCH (a)-[old:COMPLEMENTS]->()
  DELETE old
}
CALL (a, row) {
  UNWIND row.partners AS p
  MATCH (b:Actor { id: p.id })
  CREATE (a)-[:COMPLEMENTS { score: p.score, rank: p.rank, parts: p.parts }]->(b)
}
RETURN count(a) AS actors`;

/** Actors whose stored list contains $id (the lists it appears in). */
export const IN_NEIGHBOURS = `
MATCH (x:Actor)-[:COMPLEMENTS]->(:Actor { id: $id })
RETURN x.id AS id`;

/**
 * Stored partners of one actor with optional filters, best first. Alliances recorded after the
 * scores were computed are excluded at once when the profile excludes allied pairs.
 */
export const PARTNERS = `
MATCH (a:Actor { id: $actorId })-[e:COMPLEMENTS]->(b:Actor)
WHERE ($families IS NULL OR b.family IN $families)
  AND ($kinds IS NULL OR b.kind IN $kinds)
  AND ($sdg IS NULL OR EXISTS { MATCH (b)-[:SERVES]->(:Cause { sdg: $sdg }) })
  AND ($territory IS NULL OR ${actorInTerritory('b')})
  AND ($allianceForm IS NULL OR $allianceForm IN coalesce(b.allianceForms, []))
  AND NOT ($excludeAllied AND EXISTS { MATCH (a)-[r:ALLIED_WITH]-(b) WHERE r.until IS NULL })
  AND ${actorVisibleTo('b')}
RETURN b { .id, .name, .kind, .family } AS partner, e.score AS score, e.rank AS rank, e.parts AS parts,
  a.complementsModelVersion AS modelVersion, a.complementsProfileId AS profileId,
  a.complementsProfileVersion AS profileVersion, a.complementsComputedAt AS computedAt
ORDER BY score DESC, partner.id
LIMIT $limit`;

/** Triangles of stored edges through one actor whose three families are peer, private and public. */
export const TRIADS_OF_ACTOR = `
MATCH (me:Actor { id: $actorId })-[:COMPLEMENTS]-(x:Actor)-[:COMPLEMENTS]-(y:Actor)-[:COMPLEMENTS]-(me)
WHERE x.id < y.id AND x <> me AND y <> me
WITH DISTINCT me, x, y
WITH [me, x, y] AS trio
WHERE size([n IN trio WHERE n.family = 'PEER']) = 1
  AND size([n IN trio WHERE n.family = 'PRIVATE']) = 1
  AND size([n IN trio WHERE n.family = 'PUBLIC']) = 1
RETURN [n IN trio WHERE n.family = 'PEER'][0].id AS association,
       [n IN trio WHERE n.family = 'PRIVATE'][0].id AS company,
       [n IN trio WHERE n.family = 'PUBLIC'][0].id AS publicActor
LIMIT $cap`;

/** Triangles of stored edges among the actors of a territory. */
export const TRIADS_IN_TERRITORY = `
MATCH (x:Actor { family: 'PEER' })
WHERE ${actorInTerritory('x')}
MATCH (x)-[:COMPLEMENTS]-(y:Actor { family: 'PRIVATE' })-[:COMPLEMENTS]-(z:Actor { family: 'PUBLIC' })-[:COMPLEMENTS]-(x)
WHERE ${actorInTerritory('y')}
  AND ${actorInTerritory('z')}
RETURN DISTINCT x.id AS association, y.id AS company, z.id AS publicActor
LIMIT $cap`;

export const ACTOR_SUMMARIES = `
UNWIND $ids AS id
MATCH (a:Actor { id: id })
RETURN a { .id, .name, .kind, .family, .visibility, .managedBy } AS actor`;
