import { actorVisibleTo } from '@maillage/actors';
import { actorInTerritory } from '@maillage/reference';
import { LIST_STAMP_PROPERTIES as STAMP, edgeV } from './complements-edge';

const E = edgeV('e');

/**
 * COMPLEMENTS edges: (a)-[:COMPLEMENTS]->(b) means b is in a's stored blended top-K or in its
 * top FORM_K for one alliance form; its layout (rank, form, v) and the list's stamp on `a` are in
 * complements-edge.ts (one place).
 */

/**
 * Replaces the whole outgoing set of each actor of $rows in one transaction, in place: edges to
 * partners no longer listed are deleted, edges to partners still listed keep their relationship and
 * get the new properties (SET =, so nothing of the old version stays), newcomers are created.
 * Creating and deleting relationships is what costs Neo4j (not their properties), and an edit or a
 * rebuild with an unchanged profile leaves most partners where they were. MERGE on two locked
 * endpoints never duplicates a pair under concurrent writers.
 */
export const REPLACE_EDGES = `
UNWIND $rows AS row
MATCH (a:Actor { id: row.id })
SET a.${STAMP.modelVersion} = $modelVersion, a.${STAMP.profileId} = $profileId,
  a.${STAMP.profileVersion} = $profileVersion, a.${STAMP.computedAt} = datetime($computedAt)
WITH a, row
CALL (a, row) {
  OPTIONAL MATCH (a)-[old:COMPLEMENTS]->(b:Actor)
  WITH b, collect(old) AS rels, [p IN row.partners | p.id] AS listed
  // (a pair stored twice keeps one edge: the MERGE below would otherwise update both)
  FOREACH (x IN CASE WHEN b.id IN listed THEN tail(rels) ELSE rels END | DELETE x)
}
CALL (a, row) {
  UNWIND row.partners AS p
  MATCH (b:Actor { id: p.id })
  MERGE (a)-[e:COMPLEMENTS]->(b)
  SET e = { rank: p.rank, form: p.form, v: p.v }
}
RETURN count(a) AS actors`;

/**
 * Migration of lists stored before the compact layout (one statement, auto-commit: 500 lists per
 * transaction): each edge's values packed into `v`, the list's stamp moved to its actor. Edges
 * missing a value (older still) keep no `v` and stay hidden until their list is rewritten.
 */
export const MIGRATE_EDGE_LAYOUT = `
MATCH (a:Actor) WHERE EXISTS { MATCH (a)-[old:COMPLEMENTS]->() WHERE old.v IS NULL }
CALL (a) {
  MATCH (a)-[e:COMPLEMENTS]->() WHERE e.v IS NULL
  WITH a, collect(e) AS es
  WITH a, es, head(es) AS s
  SET a.${STAMP.modelVersion} = coalesce(a.${STAMP.modelVersion}, s.modelVersion),
    a.${STAMP.profileId} = coalesce(a.${STAMP.profileId}, s.profileId),
    a.${STAMP.profileVersion} = coalesce(a.${STAMP.profileVersion}, s.profileVersion),
    a.${STAMP.computedAt} = coalesce(a.${STAMP.computedAt}, s.computedAt)
  WITH es
  UNWIND es AS e
  SET e = { rank: e.rank, form: e.form,
    v: [e.score, e.forward, e.backward] + coalesce(e.forms, [e.score, 0.0, 0.0, 0.0]) + e.components }
} IN TRANSACTIONS OF 500 ROWS
RETURN count(a) AS lists`;

/** For each of $ids, the actors whose stored list contains it (the lists it appears in). */
export const IN_NEIGHBOURS = `
UNWIND $ids AS id
MATCH (x:Actor)-[:COMPLEMENTS]->(:Actor { id: id })
RETURN id, collect(x.id) AS ins`;

/** The blended and per-form scores of each actor's stored edges (where a newcomer would rank). */
export const STORED_SCORES = `
UNWIND $ids AS id
MATCH (x:Actor { id: id })
OPTIONAL MATCH (x)-[e:COMPLEMENTS]->(:Actor)
RETURN id, collect(${E.score}) AS scores, collect(${E.forms}) AS forms`;

/**
 * Stored partners of one actor with optional filters, best first: by the blended score, or by one
 * form's score ($formSlot = index in FORM_ORDER). Alliances recorded after the scores were computed
 * are excluded at once when the profile excludes allied pairs.
 */
/**
 * `partners` in one indexed read: the actor's summary (the caller checks it may see it), its list's
 * stamp and its stored edges, filtered and ranked (blended or by one form). computedAt travels as
 * epoch milliseconds: decoding a driver DateTime cost more than the rest of a row. Edges of an
 * older layout (no `v`) rank null and are left out until MIGRATE_EDGE_LAYOUT or a rewrite of
 * their list.
 */
export const PARTNERS = `
MATCH (a:Actor { id: $actorId })
RETURN a { .id, .name, .kind, .family, .visibility, .managedBy } AS actor,
  { modelVersion: a.${STAMP.modelVersion}, profileId: a.${STAMP.profileId},
    profileVersion: a.${STAMP.profileVersion}, computedAtMs: a.${STAMP.computedAt}.epochMillis } AS stamp, COLLECT {
  MATCH (a)-[e:COMPLEMENTS]->(b:Actor)
  WITH e, b, CASE WHEN $formSlot IS NULL THEN ${E.score} ELSE ${E.form('$formSlot')} END AS ranked
  WHERE ranked > 0
    AND ($families IS NULL OR b.family IN $families)
    AND ($kinds IS NULL OR b.kind IN $kinds)
    AND ($sdg IS NULL OR EXISTS { MATCH (b)-[:SERVES]->(:Cause { sdg: $sdg }) })
    AND ($territory IS NULL OR ${actorInTerritory('b')})
    AND ($allianceForm IS NULL OR $allianceForm IN coalesce(b.allianceForms, []))
    AND NOT ($excludeAllied AND EXISTS { MATCH (a)-[r:ALLIED_WITH]-(b) WHERE r.until IS NULL })
    AND ${actorVisibleTo('b')}
  WITH e, b, ranked ORDER BY ranked DESC, b.id LIMIT $limit
  RETURN { partner: b { .id, .name, .kind, .family }, score: ranked, rank: e.rank,
    form: e.form, forms: ${E.forms}, forward: ${E.forward}, backward: ${E.backward},
    components: ${E.components} }
} AS partners`;

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
