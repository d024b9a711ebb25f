import { buildFrenchGeography, FrenchGeography, loadCompetences } from '@maillage/reference';
import { GenerateActorsOptions } from './synthetic-actor';

export interface TerritoryOptionsInput {
  /** Default 20260338 for the demo, 42 for benchmarks. */
  seed?: number;
  /** Number of actors. */
  count?: number;
  /** Départements to place actors in; all of France when omitted (benchmarks). */
  departements?: string[];
  idPrefix?: string;
  /** A geography already built (saves ~0.3 s for all of France). */
  geography?: FrenchGeography;
}

/** Version of the demo data set: bump when the generator or its calibration changes the output. */
export const DEMO_VERSION = '2';

/**
 * Options for the demo territory: Isère (département 38), 400 actors of every kind, ids
 * "syn-38-000001"…, placed in Isère's real communes by population.
 */
export function demoTerritoryOptions(input: TerritoryOptionsInput = {}): GenerateActorsOptions {
  const departements = input.departements ?? ['38'];
  return territoryOptions({
    seed: input.seed ?? 20260338,
    count: input.count ?? 400,
    departements,
    idPrefix: input.idPrefix ?? `syn-${departements.join('-')}`,
    ...(input.geography ? { geography: input.geography } : {}),
  });
}

/** Options for benchmarks: `count` actors over all of France (or some départements), ids "bench-…". */
export function benchmarkOptions(input: TerritoryOptionsInput & { count: number }): GenerateActorsOptions {
  return territoryOptions({ seed: 42, idPrefix: 'bench', ...input });
}

function territoryOptions(
  input: TerritoryOptionsInput & { count: number; seed: number; idPrefix: string },
): GenerateActorsOptions {
  const geo =
    input.geography ?? buildFrenchGeography(input.departements ? { departements: input.departements } : {});
  const wanted = input.departements ? new Set(input.departements) : undefined;
  const communes = geo.communes
    .filter((c) => !wanted || wanted.has(c.departementCode!))
    .map((c) => ({
      code: c.code,
      ...(c.epciCode ? { epci: c.epciCode } : {}),
      departement: c.departementCode!,
      region: c.regionCode!,
      population: c.population ?? 0,
      name: c.name,
    }));
  const territoryNames: Record<string, string> = {};
  for (const t of [...geo.regions, ...geo.departementRows, ...geo.epcis]) territoryNames[t.code] = t.name;
  const competences = loadCompetences()
    .filter((c) => c.level > 1)
    .map((c) => ({ id: c.id, popularity: c.popularity, modalities: c.modalities, label: c.label }));
  return {
    seed: input.seed,
    count: input.count,
    communes,
    competences,
    idPrefix: input.idPrefix,
    territoryNames,
  };
}
