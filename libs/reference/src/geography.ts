import { readFileSync } from 'node:fs';
import { normaliseForSearch } from '@maillage/common';
import { TerritoryLevel } from '@maillage/domain';

/**
 * Official French administrative geography (COG) from `@etalab/decoupage-administratif`,
 * turned into territory rows with their PART_OF parents.
 *
 * Scope and choices (documented in libs/reference/README.md):
 * - Metropolitan France and the five DROM (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte):
 *   18 régions, 101 départements, every EPCI à fiscalité propre, every "commune-actuelle".
 *   Overseas collectivities (COM: Saint-Pierre-et-Miquelon, Polynésie…) are left out: they are
 *   neither régions nor départements in the COG sense.
 * - Communes déléguées / associées are left out (not current communes; their codes may repeat a
 *   current commune's code). Municipal arrondissements of Paris, Lyon and Marseille are not
 *   territories either: actors are located in the commune; use
 *   `communeOfMunicipalArrondissement()` to map an arrondissement code (e.g. 69383) to it.
 * - Parents: commune → its EPCI (primary, when it has one) and its département;
 *   EPCI → every département holding some of its member communes, the primary one being the
 *   département with the largest share of its population (the data set carries no seat);
 *   département → région. The EPCI code is its SIREN.
 * - Codes: Territory.code is unique across levels, but INSEE région codes collide with
 *   département codes (région 84 Auvergne-Rhône-Alpes vs département 84 Vaucluse; région 01
 *   Guadeloupe vs département 01 Ain). Départements, communes and EPCI keep their plain official
 *   code ("38", "2A", "971", "38185", "200040715"); régions get an "R" prefix ("R84", "R01"). Every
 *   row also carries its plain `inseeCode` ("84"). Use regionTerritoryCode() to build one.
 * - Population: commune = population municipale; EPCI = its populationMunicipale;
 *   département / région = sum of their communes.
 */

export interface TerritoryRow {
  /**
   * Unique territory code: INSEE code of a commune or département, SIREN of an EPCI, "R" + INSEE
   * code of a région ("R84"), because région and département INSEE codes overlap.
   */
  code: string;
  /** The plain official code (région "84", département "38", commune "38185", EPCI SIREN). */
  inseeCode: string;
  level: TerritoryLevel;
  /** Official French name. */
  name: string;
  /** Normalised name for search (normaliseForSearch of @maillage/common). */
  searchName: string;
  population?: number;
  /** Territories this one is PART_OF, the primary (hierarchical) parent first. */
  parentCodes: string[];
  /** Communes: their EPCI when they have one. */
  epciCode?: string;
  /** Communes and départements: their département code (départements: their own). */
  departementCode?: string;
  /** Communes, EPCI (primary), départements, régions: their région territory code ("R84"). */
  regionCode?: string;
  /** EPCI: legal form (CC, CA, CU, METRO, MET69). */
  epciType?: string;
}

export interface FrenchGeography {
  /** "<package version>+<transform version>", recorded on the SeedVersion node. */
  version: string;
  /** Sorted département codes when built for a subset, undefined for all of France. */
  departements?: string[];
  regions: TerritoryRow[];
  departementRows: TerritoryRow[];
  epcis: TerritoryRow[];
  communes: TerritoryRow[];
  /** Régions, départements, EPCI then communes: parents always precede children. */
  territories: TerritoryRow[];
}

export interface BuildGeographyOptions {
  /** Only these départements (e.g. ['38']), with their régions, the EPCI touching them and their communes. */
  departements?: string[];
}

/** Bump when the transformation (not the data) changes, so seeded databases are refreshed. */
export const GEOGRAPHY_TRANSFORM_VERSION = '1';

interface RawRegion {
  code: string;
  nom: string;
  zone: string;
}
interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}
interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  population?: number;
  commune?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}

const PACKAGE = '@etalab/decoupage-administratif';
const KEPT_ZONES = new Set(['metro', 'drom']);

function readData<T>(file: string): T {
  // The package's index.js resolves ./data from the current directory: read its JSON directly.
  return JSON.parse(readFileSync(require.resolve(`${PACKAGE}/data/${file}`), 'utf8')) as T;
}

let rawCache:
  | { regions: RawRegion[]; departements: RawDepartement[]; communes: RawCommune[]; epcis: RawEpci[] }
  | undefined;

function rawData() {
  rawCache ??= {
    regions: readData<RawRegion[]>('regions.json'),
    departements: readData<RawDepartement[]>('departements.json'),
    communes: readData<RawCommune[]>('communes.json'),
    epcis: readData<RawEpci[]>('epci.json'),
  };
  return rawCache;
}

/** Version of the installed `@etalab/decoupage-administratif` data. */
export function etalabDataVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Version of the geography seed: "<etalab package version>+<transform version>". */
export function geographyVersion(): string {
  return `${etalabDataVersion()}+${GEOGRAPHY_TRANSFORM_VERSION}`;
}

/** Territory code of a région from its INSEE code: "84" → "R84" (idempotent on "R84"). */
export function regionTerritoryCode(inseeCode: string): string {
  return inseeCode.startsWith('R') ? inseeCode : `R${inseeCode}`;
}

/** "75056" for "75112"; undefined when the code is not a municipal arrondissement. */
export function communeOfMunicipalArrondissement(code: string): string | undefined {
  return rawData().communes.find((c) => c.type === 'arrondissement-municipal' && c.code === code)?.commune;
}

/** Builds the territory rows for all of France (metropolitan + DROM) or for some départements. */
export function buildFrenchGeography(options: BuildGeographyOptions = {}): FrenchGeography {
  const raw = rawData();
  const departements = raw.departements.filter((d) => KEPT_ZONES.has(d.zone));
  const known = new Set(departements.map((d) => d.code));
  let selected: Set<string> | undefined;
  if (options.departements) {
    const unknown = options.departements.filter((code) => !known.has(code));
    if (unknown.length) throw new Error(`Unknown département code(s): ${unknown.join(', ')}`);
    selected = new Set(options.departements);
  }
  const inScope = (departementCode: string) =>
    known.has(departementCode) && (!selected || selected.has(departementCode));

  // Communes (all current ones, to compute EPCI département shares even outside the scope).
  const allCommunes = raw.communes.filter((c) => c.type === 'commune-actuelle' && KEPT_ZONES.has(c.zone));
  const communeByCode = new Map(allCommunes.map((c) => [c.code, c]));
  const epciOfCommune = new Map<string, string>();
  const epciRows: TerritoryRow[] = [];
  for (const epci of raw.epcis) {
    const popByDept = new Map<string, number>();
    for (const member of epci.membres) {
      const commune = communeByCode.get(member.code);
      if (!commune) continue;
      popByDept.set(
        commune.departement,
        (popByDept.get(commune.departement) ?? 0) + (commune.population ?? 0),
      );
    }
    const depts = [...popByDept.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code]) => code);
    if (!depts.length || !depts.some(inScope)) continue;
    for (const member of epci.membres)
      if (communeByCode.has(member.code)) epciOfCommune.set(member.code, epci.code);
    const primary = departements.find((d) => d.code === depts[0]);
    epciRows.push({
      code: epci.code,
      level: TerritoryLevel.EPCI,
      name: epci.nom,
      searchName: normaliseForSearch(epci.nom),
      ...(epci.populationMunicipale !== undefined ? { population: epci.populationMunicipale } : {}),
      // Every département it spans, primary first — also those outside a partial build (the
      // seeder links only the parents present in the graph).
      parentCodes: depts,
      departementCode: depts[0],
      inseeCode: epci.code,
      ...(primary ? { regionCode: regionTerritoryCode(primary.region) } : {}),
      epciType: epci.type,
    });
  }

  const communeRows: TerritoryRow[] = [];
  const popByDept = new Map<string, number>();
  for (const c of allCommunes) {
    popByDept.set(c.departement, (popByDept.get(c.departement) ?? 0) + (c.population ?? 0));
    if (!inScope(c.departement)) continue;
    const epci = epciOfCommune.get(c.code);
    communeRows.push({
      code: c.code,
      level: TerritoryLevel.COMMUNE,
      inseeCode: c.code,
      name: c.nom,
      searchName: normaliseForSearch(c.nom),
      ...(c.population !== undefined ? { population: c.population } : {}),
      parentCodes: epci ? [epci, c.departement] : [c.departement],
      ...(epci ? { epciCode: epci } : {}),
      departementCode: c.departement,
      regionCode: regionTerritoryCode(c.region),
    });
  }

  const departementRows: TerritoryRow[] = departements
    .filter((d) => inScope(d.code))
    .map((d) => ({
      code: d.code,
      inseeCode: d.code,
      level: TerritoryLevel.DEPARTEMENT,
      name: d.nom,
      searchName: normaliseForSearch(d.nom),
      population: popByDept.get(d.code) ?? 0,
      parentCodes: [regionTerritoryCode(d.region)],
      departementCode: d.code,
      regionCode: regionTerritoryCode(d.region),
    }));
  const regionCodes = new Set(departementRows.map((d) => d.regionCode));
  const regionRows: TerritoryRow[] = raw.regions
    .filter((r) => KEPT_ZONES.has(r.zone) && regionCodes.has(regionTerritoryCode(r.code)))
    .map((r) => ({
      code: regionTerritoryCode(r.code),
      inseeCode: r.code,
      level: TerritoryLevel.REGION,
      name: r.nom,
      searchName: normaliseForSearch(r.nom),
      // Whole région, even when only some of its départements are built.
      population: departements
        .filter((d) => d.region === r.code)
        .reduce((sum, d) => sum + (popByDept.get(d.code) ?? 0), 0),
      parentCodes: [],
      regionCode: regionTerritoryCode(r.code),
    }));

  return {
    version: geographyVersion(),
    ...(selected ? { departements: [...selected].sort() } : {}),
    regions: regionRows,
    departementRows,
    epcis: epciRows,
    communes: communeRows,
    territories: [...regionRows, ...departementRows, ...epciRows, ...communeRows],
  };
}
