import { Injectable } from '@nestjs/common';
import { normaliseForSearch, SEARCH_NAME_VERSION } from '@maillage/common';
import { Neo4jService } from '@maillage/neo4j';
import { competenceSeedFile } from './competences';
import { buildFrenchGeography, FrenchGeography, geographyVersion, TerritoryRow } from './geography';
import { loadConstraintStatements } from './seed-files';
import { sdgSeedFile } from './sdgs';

export interface SeedOptions {
  /** Re-apply even when the same version is already recorded. */
  force?: boolean;
}

export interface GeographySeedOptions extends SeedOptions {
  /** Only these départements (with their régions, EPCI and communes); all of France when omitted. */
  departements?: string[];
  /** Rows per write transaction (default 5000). */
  batchSize?: number;
}

export interface SeedResult {
  /** SeedVersion name, e.g. "competences", "geography", "geography:38". */
  name: string;
  version: string;
  /** True when the same version was already applied and nothing was written. */
  skipped: boolean;
  durationMs: number;
  /** What was written (rows, statements); empty for a skipped geography. */
  counts: Record<string, number>;
}

export interface AppliedSeedVersion {
  name: string;
  version: string;
  appliedAt: Date;
  durationMs: number | null;
}

const DEFAULT_BATCH = 5000;

/**
 * Nodes that store a `searchName` (normaliseForSearch of their name), paged by their unique key.
 * Label and key are constants of this file (labels cannot be parameters). The write skips a node
 * whose name changed meanwhile: its own write set the right search name.
 */
const SEARCH_NAME_TARGETS = [
  { count: 'actors', label: 'Actor', key: 'id' },
  { count: 'territories', label: 'Territory', key: 'code' },
].map((t) => ({
  count: t.count,
  read: `MATCH (n:${t.label}) WHERE $after IS NULL OR n.${t.key} > $after
         RETURN n.${t.key} AS key, n.name AS name, n.searchName AS searchName ORDER BY n.${t.key} LIMIT $limit`,
  write: `UNWIND $rows AS row
          MATCH (n:${t.label} {${t.key}: row.key}) WHERE n.name = row.name
          SET n.searchName = row.searchName`,
}));

const UPSERT_TERRITORIES = `
UNWIND $rows AS row
MERGE (t:Territory {code: row.code})
SET t.level = row.level,
    t.name = row.name,
    t.searchName = row.searchName,
    t.inseeCode = row.inseeCode,
    t.population = toInteger(row.population),
    t.epciCode = row.epciCode,
    t.departementCode = row.departementCode,
    t.regionCode = row.regionCode,
    t.epciType = row.epciType`;

const DROP_STALE_PART_OF = `
UNWIND $rows AS row
MATCH (t:Territory {code: row.code})-[old:PART_OF]->(p:Territory)
WHERE NOT p.code IN row.parentCodes
DELETE old`;

const LINK_PART_OF = `
UNWIND $rows AS row
MATCH (t:Territory {code: row.code})
UNWIND range(0, size(row.parentCodes) - 1) AS i
MATCH (p:Territory {code: row.parentCodes[i]})
MERGE (t)-[r:PART_OF]->(p)
SET r.primary = (i = 0)`;

/**
 * Loads the reference data of graph-seeds/ into Neo4j: constraints and indexes, SDGs, the
 * competence taxonomy and the French geography. Every step is idempotent (MERGE on the unique
 * key) and records its version on a `(:SeedVersion {name, version, appliedAt})` node, so a second
 * run with the same versions returns at once (unless `force`).
 */
@Injectable()
export class ReferenceSeeder {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Everything, in order. Constraints first: MERGE relies on their indexes. */
  async seedAll(options: GeographySeedOptions = {}): Promise<SeedResult[]> {
    return [
      await this.applyConstraints(),
      await this.seedSdgs(options),
      await this.seedCompetences(options),
      await this.seedGeography(options),
    ];
  }

  /**
   * Applies graph-seeds/001-constraints.cypher statement by statement (schema statements cannot
   * share a transaction) and waits for the indexes to be online. Always runs: every statement is
   * IF NOT EXISTS and the whole file takes well under a second.
   */
  async applyConstraints(): Promise<SeedResult> {
    const started = Date.now();
    const seed = loadConstraintStatements();
    for (const statement of seed.statements) await this.neo4j.runSchema(statement);
    await this.neo4j.runSchema('CALL db.awaitIndexes(300)');
    const durationMs = Date.now() - started;
    await this.recordVersion('constraints', seed.version, durationMs);
    return {
      name: 'constraints',
      version: seed.version,
      skipped: false,
      durationMs,
      counts: { statements: seed.statements.length },
    };
  }

  /** The 17 SDGs as `(:Cause {sdg, label, labelEn, description, color})`. */
  async seedSdgs(options: SeedOptions = {}): Promise<SeedResult> {
    const seed = sdgSeedFile();
    return this.versioned(seed.name, seed.version, options, { sdgs: seed.sdgs.length }, async () => {
      await this.neo4j.write(
        `UNWIND $rows AS row
         MERGE (c:Cause {sdg: toInteger(row.sdg)})
         SET c.label = row.label, c.labelEn = row.labelEn, c.description = row.description, c.color = row.color`,
        { rows: seed.sdgs },
      );
    });
  }

  /**
   * The taxonomy as `(:Competence {id, label, description, level, parentId, modalities, popularity,
   * deprecated})-[:SUBCATEGORY_OF]->(:Competence)`. Competences no longer in the file are kept (actors
   * may point at them) but marked `deprecated: true`.
   */
  async seedCompetences(options: SeedOptions = {}): Promise<SeedResult> {
    const seed = competenceSeedFile();
    const rows = seed.competences.map((c) => ({ ...c, description: c.description ?? null }));
    return this.versioned(seed.name, seed.version, options, { competences: rows.length }, async () => {
      await this.neo4j.writeTx(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MERGE (c:Competence {id: row.id})
           SET c.label = row.label, c.description = row.description, c.level = toInteger(row.level),
               c.parentId = row.parentId, c.modalities = row.modalities,
               c.popularity = toInteger(row.popularity), c.deprecated = false,
               c.substitutes = row.substitutes, c.poolable = row.poolable, c.field = row.field,
               c.advocacy = row.advocacy, c.gift = row.gift`,
          { rows },
        );
        await tx.run(
          `UNWIND $rows AS row
           MATCH (c:Competence {id: row.id})-[old:SUBCATEGORY_OF]->(p:Competence)
           WHERE row.parentId IS NULL OR p.id <> row.parentId
           DELETE old`,
          { rows },
        );
        await tx.run(
          `UNWIND $rows AS row
           WITH row WHERE row.parentId IS NOT NULL
           MATCH (c:Competence {id: row.id}), (p:Competence {id: row.parentId})
           MERGE (c)-[:SUBCATEGORY_OF]->(p)`,
          { rows },
        );
        await tx.run(`MATCH (c:Competence) WHERE NOT c.id IN $ids SET c.deprecated = true`, {
          ids: rows.map((r) => r.id),
        });
      });
    });
  }

  /**
   * The French geography (see buildFrenchGeography) as `(:Territory {code, level, name, searchName,
   * inseeCode, population, …})-[:PART_OF {primary}]->(:Territory)`, in batched UNWIND writes: all
   * nodes first, then the links. Skipped when the same version was applied to all of France or to
   * a superset of the requested départements.
   */
  async seedGeography(options: GeographySeedOptions = {}): Promise<SeedResult> {
    const started = Date.now();
    const version = geographyVersion();
    const name = options.departements
      ? `geography:${[...new Set(options.departements)].sort().join(',')}`
      : 'geography';
    if (!options.force) {
      // Skip when the same version already covers these départements (all of France, or a superset).
      const wanted = options.departements ? [...new Set(options.departements)] : undefined;
      const covered = (await this.appliedVersions()).some((a) => {
        if (a.version !== version || !a.name.startsWith('geography')) return false;
        if (a.name === 'geography') return true;
        const have = new Set(a.name.slice('geography:'.length).split(','));
        return wanted !== undefined && wanted.every((d) => have.has(d));
      });
      if (covered) return { name, version, skipped: true, durationMs: Date.now() - started, counts: {} };
    }
    const geo = buildFrenchGeography(options.departements ? { departements: options.departements } : {});
    const counts = countsOf(geo);
    await this.writeTerritories(geo.territories, options.batchSize ?? DEFAULT_BATCH);
    const durationMs = Date.now() - started;
    await this.recordVersion(name, geo.version, durationMs);
    return { name, version: geo.version, skipped: false, durationMs, counts };
  }

  /**
   * Migration step: rewrites the stored `searchName` of every Actor and Territory with the current
   * normaliseForSearch, so names written by an older normaliser are found like new ones. Versioned by
   * SEARCH_NAME_VERSION; idempotent (only names whose search form differs are written).
   */
  async seedSearchNames(options: GeographySeedOptions = {}): Promise<SeedResult> {
    const counts: Record<string, number> = {};
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    return this.versioned('search-names', SEARCH_NAME_VERSION, options, counts, async () => {
      for (const target of SEARCH_NAME_TARGETS) {
        counts[target.count] = 0;
        let after: string | null = null;
        for (;;) {
          const page: { key: string; name: string | null; searchName: string | null }[] =
            await this.neo4j.read(target.read, { after, limit: this.neo4j.int(batchSize) });
          if (page.length === 0) break;
          after = page[page.length - 1].key;
          const rows = page.flatMap((n) => {
            const searchName = normaliseForSearch(n.name ?? '');
            return n.name !== null && searchName !== n.searchName
              ? [{ key: n.key, name: n.name, searchName }]
              : [];
          });
          if (rows.length) await this.neo4j.write(target.write, { rows });
          counts[target.count] += rows.length;
        }
      }
    });
  }

  /** Upserts territory rows and their PART_OF links (parents absent from the graph are ignored). */
  async writeTerritories(territories: TerritoryRow[], batchSize = DEFAULT_BATCH): Promise<void> {
    const rows = territories.map((t) => ({
      code: t.code,
      level: t.level,
      name: t.name,
      searchName: t.searchName,
      inseeCode: t.inseeCode,
      population: t.population ?? null,
      parentCodes: t.parentCodes,
      epciCode: t.epciCode ?? null,
      departementCode: t.departementCode ?? null,
      regionCode: t.regionCode ?? null,
      epciType: t.epciType ?? null,
    }));
    for (const batch of chunks(rows, batchSize)) await this.neo4j.write(UPSERT_TERRITORIES, { rows: batch });
    const linked = rows.map((r) => ({ code: r.code, parentCodes: r.parentCodes }));
    for (const batch of chunks(linked, batchSize)) {
      await this.neo4j.writeTx(async (tx) => {
        await tx.run(DROP_STALE_PART_OF, { rows: batch });
        await tx.run(LINK_PART_OF, { rows: batch.filter((r) => r.parentCodes.length > 0) });
      });
    }
  }

  /** Every recorded seed version, by name. */
  async appliedVersions(): Promise<AppliedSeedVersion[]> {
    const rows = await this.neo4j.read<AppliedSeedVersion>(
      `MATCH (s:SeedVersion)
       RETURN s.name AS name, s.version AS version, s.appliedAt AS appliedAt, s.durationMs AS durationMs
       ORDER BY s.name`,
    );
    return rows;
  }

  async isApplied(name: string, version: string): Promise<boolean> {
    const rows = await this.neo4j.read(
      `MATCH (s:SeedVersion {name: $name, version: $version}) RETURN s.name AS name`,
      {
        name,
        version,
      },
    );
    return rows.length > 0;
  }

  /** Records that `name` at `version` was applied (used by other seeders too, e.g. demo actors). */
  async recordVersion(name: string, version: string, durationMs: number): Promise<void> {
    await this.neo4j.write(
      `MERGE (s:SeedVersion {name: $name})
       SET s.version = $version, s.appliedAt = datetime(), s.durationMs = toInteger($durationMs)`,
      { name, version, durationMs },
    );
  }

  /** Runs `work` unless `name` is recorded at `version` (migration steps of other libs use it too). */
  async versioned(
    name: string,
    version: string,
    options: SeedOptions,
    counts: Record<string, number>,
    work: () => Promise<void>,
  ): Promise<SeedResult> {
    const started = Date.now();
    if (!options.force && (await this.isApplied(name, version))) {
      return { name, version, skipped: true, durationMs: Date.now() - started, counts };
    }
    await work();
    const durationMs = Date.now() - started;
    await this.recordVersion(name, version, durationMs);
    return { name, version, skipped: false, durationMs, counts };
  }
}

function countsOf(geo: FrenchGeography): Record<string, number> {
  return {
    regions: geo.regions.length,
    departements: geo.departementRows.length,
    epcis: geo.epcis.length,
    communes: geo.communes.length,
  };
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
