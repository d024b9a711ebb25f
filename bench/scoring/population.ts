/**
 * Benchmark populations. Preferred source: the project's seeded generator (@maillage/synthetic,
 * real French geography and the graph-seeds taxonomy), loaded at run time so this file still runs
 * if that library is unavailable; fallback: the scoring library's own skewed generator.
 */
import { isCommuneCode, isEpciCode, TerritoryLevel } from '@maillage/domain';
import { CompetenceNode, ScoringActor, Taxonomy, TerritoryCode } from '../../libs/scoring/src';
import { generatePopulation } from '../../libs/scoring/src/testing';

export type PopulationSource = 'synthetic' | 'builtin';

export interface BenchPopulation {
  readonly actors: ScoringActor[];
  readonly taxonomy: Taxonomy;
  readonly source: PopulationSource;
  /** Why the fallback was used, when it was. */
  readonly note?: string;
  readonly generateSeconds: number;
}

/** Shape of the pieces of @maillage/synthetic and @maillage/reference used here (kept loose on purpose). */
interface SyntheticLike {
  externalId: string;
  kind: ScoringActor['kind'];
  family: ScoringActor['family'];
  sizeBand: ScoringActor['sizeBand'];
  communeCode: string;
  actsIn: string[];
  offers: ScoringActor['offers'][number][];
  needs: ScoringActor['needs'][number][];
  causes: number[];
  allianceForms: ScoringActor['allianceForms'][number][];
}
interface SyntheticModule {
  generateActors(options: unknown): SyntheticLike[];
  benchmarkOptions(input: { count: number; seed?: number }): {
    communes: { code: string; epci?: string; departement: string; region: string }[];
  };
}
interface ReferenceModule {
  loadCompetences(): { id: string; parentId: string | null; label: string }[];
}

function loadSynthetic(): { syn: SyntheticModule; ref: ReferenceModule } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const syn = require('../../libs/synthetic/src') as Partial<SyntheticModule>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ref = require('../../libs/reference/src') as Partial<ReferenceModule>;
  if (
    typeof syn.generateActors !== 'function' ||
    typeof syn.benchmarkOptions !== 'function' ||
    typeof ref.loadCompetences !== 'function'
  )
    throw new Error('generateActors / benchmarkOptions / loadCompetences not exported');
  return {
    syn: { generateActors: syn.generateActors, benchmarkOptions: syn.benchmarkOptions },
    ref: ref as ReferenceModule,
  };
}

/** SyntheticActor → ScoringActor; acted-in codes are tagged by comparing with the location's own codes. */
export function toScoringActor(
  a: SyntheticLike,
  commune: { code: string; epci?: string; departement: string; region: string } | undefined,
): ScoringActor {
  const territories = commune
    ? { commune: commune.code, epci: commune.epci, departement: commune.departement, region: commune.region }
    : { commune: a.communeCode };
  const actsIn: TerritoryCode[] = [];
  for (const code of a.actsIn) {
    let level: TerritoryLevel;
    if (code === territories.commune) level = TerritoryLevel.COMMUNE;
    else if (code === territories.epci || isEpciCode(code)) level = TerritoryLevel.EPCI;
    else if (code === territories.departement) level = TerritoryLevel.DEPARTEMENT;
    else if (code === territories.region) level = TerritoryLevel.REGION;
    else if (isCommuneCode(code)) level = TerritoryLevel.COMMUNE;
    else continue; // a 2-3 character code that is neither its département nor its région: ambiguous, skipped
    actsIn.push({ level, code });
  }
  return {
    id: a.externalId,
    kind: a.kind,
    family: a.family,
    sizeBand: a.sizeBand,
    offers: a.offers,
    needs: a.needs,
    causes: a.causes,
    territories: { ...territories, actsIn },
    allianceForms: a.allianceForms,
  };
}

/** n actors from the preferred source (or `source`), seeded. */
export function benchPopulation(n: number, seed: number, source?: PopulationSource): BenchPopulation {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let note: string | undefined;
  if (source !== 'builtin') {
    try {
      const { syn, ref } = loadSynthetic();
      const options = syn.benchmarkOptions({ count: n, seed });
      const communes = new Map(options.communes.map((c) => [c.code, c]));
      const actors = syn.generateActors(options).map((a) => toScoringActor(a, communes.get(a.communeCode)));
      const taxonomy = new Taxonomy(
        // every declaration (substitutes, poolable, field, advocacy): the scoring reads them
        ref.loadCompetences() as CompetenceNode[],
      );
      return { actors, taxonomy, source: 'synthetic', generateSeconds: seconds() };
    } catch (err) {
      if (source === 'synthetic') throw err;
      note = `@maillage/synthetic unavailable (${(err as Error).message.split('\n')[0]}); used the built-in generator`;
    }
  }
  const pop = generatePopulation({ n, seed });
  return { actors: pop.actors, taxonomy: pop.taxonomy, source: 'builtin', note, generateSeconds: seconds() };
}
