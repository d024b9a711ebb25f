import { createHash } from 'node:crypto';
import { normaliseForSearch } from '@maillage/common';
import { int, Neo4jService } from '@maillage/neo4j';
import { SyntheticActor } from './synthetic-actor';

export interface LoadActorsOptions {
  /** Actors per write transaction (default 5000). */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (written: number, total: number) => void;
  /** `source` property of the nodes (default "synthetic"). */
  source?: string;
}

export interface LoadActorsResult {
  actors: number;
  batches: number;
  durationMs: number;
  /** Relationships created, by type (a target missing from the graph creates none). */
  relationships: { LOCATED_IN: number; ACTS_IN: number; OFFERS: number; NEEDS: number; SERVES: number };
}

/** Deterministic actor id from an external id: "act_" + the first 16 hex digits of its SHA-1. */
export function actorIdFromExternalId(externalId: string): string {
  return `act_${createHash('sha1').update(externalId).digest('hex').slice(0, 16)}`;
}

const UPSERT_ACTORS = `
UNWIND $rows AS row
MERGE (a:Actor {externalId: row.externalId})
ON CREATE SET a.id = row.id, a.createdAt = datetime()
SET a.kind = row.kind, a.family = row.family, a.name = row.name, a.searchName = row.searchName, a.siren = row.siren, a.rna = row.rna,
    a.sizeBand = row.sizeBand, a.description = row.description, a.allianceForms = row.allianceForms,
    a.visibility = 'PUBLIC', a.source = $source, a.updatedAt = datetime()`;

// The generated relationships are the actor's whole profile: replace them, so a re-load after a
// generator change leaves no stale edge (alliances, memberships and scores are not touched).
const DROP_PROFILE = `
UNWIND $ids AS externalId
MATCH (:Actor {externalId: externalId})-[r:LOCATED_IN|ACTS_IN|OFFERS|NEEDS|SERVES]->()
DELETE r`;

const LINK_LOCATED_IN = `
UNWIND $rows AS row
MATCH (a:Actor {externalId: row.e})
MATCH (t:Territory {code: row.t})
CREATE (a)-[:LOCATED_IN]->(t)
RETURN count(*) AS n`;

const LINK_ACTS_IN = `
UNWIND $rows AS row
MATCH (a:Actor {externalId: row.e})
MATCH (t:Territory {code: row.t})
CREATE (a)-[:ACTS_IN]->(t)
RETURN count(*) AS n`;

const LINK_OFFERS = `
UNWIND $rows AS row
MATCH (a:Actor {externalId: row.e})
MATCH (c:Competence {id: row.c})
CREATE (a)-[:OFFERS {modality: row.m, level: toInteger(row.l)}]->(c)
RETURN count(*) AS n`;

const LINK_NEEDS = `
UNWIND $rows AS row
MATCH (a:Actor {externalId: row.e})
MATCH (c:Competence {id: row.c})
CREATE (a)-[:NEEDS {priority: toInteger(row.p)}]->(c)
RETURN count(*) AS n`;

const LINK_SERVES = `
UNWIND $rows AS row
MATCH (a:Actor {externalId: row.e})
MATCH (c:Cause {sdg: toInteger(row.s)})
CREATE (a)-[:SERVES]->(c)
RETURN count(*) AS n`;

/**
 * Writes actors with batched UNWIND statements: `(:Actor)` keyed by externalId (MERGE: re-loading
 * updates in place; `id` and `createdAt` are set once), then LOCATED_IN, ACTS_IN, OFFERS {modality,
 * level}, NEEDS {priority} and SERVES, replacing the actor's previous ones. Needs the reference
 * data (territories, competences, causes) and the constraints to be there.
 */
export async function loadActorsIntoGraph(
  neo4j: Neo4jService,
  actors: readonly SyntheticActor[],
  options: LoadActorsOptions = {},
): Promise<LoadActorsResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  const source = options.source ?? 'synthetic';
  const relationships = { LOCATED_IN: 0, ACTS_IN: 0, OFFERS: 0, NEEDS: 0, SERVES: 0 };
  let batches = 0;
  for (let from = 0; from < actors.length; from += batchSize) {
    const batch = actors.slice(from, from + batchSize);
    const rows = batch.map((a) => ({
      externalId: a.externalId,
      id: actorIdFromExternalId(a.externalId),
      kind: a.kind,
      family: a.family,
      name: a.name,
      // Same normalisation as actors written through the API: list ordering and search rely on it.
      searchName: normaliseForSearch(a.name),
      siren: a.siren ?? null,
      rna: a.rna ?? null,
      sizeBand: a.sizeBand,
      description: a.description,
      allianceForms: a.allianceForms,
    }));
    const located = batch.map((a) => ({ e: a.externalId, t: a.communeCode }));
    const actsIn = batch.flatMap((a) => a.actsIn.map((t) => ({ e: a.externalId, t })));
    const offers = batch.flatMap((a) => a.offers.map((o) => ({ e: a.externalId, c: o.competenceId, m: o.modality, l: o.level })));
    const needs = batch.flatMap((a) => a.needs.map((n) => ({ e: a.externalId, c: n.competenceId, p: n.priority })));
    const serves = batch.flatMap((a) => a.causes.map((s) => ({ e: a.externalId, s })));
    const counts = await neo4j.writeTx(async (tx) => {
      const count = async (cypher: string, linkRows: unknown[]) => {
        if (!linkRows.length) return 0;
        const result = await tx.run(cypher, { rows: linkRows });
        return Number(result.records[0]?.get('n') ?? 0);
      };
      await tx.run(UPSERT_ACTORS, { rows, source });
      await tx.run(DROP_PROFILE, { ids: rows.map((r) => r.externalId) });
      return {
        LOCATED_IN: await count(LINK_LOCATED_IN, located),
        ACTS_IN: await count(LINK_ACTS_IN, actsIn),
        OFFERS: await count(LINK_OFFERS, offers),
        NEEDS: await count(LINK_NEEDS, needs),
        SERVES: await count(LINK_SERVES, serves),
      };
    });
    for (const key of Object.keys(relationships) as (keyof typeof relationships)[]) relationships[key] += counts[key];
    batches++;
    options.onProgress?.(Math.min(from + batchSize, actors.length), actors.length);
  }
  return { actors: actors.length, batches, durationMs: Date.now() - started, relationships };
}

/** Deletes the actors whose externalId starts with `prefix` (and their relationships), in batches. */
export async function deleteActorsByExternalIdPrefix(neo4j: Neo4jService, prefix: string, batchSize = 5000): Promise<number> {
  if (!prefix) throw new Error('refusing to delete with an empty prefix');
  let total = 0;
  for (;;) {
    const [row] = await neo4j.write<{ n: number }>(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH $prefix
       WITH a LIMIT $limit
       DETACH DELETE a
       RETURN count(*) AS n`,
      { prefix, limit: int(batchSize) },
    );
    total += row?.n ?? 0;
    if (!row || row.n < batchSize) return total;
  }
}

