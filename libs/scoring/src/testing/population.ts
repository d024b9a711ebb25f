import {
  ActorFamily,
  ActorKind,
  AllianceForm,
  Level,
  Modality,
  Priority,
  SizeBand,
  TerritoryLevel,
  WeightedTable,
  familyOfKind,
  mulberry32,
  shuffleInPlace as shuffle,
} from '@maillage/domain';
import { CompetenceNode, Taxonomy } from '../taxonomy';
import type { ScoringActor, TerritoryCode } from '../types';

/** Zipf weights 1/(i+1)^s for ranks 0..n-1. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
}

/**
 * A seeded synthetic population for tests and for the benchmark when @maillage/synthetic is not
 * available: a 2-level taxonomy (domains → leaves), Zipf-skewed competence popularity, a
 * région → département → EPCI → commune hierarchy with Zipf-skewed populations.
 */
export interface PopulationOptions {
  readonly n: number;
  readonly seed: number;
  /** Competence domains (roots) and leaves per domain. Default 25 × 5 (150 competences, like graph-seeds). */
  readonly domains?: number;
  readonly leavesPerDomain?: number;
  /** Zipf exponent of competence popularity. Default 1. */
  readonly zipf?: number;
  /** Mean offers / needs per actor. Default 8 / 5. */
  readonly offers?: number;
  readonly needs?: number;
  /** Share of offers/needs on a domain (root) competence rather than a leaf. Default 0.03. */
  readonly domainShare?: number;
  readonly regions?: number;
  readonly deptsPerRegion?: number;
  readonly epcisPerDept?: number;
  readonly communesPerEpci?: number;
}

export interface Population {
  readonly actors: ScoringActor[];
  readonly taxonomy: Taxonomy;
  readonly competences: CompetenceNode[];
}

const KIND_WEIGHTS: [ActorKind, number][] = [
  [ActorKind.ASSOCIATION, 52],
  [ActorKind.FOUNDATION, 3],
  [ActorKind.WORK_INTEGRATION, 3],
  [ActorKind.NETWORK_HEAD, 1],
  [ActorKind.SUPPORT_STRUCTURE, 1],
  [ActorKind.COMPANY, 24],
  [ActorKind.CORPORATE_FOUNDATION, 2],
  [ActorKind.COMMUNE, 5],
  [ActorKind.EPCI, 1.5],
  [ActorKind.DEPARTEMENT, 0.3],
  [ActorKind.REGION, 0.1],
  [ActorKind.STATE_SERVICE, 1],
  [ActorKind.SCHOOL, 4],
  [ActorKind.RESEARCH_LAB, 1.5],
];

const MODALITIES_BY_FAMILY: Record<ActorFamily, Modality[]> = {
  [ActorFamily.PEER]: [Modality.SKILLS, Modality.NETWORK, Modality.VISIBILITY, Modality.IN_KIND],
  [ActorFamily.PRIVATE]: [Modality.SKILLS, Modality.FUNDING, Modality.IN_KIND, Modality.PREMISES],
  [ActorFamily.PUBLIC]: [Modality.FUNDING, Modality.PREMISES, Modality.NETWORK, Modality.SKILLS],
  [ActorFamily.ACADEMIC]: [Modality.SKILLS, Modality.PREMISES, Modality.NETWORK],
};

const SIZES = [SizeBand.NONE, SizeBand.MICRO, SizeBand.SMALL, SizeBand.MEDIUM, SizeBand.LARGE];
const FORMS = [
  AllianceForm.POSITIONING,
  AllianceForm.CO_PRODUCTION,
  AllianceForm.POOLING,
  AllianceForm.RESOURCES,
];

export function generatePopulation(options: PopulationOptions): Population {
  const rand = mulberry32(options.seed);
  const domains = options.domains ?? 25;
  const leaves = options.leavesPerDomain ?? 5;
  const competences: CompetenceNode[] = [];
  const leafIds: string[] = [];
  const domainIds: string[] = [];
  for (let d = 0; d < domains; d++) {
    const did = `d${String(d).padStart(2, '0')}`;
    domainIds.push(did);
    competences.push({ id: did, label: `Domain ${d}`, parentId: null });
    for (let l = 0; l < leaves; l++) {
      const id = `${did}.${String(l).padStart(2, '0')}`;
      leafIds.push(id);
      competences.push({ id, label: `Competence ${d}.${l}`, parentId: did, gift: l === 0 && d % 3 === 0 });
    }
  }
  const taxonomy = new Taxonomy(competences);
  const zipf = options.zipf ?? 1;
  const leafOrder = shuffle([...leafIds], rand);
  const leafPicker = WeightedTable.ofWeights(zipfWeights(leafOrder.length, zipf));
  const domainOrder = shuffle([...domainIds], rand);
  const domainPicker = WeightedTable.ofWeights(zipfWeights(domainOrder.length, zipf));
  const domainShare = options.domainShare ?? 0.03;
  const drawCompetence = (): string =>
    rand() < domainShare ? domainOrder[domainPicker.pick(rand)] : leafOrder[leafPicker.pick(rand)];

  // territories
  const R = options.regions ?? 13;
  const DPR = options.deptsPerRegion ?? 7;
  const EPD = options.epcisPerDept ?? 12;
  const CPE = options.communesPerEpci ?? 10;
  interface Commune {
    commune: string;
    epci: string;
    departement: string;
    region: string;
  }
  const communes: Commune[] = [];
  for (let r = 0; r < R; r++)
    for (let d = 0; d < DPR; d++) {
      const dept = String(r * DPR + d + 1).padStart(2, '0');
      for (let e = 0; e < EPD; e++) {
        const epci = `2${dept}${String(e).padStart(6, '0')}`.slice(0, 9);
        for (let c = 0; c < CPE; c++)
          communes.push({
            commune: `${dept}${String(e * CPE + c).padStart(3, '0')}`,
            epci,
            departement: dept,
            region: String(11 + r),
          });
      }
    }
  const communePicker = WeightedTable.ofWeights(shuffle(zipfWeights(communes.length, 0.9), rand));

  const kindPicker = WeightedTable.ofWeights(KIND_WEIGHTS.map(([, w]) => w));
  const poisson = (mean: number): number => {
    // rounded normal-ish draw clamped to [1, 2·mean]
    const x = mean + (rand() + rand() + rand() - 1.5) * mean * 0.6;
    return Math.max(1, Math.min(Math.round(2 * mean), Math.round(x)));
  };
  const actors: ScoringActor[] = [];
  for (let i = 0; i < options.n; i++) {
    const kind = KIND_WEIGHTS[kindPicker.pick(rand)][0];
    const family = familyOfKind(kind);
    const mods = MODALITIES_BY_FAMILY[family];
    const offers = new Map<string, { competenceId: string; modality: Modality; level: Level }>();
    const nOffers = poisson(options.offers ?? 8);
    for (let t = 0; offers.size < nOffers && t < nOffers * 4; t++) {
      const c = drawCompetence();
      if (!offers.has(c))
        offers.set(c, {
          competenceId: c,
          modality: mods[Math.floor(rand() * mods.length)],
          level: (1 + Math.floor(rand() * 3)) as Level,
        });
    }
    const needs = new Map<string, { competenceId: string; priority: Priority }>();
    const nNeeds = poisson(options.needs ?? 5);
    for (let t = 0; needs.size < nNeeds && t < nNeeds * 4; t++) {
      const c = drawCompetence();
      if (!offers.has(c) && !needs.has(c))
        needs.set(c, { competenceId: c, priority: (1 + Math.floor(rand() * 3)) as Priority });
    }
    const causes = new Set<number>();
    const nCauses = 1 + Math.floor(rand() * 3);
    while (causes.size < nCauses) causes.add(1 + Math.min(16, Math.floor(Math.pow(rand(), 1.5) * 17)));
    const forms = FORMS.filter(() => rand() < 0.4);
    const loc = communes[communePicker.pick(rand)];
    const actsIn: TerritoryCode[] = [];
    const u = rand();
    if (u < 0.2) actsIn.push({ level: TerritoryLevel.DEPARTEMENT, code: loc.departement });
    else if (u < 0.27) actsIn.push({ level: TerritoryLevel.REGION, code: loc.region });
    else if (u < 0.42) actsIn.push({ level: TerritoryLevel.EPCI, code: loc.epci });
    actors.push({
      id: `syn-${String(i).padStart(7, '0')}`,
      kind,
      family,
      sizeBand: SIZES[Math.floor(rand() * SIZES.length)],
      offers: [...offers.values()],
      needs: [...needs.values()],
      causes: [...causes],
      territories: { ...loc, actsIn },
      allianceForms: forms.length ? forms : [FORMS[Math.floor(rand() * 4)]],
    });
  }
  return { actors, taxonomy, competences };
}
