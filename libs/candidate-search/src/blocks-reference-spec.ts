/**
 * The string-based statement of territory blocking (see blocks.ts), kept as the reference the
 * integer layout is tested against (top-k.spec.ts, patch.spec.ts). Test support only: the index
 * never calls it.
 */
import { TerritoryLevel } from '@maillage/domain';
import { cmpStr, type Blocking, type ScoringActor } from '@maillage/scoring';

export interface GeoFacts {
  readonly actors: readonly ScoringActor[];
  /** commune → départements, EPCI → départements, département → région, région → départements. */
  readonly communeDepts: ReadonlyMap<string, ReadonlySet<string>>;
  readonly epciDepts: ReadonlyMap<string, ReadonlySet<string>>;
  readonly deptRegion: ReadonlyMap<string, string>;
  readonly regionDepts: ReadonlyMap<string, ReadonlySet<string>>;
}

function add(map: Map<string, Set<string>>, k: string, v: string): void {
  let s = map.get(k);
  if (!s) map.set(k, (s = new Set()));
  s.add(v);
}

export function collectGeo(actors: readonly ScoringActor[]): GeoFacts {
  const communeDepts = new Map<string, Set<string>>();
  const epciDepts = new Map<string, Set<string>>();
  const deptRegion = new Map<string, string>();
  const regionDepts = new Map<string, Set<string>>();
  for (const a of actors) {
    const t = a.territories;
    if (!t.departement) continue;
    if (t.commune) add(communeDepts, t.commune, t.departement);
    if (t.epci) add(epciDepts, t.epci, t.departement);
    if (t.region) {
      if (!deptRegion.has(t.departement)) deptRegion.set(t.departement, t.region);
      add(regionDepts, t.region, t.departement);
    }
  }
  return { actors, communeDepts, epciDepts, deptRegion, regionDepts };
}

/** Block codes of an actor at a blocking level (sorted, never empty: "?" when nothing is known). */
export function blockCodes(a: ScoringActor, blocking: Blocking, geo: GeoFacts): string[] {
  if (blocking === 'none') return [''];
  const t = a.territories;
  const depts = new Set<string>();
  const regions = new Set<string>();
  if (t.departement) depts.add(t.departement);
  if (t.region) regions.add(t.region);
  for (const x of t.actsIn ?? []) {
    if (!x.code) continue;
    switch (x.level) {
      case TerritoryLevel.COMMUNE:
        for (const d of geo.communeDepts.get(x.code) ?? []) depts.add(d);
        break;
      case TerritoryLevel.EPCI:
        for (const d of geo.epciDepts.get(x.code) ?? []) depts.add(d);
        break;
      case TerritoryLevel.DEPARTEMENT:
        depts.add(x.code);
        break;
      case TerritoryLevel.REGION:
        regions.add(x.code);
        if (blocking === 'departement') for (const d of geo.regionDepts.get(x.code) ?? []) depts.add(d);
        break;
    }
  }
  let codes: Set<string>;
  if (blocking === 'departement') codes = depts;
  else {
    codes = regions;
    for (const d of depts) {
      const r = geo.deptRegion.get(d);
      if (r) codes.add(r);
    }
  }
  return codes.size ? [...codes].sort(cmpStr) : ['?'];
}
