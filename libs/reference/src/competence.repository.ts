import { Injectable } from '@nestjs/common';
import { Modality } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';

/** A competence as read from the graph. */
export interface Competence {
  id: string;
  parentId: string | null;
  label: string;
  description: string | null;
  level: number;
  modalities: Modality[];
  popularity: number;
}

const PROJECTION = `
  c.id AS id, c.label AS label, c.description AS description, c.level AS level,
  c.modalities AS modalities, c.popularity AS popularity,
  head(COLLECT { MATCH (c)-[:SUBCATEGORY_OF]->(p:Competence) RETURN p.id }) AS parentId`;

/** Competence taxonomy reads (tree, lookups, expansion to sub-competences). */
@Injectable()
export class CompetenceRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Every current (non-deprecated) competence with its parentId, sorted by id (parents before children). */
  async tree(): Promise<Competence[]> {
    const rows = await this.neo4j.read<Competence>(
      `MATCH (c:Competence) WHERE NOT coalesce(c.deprecated, false)
       WITH c ORDER BY c.id
       RETURN ${PROJECTION}`,
    );
    return rows.map(normalise);
  }

  async byId(id: string): Promise<Competence | null> {
    return (await this.byIds([id]))[0] ?? null;
  }

  /** The competences that exist among `ids`, in the order of `ids` (unknown ids are skipped). */
  async byIds(ids: readonly string[]): Promise<Competence[]> {
    if (!ids.length) return [];
    const rows = await this.neo4j.read<Competence>(
      `UNWIND $ids AS id MATCH (c:Competence {id: id}) RETURN ${PROJECTION}`,
      { ids: [...new Set(ids)] },
    );
    const byId = new Map(rows.map((r) => [r.id, normalise(r)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** `id` and all its descendants (sub-competences at any depth), sorted; empty when unknown. */
  async expandCompetence(id: string): Promise<string[]> {
    return this.expandCompetences([id]);
  }

  /** The union of the given ids and all their descendants, sorted; unknown ids are dropped. */
  async expandCompetences(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.neo4j.read<{ id: string }>(
      `UNWIND $ids AS rootId
       MATCH (:Competence {id: rootId})<-[:SUBCATEGORY_OF*0..]-(d:Competence)
       RETURN DISTINCT d.id AS id ORDER BY id`,
      { ids: [...new Set(ids)] },
    );
    return rows.map((r) => r.id);
  }
}

function normalise(c: Competence): Competence {
  return {
    ...c,
    description: c.description ?? null,
    parentId: c.parentId ?? null,
    modalities: c.modalities ?? [],
  };
}
