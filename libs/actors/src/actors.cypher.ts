import { actorInTerritory } from '@maillage/reference';
import { actorVisibleTo } from './actor-visibility';

/**
 * Cypher for actors, parameterised only. The projection fetches an actor with everything the
 * GraphQL type exposes in one round trip (pattern comprehensions), so lists never go N+1.
 * Partners and network heads carry their visibility and manager: toActorModel leaves out those
 * the caller may not see (canSeeActor), so writes still keep them.
 */
export const ACTOR_PROJECTION = `a {
  .id, .externalId, .name, .kind, .family, .siren, .rna, .description, .sizeBand, .visibility,
  .managedBy, .createdAt, .updatedAt,
  allianceForms: coalesce(a.allianceForms, []),
  location: head([(a)-[:LOCATED_IN]->(t:Territory) | t { .code, .name, .level }]),
  actsIn: [(a)-[:ACTS_IN]->(t:Territory) | t { .code, .name, .level }],
  offers: [(a)-[o:OFFERS]->(c:Competence) | { competence: c { .id, .label }, modality: o.modality, level: o.level }],
  needs: [(a)-[n:NEEDS]->(c:Competence) | { competence: c { .id, .label }, priority: n.priority }],
  causes: [(a)-[:SERVES]->(s:Cause) | s { .sdg, .label }],
  alliances: [(a)-[r:ALLIED_WITH]-(p:Actor) | {
    partner: p { .id, .name, .kind, .family, .visibility, .managedBy }, form: r.form, since: r.since, until: r.until,
    active: r.until IS NULL, source: coalesce(r.source, 'manual') }],
  memberOf: [(a)-[:MEMBER_OF]->(h:Actor) | h { .id, .name, .kind, .family, .visibility, .managedBy }],
  contact: head([(a)-[:HAS_CONTACT]->(p:ContactPerson) | p { .name, .email, .phone }])
}`;

/** Replaces the whole profile of an actor from $actor (an ActorWrite); safe to run twice. */
export const UPSERT_ACTOR = `
MERGE (a:Actor { id: $actor.id })
ON CREATE SET a.createdAt = datetime()
SET a.name = $actor.name, a.searchName = $actor.searchName, a.kind = $actor.kind, a.family = $actor.family,
    a.externalId = $actor.externalId, a.siren = $actor.siren, a.rna = $actor.rna,
    a.description = $actor.description, a.sizeBand = $actor.sizeBand, a.visibility = $actor.visibility,
    a.allianceForms = $actor.allianceForms, a.managedBy = $actor.managedBy, a.updatedAt = datetime(),
    a.rev = coalesce(a.rev, 0) + 1
WITH a
// Only the links that changed are deleted (MERGE keeps the others): deleting and recreating every
// link locked the shared Competence, Cause and Territory nodes on each edit, and concurrent edits
// and the worker's edge rewrites deadlocked (bench:soak: 40 % of edits under 32 clients).
CALL (a) {
  OPTIONAL MATCH (a)-[r:LOCATED_IN]->(t)
  WITH r, t WHERE r IS NOT NULL AND ($actor.communeCode IS NULL OR t.code <> $actor.communeCode)
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:ACTS_IN]->(t)
  WITH r, t WHERE r IS NOT NULL AND NOT t.code IN $actor.actsIn
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:OFFERS]->(c)
  WITH r, c WHERE r IS NOT NULL
    AND NOT { c: c.id, m: r.modality } IN [o IN $actor.offers | { c: o.competenceId, m: o.modality }]
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:NEEDS]->(c)
  WITH r, c WHERE r IS NOT NULL AND NOT c.id IN [n IN $actor.needs | n.competenceId]
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:SERVES]->(s)
  WITH r, s WHERE r IS NOT NULL AND NOT s.sdg IN $actor.causes
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:MEMBER_OF]->(h)
  WITH r, h WHERE r IS NOT NULL AND NOT h.id IN $actor.memberOf
  DELETE r
}
CALL (a) {
  OPTIONAL MATCH (t:Territory { code: $actor.communeCode })
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (a)-[:LOCATED_IN]->(t))
}
CALL (a) {
  UNWIND $actor.actsIn AS code
  MATCH (t:Territory { code: code })
  MERGE (a)-[:ACTS_IN]->(t)
}
CALL (a) {
  UNWIND $actor.offers AS offer
  MATCH (c:Competence { id: offer.competenceId })
  MERGE (a)-[o:OFFERS { modality: offer.modality }]->(c)
  WITH o, offer WHERE o.level IS NULL OR o.level <> offer.level
  SET o.level = offer.level
}
CALL (a) {
  UNWIND $actor.needs AS need
  MATCH (c:Competence { id: need.competenceId })
  MERGE (a)-[n:NEEDS]->(c)
  WITH n, need WHERE n.priority IS NULL OR n.priority <> need.priority
  SET n.priority = need.priority
}
CALL (a) {
  UNWIND $actor.causes AS sdg
  MATCH (s:Cause { sdg: sdg })
  MERGE (a)-[:SERVES]->(s)
}
CALL (a) {
  UNWIND $actor.memberOf AS headId
  MATCH (h:Actor { id: headId })
  MERGE (a)-[:MEMBER_OF]->(h)
}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_CONTACT]->(old:ContactPerson)
  DETACH DELETE old
}
CALL (a) {
  WITH a WHERE $actor.contact IS NOT NULL
  CREATE (a)-[:HAS_CONTACT]->(:ContactPerson { name: $actor.contact.name, email: $actor.contact.email, phone: $actor.contact.phone })
}
RETURN a.id AS id`;

export const FIND_MISSING_REFERENCES = `
RETURN
  [code IN $territories WHERE NOT EXISTS { MATCH (:Territory { code: code }) }] AS territories,
  [id IN $competences WHERE NOT EXISTS { MATCH (:Competence { id: id }) }] AS competences,
  [id IN $actors WHERE NOT EXISTS { MATCH (:Actor { id: id }) }] AS actors`;

export const FIND_CONFLICTS = `
OPTIONAL MATCH (s:Actor) WHERE $siren IS NOT NULL AND s.siren = $siren AND s.id <> $id
OPTIONAL MATCH (r:Actor) WHERE $rna IS NOT NULL AND r.rna = $rna AND r.id <> $id
OPTIONAL MATCH (e:Actor) WHERE $externalId IS NOT NULL AND e.externalId = $externalId AND e.id <> $id
RETURN s.id AS siren, r.id AS rna, e.id AS externalId`;

/**
 * One static, parameterised list query: absent filters are null. Visibility: see actorVisibleTo.
 */
export const LIST_ACTORS = `
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($families IS NULL OR a.family IN $families)
  AND ($search IS NULL OR a.searchName CONTAINS $search)
  AND ($sdg IS NULL OR EXISTS { MATCH (a)-[:SERVES]->(:Cause { sdg: $sdg }) })
  AND ($territory IS NULL OR ${actorInTerritory('a')})
  AND ($offers IS NULL OR EXISTS { MATCH (a)-[:OFFERS]->(:Competence)-[:SUBCATEGORY_OF*0..3]->(:Competence { id: $offers }) })
  AND ($needs IS NULL OR EXISTS { MATCH (a)-[:NEEDS]->(:Competence)-[:SUBCATEGORY_OF*0..3]->(:Competence { id: $needs }) })
  AND ($afterName IS NULL OR a.searchName > $afterName OR (a.searchName = $afterName AND a.id > $afterId))
  AND ${actorVisibleTo('a')}
WITH a ORDER BY a.searchName, a.id LIMIT $limit
RETURN ${ACTOR_PROJECTION} AS actor, a.searchName AS sortKey`;

export const GET_ACTORS = `
UNWIND $ids AS id
MATCH (a:Actor { id: id })
RETURN ${ACTOR_PROJECTION} AS actor`;

export const DELETE_ACTOR = `
MATCH (a:Actor { id: $id })
OPTIONAL MATCH (a)-[:HAS_CONTACT]->(c:ContactPerson)
DETACH DELETE c, a
RETURN count(*) AS deleted`;

/** Alliances are stored once per pair and form, from the smaller id to the larger one. */
export const RECORD_ALLIANCE = `
MATCH (x:Actor { id: $from }), (y:Actor { id: $to })
MERGE (x)-[r:ALLIED_WITH { form: $form }]->(y)
ON CREATE SET r.since = date($since), r.source = $source, r.createdAt = datetime()
// A fact replayed from the outbox never revives an alliance ended on or after its date.
SET r.until = CASE WHEN $keepEnded AND r.until >= date($since) THEN r.until ELSE null END
RETURN r.since AS since`;

export const END_ALLIANCE = `
MATCH (:Actor { id: $from })-[r:ALLIED_WITH { form: $form }]->(:Actor { id: $to })
SET r.until = date($until)
RETURN count(r) AS ended`;

/** Just enough to check visibility and name an actor (hot paths such as partners). */
export const GET_ACTOR_SUMMARY = `
MATCH (a:Actor { id: $id })
RETURN a { .id, .name, .kind, .family, .visibility, .managedBy } AS actor`;

/** claimActor: the organisation takes over an actor managed by nobody (no row when it is managed). */
export const CLAIM_ACTOR = `
MATCH (a:Actor { id: $id }) WHERE a.managedBy IS NULL
SET a.managedBy = $organisationId, a.updatedAt = datetime(), a.rev = coalesce(a.rev, 0) + 1
RETURN a.id AS id`;
