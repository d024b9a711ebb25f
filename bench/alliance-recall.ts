/**
 * allianceRecallAt10: the share of true partners (bench/alliances/real-alliances.ts, real French
 * alliances) found in each other's top 10, per alliance form and overall, among generated
 * distractors (@maillage/synthetic placed in the same départements). Exact ranking (every eligible
 * pair scored, same territory blocking and exclusions as the engine), so it measures the model, not
 * the candidate search. Pure computation, no database; reusable by any bench (its figures are meant
 * to go in the bench's final JSON line as `allianceRecallAt10`).
 */
import { AllianceForm, TerritoryLevel, familyOfKind } from '../libs/domain/src';
import { buildIndex } from '../libs/candidate-search/src';
import { FORM_ORDER, FormSearcher } from '../libs/alliance-forms/src';
import {
  DEFAULT_PROFILE,
  PairContext,
  ScoringActor,
  ScoringProfile,
  Taxonomy,
  TerritoryCode,
} from '../libs/scoring/src';
import { buildFrenchGeography, loadCompetences } from '../libs/reference/src';
import { benchmarkOptions, generateActors } from '../libs/synthetic/src';
import { FIXTURE_ACTORS, FIXTURE_ALLIANCES, FixtureActor } from './alliances/real-alliances';

export interface AllianceRecallOptions {
  /** Distractors generated per département where a fixture actor is located. Default 250. */
  readonly distractorsPerDepartement?: number;
  readonly seed?: number;
  readonly profile?: ScoringProfile;
  readonly k?: number;
}

export interface AllianceMiss {
  readonly a: string;
  readonly b: string;
  readonly form: AllianceForm;
  /** Rank of b in a's list for the form, and of a in b's (null = not ranked: score 0 or not eligible). */
  readonly rankAB: number | null;
  readonly rankBA: number | null;
  /** Rank in the default (blended) lists. */
  readonly blendedAB: number | null;
  readonly blendedBA: number | null;
}

export interface AllianceRecallResult {
  /** Share of (actor, true partner) directions where the partner is in the actor's top k for the alliance's form. */
  readonly allianceRecallAt10: number;
  /** Same, per form. */
  readonly perForm: Record<AllianceForm, number>;
  /** Same, in the default list (blended: every pair ranked by its best form). */
  readonly blended: number;
  /** Share of true pairs whose best form is the documented one. */
  readonly bestFormAgreement: number;
  readonly alliances: number;
  readonly actors: number;
  readonly distractors: number;
  readonly k: number;
  readonly misses: readonly AllianceMiss[];
  /** Alliances not found both ways in the default (blended) lists. */
  readonly blendedMisses: readonly AllianceMiss[];
}

/** The taxonomy of graph-seeds with every declaration the forms read. */
export function seedTaxonomy(): Taxonomy {
  return new Taxonomy(loadCompetences());
}

/** Fixture + distractors as scoring actors, and the pair context (memberships; no alliance recorded). */
export function alliancePopulation(options: AllianceRecallOptions = {}): {
  actors: ScoringActor[];
  pairs: PairContext;
  taxonomy: Taxonomy;
  distractors: number;
} {
  const perDept = options.distractorsPerDepartement ?? 250;
  const geo = buildFrenchGeography();
  const communes = new Map(geo.communes.map((c) => [c.code, c]));
  const fixture = FIXTURE_ACTORS.map((f) => fixtureToScoring(f, communes));
  const departements = [...new Set(fixture.map((a) => a.territories.departement!))].sort();
  const syn = generateActors(
    benchmarkOptions({
      count: perDept * departements.length,
      seed: options.seed ?? 42,
      departements,
      geography: geo,
      idPrefix: 'distractor',
    }),
  );
  const distractors = syn.map((a): ScoringActor => {
    const c = communes.get(a.communeCode)!;
    const actsIn: TerritoryCode[] = [];
    for (const code of a.actsIn) {
      if (code === c.code) actsIn.push({ level: TerritoryLevel.COMMUNE, code });
      else if (code === c.epciCode) actsIn.push({ level: TerritoryLevel.EPCI, code });
      else if (code === c.departementCode) actsIn.push({ level: TerritoryLevel.DEPARTEMENT, code });
      else if (code === c.regionCode) actsIn.push({ level: TerritoryLevel.REGION, code });
    }
    return {
      id: a.externalId,
      kind: a.kind,
      family: a.family,
      sizeBand: a.sizeBand,
      offers: a.offers,
      needs: a.needs,
      causes: a.causes,
      allianceForms: a.allianceForms,
      territories: {
        commune: c.code,
        epci: c.epciCode ?? undefined,
        departement: c.departementCode!,
        region: c.regionCode!,
        actsIn,
      },
    };
  });
  const memberships = FIXTURE_ACTORS.flatMap((f) => (f.memberOf ?? []).map((h) => [f.id, h] as const));
  return {
    actors: [...fixture, ...distractors],
    pairs: new PairContext({ memberships }),
    taxonomy: seedTaxonomy(),
    distractors: distractors.length,
  };
}

function fixtureToScoring(
  f: FixtureActor,
  communes: Map<
    string,
    { code: string; epciCode?: string | null; departementCode?: string | null; regionCode?: string | null }
  >,
): ScoringActor {
  const c = communes.get(f.commune);
  if (!c) throw new Error(`alliance fixture: ${f.id} has unknown commune ${f.commune}`);
  const actsIn: TerritoryCode[] = [
    ...(f.actsInRegions ?? []).map((code) => ({ level: TerritoryLevel.REGION, code: `R${code}` })),
    ...(f.actsInDepartements ?? []).map((code) => ({ level: TerritoryLevel.DEPARTEMENT, code })),
  ];
  return {
    id: f.id,
    kind: f.kind,
    family: familyOfKind(f.kind),
    offers: f.offers.map(([competenceId, modality, level]) => ({ competenceId, modality, level })),
    needs: f.needs.map(([competenceId, priority]) => ({ competenceId, priority })),
    causes: [...f.causes],
    allianceForms: [...f.forms],
    territories: {
      commune: c.code,
      epci: c.epciCode ?? undefined,
      departement: c.departementCode!,
      region: c.regionCode!,
      actsIn,
    },
  };
}

/** Runs the evaluation (a few seconds: only the fixture actors' lists are ranked, exactly). */
export function allianceRecall(options: AllianceRecallOptions = {}): AllianceRecallResult {
  const k = options.k ?? 10;
  const profile = options.profile ?? DEFAULT_PROFILE;
  const { actors, pairs, taxonomy, distractors } = alliancePopulation(options);
  const ix = buildIndex(actors, taxonomy, { pairs });
  const searcher = new FormSearcher(ix, profile);
  const fixtureIds = new Set(FIXTURE_ACTORS.map((f) => f.id));
  // per fixture actor: exact scores of every eligible partner, per form and blended
  const ranks = new Map<string, Map<string, number>[]>(); // actor → [form0..3, blended] → partner → rank
  const out = new Float64Array(4);
  for (const id of fixtureIds) {
    const a = ix.indexOf(id);
    const lists: { b: number; s: number }[][] = [[], [], [], [], []];
    for (let b = 0; b < ix.n; b++) {
      if (b === a || !searcher.kernel.eligible(a, b)) continue;
      const r = searcher.scorePair(a, b, out);
      if (r.excluded) continue;
      for (let f = 0; f < 4; f++) if (out[f] > 0) lists[f].push({ b, s: out[f] });
      if (out[r.best] > 0) lists[4].push({ b, s: out[r.best] });
    }
    ranks.set(
      id,
      lists.map((l) => {
        l.sort((x, y) => y.s - x.s || x.b - y.b);
        return new Map(l.map((x, i) => [ix.ids[x.b], i + 1]));
      }),
    );
  }
  const rankOf = (a: string, b: string, slot: number) => ranks.get(a)![slot].get(b) ?? null;
  const hit = (r: number | null) => (r !== null && r <= k ? 1 : 0);
  const perFormHits = new Map<AllianceForm, [number, number]>(FORM_ORDER.map((f) => [f, [0, 0]]));
  let hits = 0;
  let blendedHits = 0;
  let agree = 0;
  const misses: AllianceMiss[] = [];
  const blendedMisses: AllianceMiss[] = [];
  for (const al of FIXTURE_ALLIANCES) {
    const slot = FORM_ORDER.indexOf(al.form);
    const rankAB = rankOf(al.a, al.b, slot);
    const rankBA = rankOf(al.b, al.a, slot);
    const h = hit(rankAB) + hit(rankBA);
    hits += h;
    const t = perFormHits.get(al.form)!;
    t[0] += h;
    t[1] += 2;
    const blendedAB = rankOf(al.a, al.b, 4);
    const blendedBA = rankOf(al.b, al.a, 4);
    const hb = hit(blendedAB) + hit(blendedBA);
    blendedHits += hb;
    const r = searcher.scorePair(ix.indexOf(al.a), ix.indexOf(al.b), out);
    if (r.best === slot) agree++;
    const miss = { a: al.a, b: al.b, form: al.form, rankAB, rankBA, blendedAB, blendedBA };
    if (h < 2) misses.push(miss);
    if (hb < 2) blendedMisses.push(miss);
  }
  const n = FIXTURE_ALLIANCES.length;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    allianceRecallAt10: round(hits / (2 * n)),
    perForm: Object.fromEntries(
      FORM_ORDER.map((f) => {
        const [h, total] = perFormHits.get(f)!;
        return [f, total ? round(h / total) : 1];
      }),
    ) as Record<AllianceForm, number>,
    blended: round(blendedHits / (2 * n)),
    bestFormAgreement: round(agree / n),
    alliances: n,
    actors: FIXTURE_ACTORS.length,
    distractors,
    k,
    misses,
    blendedMisses,
  };
}
