import { Injectable } from '@nestjs/common';
import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder, SeedOptions, SeedResult } from '@maillage/reference';
import { loadActorsIntoGraph } from './actor-graph-loader';
import { DEMO_VERSION, demoTerritoryOptions } from './demo-territory';
import { generateActors } from './generate-actors';

export interface DemoSeedOptions extends SeedOptions {
  /** Default ['38'] (Isère). */
  departements?: string[];
  /** Default 400. */
  count?: number;
  seed?: number;
}

/**
 * Loads the demo territory: the reference data it needs (skipped when already there), then the
 * generated actors, recorded as SeedVersion "demo-actors:<départements>" so a second run skips.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly reference: ReferenceSeeder,
  ) {}

  async seedDemoTerritory(options: DemoSeedOptions = {}): Promise<SeedResult> {
    const started = Date.now();
    const generatorOptions = demoTerritoryOptions({
      ...(options.departements ? { departements: options.departements } : {}),
      ...(options.count !== undefined ? { count: options.count } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    const departements = options.departements ?? ['38'];
    const name = `demo-actors:${[...departements].sort().join(',')}`;
    const version = `${DEMO_VERSION}/seed=${generatorOptions.seed}/count=${generatorOptions.count}`;
    if (!options.force && (await this.reference.isApplied(name, version))) {
      return { name, version, skipped: true, durationMs: Date.now() - started, counts: {} };
    }
    await this.reference.applyConstraints();
    await this.reference.seedSdgs();
    await this.reference.seedCompetences();
    await this.reference.seedGeography({ departements });
    const actors = generateActors(generatorOptions);
    const result = await loadActorsIntoGraph(this.neo4j, actors);
    const durationMs = Date.now() - started;
    await this.reference.recordVersion(name, version, durationMs);
    return {
      name,
      version,
      skipped: false,
      durationMs,
      counts: { actors: result.actors, ...result.relationships },
    };
  }
}
