import { Injectable } from '@nestjs/common';
import { normaliseForSearch } from '@maillage/common';
import { TerritoryLevel } from '@maillage/domain';
import { int, Neo4jService } from '@maillage/neo4j';

/** A territory as read from the graph. */
export interface Territory {
  /** Unique code: commune/département INSEE code, EPCI SIREN, "R" + INSEE code for a région. */
  code: string;
  /** Plain official code ("84" for région R84). */
  inseeCode: string;
  level: TerritoryLevel;
  name: string;
  population: number | null;
  /** Codes of the territories it is PART_OF, the primary (hierarchical) parent first. */
  parentCodes: string[];
  /** The hierarchical parent: a commune's EPCI (else its département), an EPCI's main département, a département's région. */
  primaryParentCode: string | null;
}

export interface TerritorySearchOptions {
  level?: TerritoryLevel;
  /** Default 20, at most 100. */
  limit?: number;
}

const PROJECTION = `
  t.code AS code, t.inseeCode AS inseeCode, t.level AS level, t.name AS name, t.population AS population,
  COLLECT { MATCH (t)-[r:PART_OF]->(p:Territory) RETURN p.code ORDER BY r.primary DESC, p.code } AS parentCodes`;

const LEVEL_RANK = `CASE t.level WHEN 'REGION' THEN 0 WHEN 'DEPARTEMENT' THEN 1 WHEN 'EPCI' THEN 2 ELSE 3 END`;

/** Territory reads for the API and the scoring (parameterised Cypher, plain JS values out). */
@Injectable()
export class TerritoryRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async byCode(code: string): Promise<Territory | null> {
    return (await this.byCodes([code]))[0] ?? null;
  }

  /** The territories that exist among `codes`, in the order of `codes` (for DataLoaders; unknown codes are skipped). */
  async byCodes(codes: readonly string[]): Promise<Territory[]> {
    if (!codes.length) return [];
    const rows = await this.neo4j.read<RawTerritory>(
      `UNWIND $codes AS code
       MATCH (t:Territory {code: code})
       RETURN ${PROJECTION}`,
      { codes: [...new Set(codes)] },
    );
    const byCode = new Map(rows.map((r) => [r.code, toTerritory(r)]));
    return codes.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
  }

  /**
   * Territories whose name starts with `prefix`, or has a word starting with it, ignoring case,
   * accents and punctuation ("st martin" does not match "Saint-Martin"; "gresivaudan" matches
   * "CC Le Grésivaudan"). Whole-name prefix matches first, then larger levels and populations.
   */
  async searchByName(prefix: string, options: TerritorySearchOptions = {}): Promise<Territory[]> {
    const q = normaliseForSearch(prefix);
    if (!q) return [];
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
    const rows = await this.neo4j.read<RawTerritory>(
      `CALL () {
         MATCH (t:Territory) WHERE t.searchName STARTS WITH $q RETURN t, 0 AS rank
         UNION
         MATCH (t:Territory) WHERE t.searchName CONTAINS $word RETURN t, 1 AS rank
       }
       WITH t, min(rank) AS rank
       WHERE $level IS NULL OR t.level = $level
       WITH t, rank ORDER BY rank, ${LEVEL_RANK}, coalesce(t.population, 0) DESC, t.name LIMIT $limit
       RETURN ${PROJECTION}`,
      { q, word: ` ${q}`, level: options.level ?? null, limit: int(limit) },
    );
    return rows.map(toTerritory);
  }

  /**
   * Direct children. Without `level`: the hierarchical ones (région → départements, département →
   * EPCI whose main département it is and communes outside any EPCI, EPCI → communes). With
   * `level`: every territory of that level directly PART_OF it (département + COMMUNE → all its communes).
   */
  async children(code: string, options: { level?: TerritoryLevel } = {}): Promise<Territory[]> {
    const rows = await this.neo4j.read<RawTerritory>(
      `MATCH (:Territory {code: $code})<-[r:PART_OF]-(t:Territory)
       WHERE ($level IS NULL AND r.primary) OR t.level = $level
       WITH t ORDER BY ${LEVEL_RANK}, t.name
       RETURN ${PROJECTION}`,
      { code, level: options.level ?? null },
    );
    return rows.map(toTerritory);
  }

  /** The territory and everything containing it, innermost first (commune, EPCI, département, région). */
  async ancestors(code: string): Promise<Territory[]> {
    const rows = await this.neo4j.read<RawTerritory>(
      `MATCH path = (:Territory {code: $code})-[:PART_OF*0..3]->(t:Territory)
       WITH t, min(length(path)) AS depth
       WITH t, depth ORDER BY depth, ${LEVEL_RANK} DESC, t.code
       RETURN ${PROJECTION}`,
      { code },
    );
    return rows.map(toTerritory);
  }

  /**
   * INSEE codes of every commune inside a territory (itself for a commune; sorted). A région's
   * communes are those of its départements; an EPCI's its members. Empty for an unknown code.
   */
  async descendantCommuneCodes(code: string): Promise<string[]> {
    const rows = await this.neo4j.read<{ codes: string[] }>(
      `MATCH (t:Territory {code: $code})
       RETURN CASE WHEN t.level = 'COMMUNE' THEN [t.code] ELSE
         COLLECT {
           MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(t) RETURN c.code AS c
           UNION
           MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {level: 'DEPARTEMENT'})-[:PART_OF]->(t)
           RETURN c.code AS c
         } END AS codes`,
      { code },
    );
    return (rows[0]?.codes ?? []).sort();
  }

  /**
   * Codes of the territory and of every territory inside it (sorted): for "actors acting anywhere
   * in X" filters. A département includes its communes and the EPCI that overlap it; a région its
   * départements, their communes and overlapping EPCI; an EPCI its member communes.
   */
  async descendantCodes(code: string): Promise<string[]> {
    const rows = await this.neo4j.read<{ codes: string[] }>(
      `MATCH (t:Territory {code: $code})
       RETURN [t.code] + COLLECT {
         MATCH p = (x:Territory)-[:PART_OF*1..2]->(t)
         WHERE length(p) = 1 OR nodes(p)[1].level = 'DEPARTEMENT'
         RETURN DISTINCT x.code
       } AS codes`,
      { code },
    );
    return (rows[0]?.codes ?? []).sort();
  }

  /** Number of territories per level (for health and seeding checks). */
  async countByLevel(): Promise<Record<TerritoryLevel, number>> {
    const rows = await this.neo4j.read<{ level: TerritoryLevel; n: number }>(
      `MATCH (t:Territory) RETURN t.level AS level, count(*) AS n`,
    );
    const out = { REGION: 0, DEPARTEMENT: 0, EPCI: 0, COMMUNE: 0 } as Record<TerritoryLevel, number>;
    for (const r of rows) out[r.level] = r.n;
    return out;
  }
}

interface RawTerritory {
  code: string;
  inseeCode: string | null;
  level: TerritoryLevel;
  name: string;
  population: number | null;
  parentCodes: string[];
}

function toTerritory(r: RawTerritory): Territory {
  return {
    code: r.code,
    inseeCode: r.inseeCode ?? r.code,
    level: r.level,
    name: r.name,
    population: r.population ?? null,
    parentCodes: r.parentCodes,
    primaryParentCode: r.parentCodes[0] ?? null,
  };
}
