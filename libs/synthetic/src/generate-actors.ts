import {
  ACTOR_KIND_LABELS_FR,
  ActorKind,
  AllianceForm,
  familyOfKind,
  Level,
  Modality,
  Priority,
  SizeBand,
} from '@maillage/domain';
import { IdentifierIssuer } from './identifiers';
import { deCommune, deDepartement, NameFactory, NamePlace } from './names';
import { fnv1a, Rng, WeightedTable } from '@maillage/domain';
import {
  ASSOCIATION_SECTORS,
  COMPANY_SECTORS,
  KIND_MIX,
  KIND_PROFILES,
  KIND_SDGS,
  KindProfile,
  Sector,
  WORK_INTEGRATION_SECTORS,
} from './profiles';
import { GenerateActorsOptions, SyntheticActor } from './synthetic-actor';

const { max } = Math; // see prng.ts: hot-path global lookups are slow under jest

type Commune = GenerateActorsOptions['communes'][number];
type CompetenceInput = GenerateActorsOptions['competences'][number];

const ALL_KINDS = Object.values(ActorKind);
const ALL_FORMS = Object.values(AllianceForm);

/** Kinds that carry a SIREN (associations get one when they employ people, most of the time). */
const SIREN_KINDS = new Set<ActorKind>([
  ActorKind.COMPANY,
  ActorKind.CORPORATE_FOUNDATION,
  ActorKind.FOUNDATION,
  ActorKind.COMMUNE,
  ActorKind.EPCI,
  ActorKind.DEPARTEMENT,
  ActorKind.REGION,
  ActorKind.STATE_SERVICE,
  ActorKind.SCHOOL,
  ActorKind.RESEARCH_LAB,
  ActorKind.WORK_INTEGRATION,
]);
const ASSOCIATIVE_KINDS = new Set<ActorKind>([
  ActorKind.ASSOCIATION,
  ActorKind.NETWORK_HEAD,
  ActorKind.SUPPORT_STRUCTURE,
]);

/** Default identifier block of an id prefix (two digits, 10–99). */
export function defaultIdentifierBlock(idPrefix: string): number {
  return 10 + (fnv1a(idPrefix) % 90);
}

/**
 * Number of actors of each kind: KIND_MIX shares by largest remainder, at least one of every
 * kind when count ≥ the number of kinds. Deterministic, independent of the seed.
 */
export function kindQuotas(count: number): Record<ActorKind, number> {
  const quotas = {} as Record<ActorKind, number>;
  const minimum = count >= ALL_KINDS.length ? 1 : 0;
  let assigned = 0;
  const remainders: [ActorKind, number][] = [];
  for (const kind of ALL_KINDS) {
    const exact = count * KIND_MIX[kind];
    quotas[kind] = Math.max(minimum, Math.floor(exact));
    assigned += quotas[kind];
    remainders.push([kind, exact - Math.floor(exact)]);
  }
  remainders.sort((a, b) => b[1] - a[1] || ALL_KINDS.indexOf(a[0]) - ALL_KINDS.indexOf(b[0]));
  for (let i = 0; assigned < count; i = (i + 1) % remainders.length) {
    quotas[remainders[i][0]]++;
    assigned++;
  }
  // Minimums may overshoot for small counts: take back from the largest kinds.
  while (assigned > count) {
    const largest = ALL_KINDS.reduce((a, b) => (quotas[b] > quotas[a] ? b : a));
    quotas[largest]--;
    assigned--;
  }
  return quotas;
}

/**
 * Deterministic synthetic actors: the same options always give the same actors, in the same
 * order, with the same ids. See profiles.ts for the calibration.
 */
export function generateActors(options: GenerateActorsOptions): SyntheticActor[] {
  if (!Number.isInteger(options.count) || options.count < 0)
    throw new Error(`count must be a natural number: ${options.count}`);
  if (options.count === 0) return [];
  if (!options.communes.length) throw new Error('generateActors needs at least one commune');
  if (!options.competences.length) throw new Error('generateActors needs at least one competence');
  return new ActorGenerator(options).run();
}

interface PlacedActor {
  commune: Commune;
  actsIn: string[];
  name?: string;
}

interface ExchangeTables {
  offers: WeightedTable<number>;
  needs: WeightedTable<number>;
  field: Uint8Array;
}

class ActorGenerator {
  private readonly rng: Rng;
  private readonly names: NameFactory;
  private readonly issuer: IdentifierIssuer;
  private readonly idPrefix: string;
  private readonly communeTable: WeightedTable<Commune>;
  private readonly communesByEpci = new Map<string, Commune[]>();
  private readonly communesByDept = new Map<string, Commune[]>();
  private readonly communesByRegion = new Map<string, Commune[]>();
  private readonly epciTable: WeightedTable<string>;
  private readonly deptTable: WeightedTable<string>;
  private readonly regionTable: WeightedTable<string>;
  private readonly usedCommunes = new Set<string>();
  private readonly usedEpcis = new Set<string>();
  private readonly publicCount = new Map<string, number>();
  private readonly usedNames = new Set<string>();
  private readonly suffixes = new Map<string, number>();
  private readonly tables = new Map<string, ExchangeTables>();
  private readonly competences: CompetenceInput[];
  private readonly labels: Map<string, string>;
  private readonly sectorTables: {
    association: WeightedTable<Sector>;
    company: WeightedTable<Sector>;
    wi: WeightedTable<Sector>;
  };

  constructor(private readonly options: GenerateActorsOptions) {
    this.rng = new Rng(options.seed);
    this.names = new NameFactory(this.rng);
    this.idPrefix = options.idPrefix ?? 'syn';
    this.issuer = new IdentifierIssuer(
      options.identifierBlock ?? defaultIdentifierBlock(this.idPrefix),
      fnv1a(`${this.idPrefix}:${options.seed}`) % 1_000_000,
    );
    this.competences = options.competences;
    this.labels = new Map(options.competences.map((c) => [c.id, c.label ?? c.id]));
    this.communeTable = new WeightedTable(options.communes.map((c) => [c, placementWeight(c)] as const));
    const popByEpci = new Map<string, number>();
    const popByDept = new Map<string, number>();
    const popByRegion = new Map<string, number>();
    for (const c of options.communes) {
      if (c.epci) {
        push(this.communesByEpci, c.epci, c);
        popByEpci.set(c.epci, (popByEpci.get(c.epci) ?? 0) + placementWeight(c));
      }
      push(this.communesByDept, c.departement, c);
      popByDept.set(c.departement, (popByDept.get(c.departement) ?? 0) + placementWeight(c));
      push(this.communesByRegion, c.region, c);
      popByRegion.set(c.region, (popByRegion.get(c.region) ?? 0) + placementWeight(c));
    }
    this.epciTable = new WeightedTable([...popByEpci.entries()]);
    this.deptTable = new WeightedTable([...popByDept.entries()]);
    this.regionTable = new WeightedTable([...popByRegion.entries()]);
    const bySector = (sectors: Sector[]) => new WeightedTable(sectors.map((s) => [s, s.share] as const));
    this.sectorTables = {
      association: bySector(ASSOCIATION_SECTORS),
      company: bySector(COMPANY_SECTORS),
      wi: bySector(WORK_INTEGRATION_SECTORS),
    };
  }

  run(): SyntheticActor[] {
    const quotas = kindQuotas(this.options.count);
    const kinds: ActorKind[] = [];
    for (const kind of ALL_KINDS) for (let i = 0; i < quotas[kind]; i++) kinds.push(kind);
    this.rng.shuffle(kinds);
    return kinds.map((kind, index) => this.actor(kind, index));
  }

  private actor(kind: ActorKind, index: number): SyntheticActor {
    const rng = this.rng;
    const profile = KIND_PROFILES[kind];
    const sector = this.sectorOf(kind);
    const placed = this.place(kind, profile);
    const commune = placed.commune;
    const sizeBand =
      kind === ActorKind.COMMUNE ? communeSize(commune.population) : rng.weighted(profile.sizeBands);
    const name = this.uniqueName(placed.name ?? this.nameOf(kind, sector, commune), commune);

    const tables = this.exchangeTables(kind, profile, sector);
    const extra = sizeBand === SizeBand.LARGE || sizeBand === SizeBand.MEDIUM ? 1 : 0;
    const offerIds = this.drawDistinct(
      tables.offers,
      rng.int(profile.offers[0], profile.offers[1]) + extra,
      [],
    );
    const needIds = this.drawDistinct(tables.needs, rng.int(profile.needs[0], profile.needs[1]), offerIds);
    const offers = offerIds.map((i) => {
      const c = this.competences[i];
      let level = rng.weighted(profile.levels.map((w, l) => [(l + 1) as Level, w] as const));
      if (tables.field[i] && level < 3 && rng.chance(0.5)) level = (level + 1) as Level;
      return { competenceId: c.id, modality: this.modalityOf(c, profile), level };
    });
    const needs = needIds.map((i) => {
      const c = this.competences[i];
      const weights = c.id.startsWith('funding') ? [0.15, 0.4, 0.45] : [0.3, 0.45, 0.25];
      return {
        competenceId: c.id,
        priority: rng.weighted(weights.map((w, p) => [(p + 1) as Priority, w] as const)),
      };
    });

    const identifiers: { siren?: string; rna?: string } = {};
    const associative =
      ASSOCIATIVE_KINDS.has(kind) || (kind === ActorKind.WORK_INTEGRATION && rng.chance(0.6));
    if (associative) identifiers.rna = this.issuer.nextRna();
    if (SIREN_KINDS.has(kind) || (associative && sizeBand !== SizeBand.NONE && rng.chance(0.8))) {
      identifiers.siren = this.issuer.nextSiren();
    }

    const actor: SyntheticActor = {
      externalId: `${this.idPrefix}-${String(index + 1).padStart(6, '0')}`,
      name,
      kind,
      family: familyOfKind(kind),
      ...identifiers,
      sizeBand,
      description: '',
      communeCode: commune.code,
      actsIn: placed.actsIn,
      offers,
      needs,
      causes: this.causesOf(kind, profile, sector),
      allianceForms: this.formsOf(profile),
    };
    actor.description = this.describe(actor, sector, commune);
    return actor;
  }

  private sectorOf(kind: ActorKind): Sector | undefined {
    switch (kind) {
      case ActorKind.ASSOCIATION:
      case ActorKind.FOUNDATION:
      case ActorKind.CORPORATE_FOUNDATION:
      case ActorKind.NETWORK_HEAD:
        return this.rng.draw(this.sectorTables.association);
      case ActorKind.COMPANY:
        return this.rng.draw(this.sectorTables.company);
      case ActorKind.WORK_INTEGRATION:
        return this.rng.draw(this.sectorTables.wi);
      default:
        return undefined;
    }
  }

  /** Where the actor sits and acts; public collectivities act on their own territory. */
  private place(kind: ActorKind, profile: KindProfile): PlacedActor {
    const rng = this.rng;
    switch (kind) {
      case ActorKind.COMMUNE: {
        const commune = this.drawUnused(this.communeTable, this.usedCommunes, (c) => c.code);
        const name = this.territoryName(commune.code, commune.name);
        return {
          commune,
          actsIn: [commune.code],
          name: rng.chance(0.5) ? `Ville ${deCommune(name)}` : `Mairie ${deCommune(name)}`,
        };
      }
      case ActorKind.EPCI: {
        if (!this.epciTable.size) break;
        const epci = this.drawUnused(this.epciTable, this.usedEpcis, (e) => e);
        const commune = largest(this.communesByEpci.get(epci)!);
        return { commune, actsIn: [epci], name: this.territoryName(epci) };
      }
      case ActorKind.DEPARTEMENT: {
        const dept = rng.draw(this.deptTable);
        const n = this.bump(`d:${dept}`);
        const label = `Département ${deDepartement(this.territoryName(dept))}`;
        if (n === 1) return { commune: largest(this.communesByDept.get(dept)!), actsIn: [dept], name: label };
        const commune = this.drawIn(this.communesByDept.get(dept)!);
        return {
          commune,
          actsIn: [dept],
          name: `${label} – Maison du Département ${deCommune(this.communeName(commune))}`,
        };
      }
      case ActorKind.REGION: {
        const region = rng.draw(this.regionTable);
        const n = this.bump(`r:${region}`);
        const label = `Région ${this.territoryName(region)}`;
        if (n === 1)
          return { commune: largest(this.communesByRegion.get(region)!), actsIn: [region], name: label };
        const commune = this.drawIn(this.communesByRegion.get(region)!);
        return {
          commune,
          actsIn: [region],
          name: `${label} – antenne ${deCommune(this.communeName(commune))}`,
        };
      }
      default:
        break;
    }
    const commune = rng.draw(this.communeTable);
    const actsIn = [commune.code];
    if (commune.epci && rng.chance(profile.reach.epci)) actsIn.push(commune.epci);
    if (rng.chance(profile.reach.departement)) actsIn.push(commune.departement);
    if (rng.chance(profile.reach.region)) actsIn.push(commune.region);
    return { commune, actsIn };
  }

  private nameOf(kind: ActorKind, sector: Sector | undefined, commune: Commune): string {
    const place: NamePlace = {
      commune: this.communeName(commune),
      communePopulation: commune.population,
      departement: this.territoryName(commune.departement),
      region: this.territoryName(commune.region),
      ...(commune.epci ? { epci: this.territoryName(commune.epci) } : {}),
    };
    const key = sector?.key ?? '';
    switch (kind) {
      case ActorKind.ASSOCIATION:
        return this.names.association(key, place);
      case ActorKind.COMPANY:
        return this.names.company(key, place);
      case ActorKind.FOUNDATION:
        return this.names.foundation();
      case ActorKind.CORPORATE_FOUNDATION:
        return this.names.corporateFoundation(place);
      case ActorKind.STATE_SERVICE:
        return this.names.stateService(place);
      case ActorKind.SCHOOL:
        return this.names.school(place);
      case ActorKind.RESEARCH_LAB:
        return this.names.researchLab();
      case ActorKind.WORK_INTEGRATION:
        return this.names.workIntegration(key, place);
      case ActorKind.NETWORK_HEAD:
        return this.names.networkHead(key, place);
      case ActorKind.SUPPORT_STRUCTURE:
        return this.names.supportStructure(place);
      default:
        // An EPCI actor without EPCI data: an intercommunal syndicate around its commune.
        return `Syndicat intercommunal ${deCommune(place.commune)}`;
    }
  }

  private uniqueName(name: string, commune: Commune): string {
    if (!this.usedNames.has(name)) {
      this.usedNames.add(name);
      return name;
    }
    const communeName = this.communeName(commune);
    const base = name.includes(communeName) ? name : `${name} – ${communeName}`;
    if (!this.usedNames.has(base)) {
      this.usedNames.add(base);
      return base;
    }
    let n = this.suffixes.get(base) ?? 2;
    while (this.usedNames.has(`${base} (${n})`)) n++;
    this.suffixes.set(base, n + 1);
    const candidate = `${base} (${n})`;
    this.usedNames.add(candidate);
    return candidate;
  }

  /** Offer and need draw tables for a kind and sector: popularity × kind affinity × field boost. */
  private exchangeTables(kind: ActorKind, profile: KindProfile, sector: Sector | undefined): ExchangeTables {
    const key = `${kind}|${sector?.key ?? ''}`;
    const cached = this.tables.get(key);
    if (cached) return cached;
    const field = new Uint8Array(this.competences.length);
    const offers: [number, number][] = [];
    const needs: [number, number][] = [];
    this.competences.forEach((c, i) => {
      const inField = sector ? sector.field.some((p) => c.id === p || c.id.startsWith(`${p}.`)) : false;
      field[i] = inField ? 1 : 0;
      offers.push([
        i,
        c.popularity * affinity(profile.offerAffinity, c.id) * (inField ? profile.offerField : 1),
      ]);
      needs.push([
        i,
        c.popularity * affinity(profile.needAffinity, c.id) * (inField ? profile.needField : 1),
      ]);
    });
    const tables = { offers: new WeightedTable(offers), needs: new WeightedTable(needs), field };
    this.tables.set(key, tables);
    return tables;
  }

  /** Up to `n` distinct competences, none equal to, above or below one in `exclude` or already drawn. */
  private drawDistinct(table: WeightedTable<number>, n: number, exclude: number[]): number[] {
    const chosen: number[] = [];
    const related = (i: number) =>
      chosen.some((j) => relatedIds(this.competences[i].id, this.competences[j].id)) ||
      exclude.some((j) => relatedIds(this.competences[i].id, this.competences[j].id));
    for (let tries = 0; chosen.length < n && tries < n * 20 && table.size > 0; tries++) {
      const i = this.rng.draw(table);
      if (!related(i)) chosen.push(i);
    }
    return chosen;
  }

  private modalityOf(c: CompetenceInput, profile: KindProfile): Modality {
    if (c.modalities.length <= 1) return c.modalities[0] ?? Modality.SKILLS;
    return this.rng.weighted(c.modalities.map((m) => [m, profile.modalities[m] ?? 0.3] as const));
  }

  private causesOf(kind: ActorKind, profile: KindProfile, sector: Sector | undefined): number[] {
    const typical = sector?.sdgs ?? KIND_SDGS[kind] ?? [17];
    const weights = new Float64Array(18).fill(0.15); // index = SDG number, 0 unused
    weights[0] = 0;
    typical.forEach((sdg, rank) => (weights[sdg] = CAUSE_RANK_WEIGHTS[rank] ?? 1));
    if (kind === ActorKind.COMPANY) for (const sdg of [8, 12, 13, 5]) weights[sdg] += 1;
    if (kind === ActorKind.NETWORK_HEAD || kind === ActorKind.SUPPORT_STRUCTURE) weights[17] += 3;
    const n = this.rng.int(profile.causes[0], profile.causes[1]);
    const chosen: number[] = [];
    while (chosen.length < n) {
      let total = 0;
      for (let sdg = 1; sdg <= 17; sdg++) total += weights[sdg];
      let target = this.rng.float() * total;
      let pick = 17;
      for (let sdg = 1; sdg <= 17; sdg++) {
        target -= weights[sdg];
        if (target < 0 && weights[sdg] > 0) {
          pick = sdg;
          break;
        }
      }
      if (weights[pick] === 0) break; // every SDG already chosen
      chosen.push(pick);
      weights[pick] = 0;
    }
    return chosen.sort((a, b) => a - b);
  }

  private formsOf(profile: KindProfile): AllianceForm[] {
    const forms = ALL_FORMS.filter((f) => this.rng.chance(profile.forms[f]));
    if (forms.length) return forms;
    return [ALL_FORMS.reduce((a, b) => (profile.forms[b] > profile.forms[a] ? b : a))];
  }

  private describe(actor: SyntheticActor, sector: Sector | undefined, commune: Commune): string {
    const label = (id: string) => (this.labels.get(id) ?? id).toLowerCase();
    const what = sector
      ? `${ACTOR_KIND_LABELS_FR[actor.kind]} ${sector.label}`
      : ACTOR_KIND_LABELS_FR[actor.kind];
    const parts = [`${what} à ${this.communeName(commune)}.`];
    if (actor.offers.length)
      parts.push(
        `Apporte : ${actor.offers
          .slice(0, 3)
          .map((o) => label(o.competenceId))
          .join(', ')}.`,
      );
    if (actor.needs.length)
      parts.push(
        `Recherche : ${actor.needs
          .slice(0, 3)
          .map((o) => label(o.competenceId))
          .join(', ')}.`,
      );
    return parts.join(' ');
  }

  private drawUnused<T>(table: WeightedTable<T>, used: Set<string>, keyOf: (item: T) => string): T {
    for (let tries = 0; tries < 40; tries++) {
      const item = this.rng.draw(table);
      if (!used.has(keyOf(item))) {
        used.add(keyOf(item));
        return item;
      }
    }
    const free = table.items.find((item) => !used.has(keyOf(item)));
    if (free !== undefined) {
      used.add(keyOf(free));
      return free;
    }
    return this.rng.draw(table); // every one taken: the name gets a suffix
  }

  private drawIn(communes: Commune[]): Commune {
    return this.rng.weighted(communes.map((c) => [c, placementWeight(c)] as const));
  }

  private bump(key: string): number {
    const n = (this.publicCount.get(key) ?? 0) + 1;
    this.publicCount.set(key, n);
    return n;
  }

  private communeName(c: Commune): string {
    return c.name ?? this.options.territoryNames?.[c.code] ?? `commune ${c.code}`;
  }

  private territoryName(code: string, fallback?: string): string {
    return fallback ?? this.options.territoryNames?.[code] ?? code;
  }
}

const CAUSE_RANK_WEIGHTS = [6, 3, 2, 1.5, 1.2];

/** Placement weight: population, with a floor so small villages still host the odd actor. */
function placementWeight(c: Commune): number {
  return max(c.population, 50);
}

function communeSize(population: number): SizeBand {
  if (population < 2_000) return SizeBand.MICRO;
  if (population < 10_000) return SizeBand.SMALL;
  if (population < 50_000) return SizeBand.MEDIUM;
  return SizeBand.LARGE;
}

/** Longest-prefix affinity: "funding.sponsorship.corporate" → "funding.sponsorship" → "funding" → "*". */
function affinity(table: Record<string, number>, id: string): number {
  let key = id;
  for (;;) {
    const value = table[key];
    if (value !== undefined) return value;
    const dot = key.lastIndexOf('.');
    if (dot < 0) return table['*'] ?? 1;
    key = key.slice(0, dot);
  }
}

function relatedIds(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function largest(communes: Commune[]): Commune {
  return communes.reduce((a, b) => (b.population > a.population ? b : a));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
