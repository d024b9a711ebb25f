import { actorVisibleTo } from '@maillage/actors';
import { actorInTerritory } from '@maillage/reference';

/**
 * Cypher reading what the scoring needs. Location keys come from the territory's own codes
 * (communes carry epciCode/departementCode/regionCode), falling back to PART_OF for coarser
 * locations. Acted-in territories are returned as recorded, without their ancestors: the scoring
 * library already reads a level's extent (an EPCI's or a région's départements for blocking, the
 * location's own four levels for proximity). Adding every ancestor made an actor acting in one
 * commune act in its whole région, so its candidates spanned the région's départements (the search
 * walked 18× more postings than on the same actors in memory) and its lists were not those of the
 * model the benches evaluate.
 */
const SCORING_PROJECTION = `
OPTIONAL MATCH (a)-[:LOCATED_IN]->(l:Territory)
WITH a, head(collect(l)) AS l
RETURN a.id AS id, a.kind AS kind, a.family AS family, a.sizeBand AS sizeBand,
  coalesce(a.allianceForms, []) AS allianceForms,
  [(a)-[o:OFFERS]->(c:Competence) | { competenceId: c.id, modality: o.modality, level: o.level }] AS offers,
  [(a)-[n:NEEDS]->(c:Competence) | { competenceId: c.id, priority: n.priority }] AS needs,
  [(a)-[:SERVES]->(s:Cause) | s.sdg] AS causes,
  CASE WHEN l IS NULL THEN null ELSE {
    commune: CASE WHEN l.level = 'COMMUNE' THEN l.code END,
    epci: CASE WHEN l.level = 'EPCI' THEN l.code ELSE l.epciCode END,
    departement: CASE WHEN l.level = 'DEPARTEMENT' THEN l.code
      ELSE coalesce(l.departementCode, head([(l)-[:PART_OF*1..2]->(d:Territory { level: 'DEPARTEMENT' }) | d.code])) END,
    region: CASE WHEN l.level = 'REGION' THEN l.code
      ELSE coalesce(l.regionCode, head([(l)-[:PART_OF*1..3]->(r:Territory { level: 'REGION' }) | r.code])) END
  } END AS location,
  [(a)-[:ACTS_IN]->(t:Territory) | { level: t.level, code: t.code }] AS actsIn`;

/** In id order: the candidate index (and its ties) must not depend on Neo4j's storage order. */
export const LOAD_ALL_ACTORS = `
MATCH (a:Actor)
WITH a ORDER BY a.id
${SCORING_PROJECTION}`;

export const LOAD_ACTORS_BY_ID = `
UNWIND $ids AS id
MATCH (a:Actor { id: id })
${SCORING_PROJECTION}`;

/** Candidates of a family acting or located in a territory (or anywhere when $territory is null). */
export const LOAD_ACTORS_IN_TERRITORY = `
MATCH (a:Actor)
WHERE a.family IN $families
  AND ($territory IS NULL OR ${actorInTerritory('a')})
  AND ${actorVisibleTo('a')}
WITH a ORDER BY a.id LIMIT $limit
${SCORING_PROJECTION}`;

/** Active alliances (until IS NULL), one row per pair. */
/** Actors written (created or edited) at or after $since (ms since the epoch). */
export const ACTORS_CHANGED_SINCE = `
MATCH (a:Actor) WHERE a.updatedAt >= datetime({ epochMillis: $since })
RETURN a.id AS id, a.updatedAt.epochMillis AS writtenAt, coalesce(a.rev, 0) AS rev`;

export const LOAD_ALLIANCES = `
MATCH (x:Actor)-[r:ALLIED_WITH]->(y:Actor)
WHERE r.until IS NULL
RETURN DISTINCT x.id AS a, y.id AS b`;

/** Active alliances touching some actors: enough for isAllied and commonPartners among them. */
export const LOAD_ALLIANCES_OF = `
UNWIND $ids AS id
MATCH (x:Actor { id: id })-[r:ALLIED_WITH]-(y:Actor)
WHERE r.until IS NULL
RETURN DISTINCT x.id AS a, y.id AS b`;

/** Network memberships (member → network head): all, or those of some members. */
export const LOAD_MEMBERSHIPS = `
MATCH (m:Actor)-[:MEMBER_OF]->(h:Actor)
WHERE $ids IS NULL OR m.id IN $ids
RETURN DISTINCT m.id AS a, h.id AS b`;
/** The same, for a caller: alliances whose partner it may not see do not count (common partners). */
export const LOAD_VISIBLE_ALLIANCES_OF = `
UNWIND $ids AS id
MATCH (x:Actor { id: id })-[r:ALLIED_WITH]-(y:Actor)
WHERE r.until IS NULL AND ${actorVisibleTo('y')}
RETURN DISTINCT x.id AS a, y.id AS b`;

export const LOAD_TAXONOMY = `
MATCH (c:Competence)
RETURN c.id AS id, coalesce(c.label, c.id) AS label,
  head(COLLECT { MATCH (c)-[:SUBCATEGORY_OF]->(p:Competence) RETURN p.id }) AS parentId,
  coalesce(c.substitutes, []) AS substitutes, coalesce(c.poolable, false) AS poolable,
  coalesce(c.field, false) AS field, coalesce(c.advocacy, false) AS advocacy,
  coalesce(c.gift, false) AS gift`;

/** How many actors offer each competence (rarity), and the population size. */
export const LOAD_OFFER_COUNTS = `
CALL () { MATCH (a:Actor) RETURN count(a) AS population }
OPTIONAL MATCH (c:Competence)<-[:OFFERS]-(a:Actor)
WITH population, c.id AS competenceId, count(DISTINCT a) AS offerers
RETURN population, collect({ competenceId: competenceId, offerers: offerers }) AS counts`;

/** Actor ids of a rebuild scope, sorted (located or acting in the territory, or all). */
export const SCOPE_ACTOR_IDS = `
MATCH (a:Actor)
WHERE $territory IS NULL OR ${actorInTerritory('a')}
RETURN a.id AS id ORDER BY id`;

export const TERRITORY_EXISTS = `MATCH (t:Territory { code: $code }) RETURN t.code AS code, t.level AS level`;
