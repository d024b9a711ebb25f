import { cypherAlias } from '@maillage/neo4j';

/**
 * Cypher predicate "actor `alias` is located in or acts in the territory `$territory`, or in one
 * below it" (commune → EPCI → département → région: at most three PART_OF hops). The one
 * territory-subtree rule of every actor query; the query passes the code as `$territory`.
 */
export function actorInTerritory(alias: string): string {
  const a = cypherAlias(alias);
  return `EXISTS { MATCH (${a})-[:LOCATED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..3]->(:Territory { code: $territory }) }`;
}
