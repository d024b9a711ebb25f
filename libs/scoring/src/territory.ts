import { TerritoryLevel } from '@maillage/domain';
import type { ScoringProfile } from './profile';
import type { SharedTerritory, TerritoryRef } from './types';

/** Levels from the finest to the broadest; index = level rank used everywhere in the library. */
export const LEVELS: readonly TerritoryLevel[] = [
  TerritoryLevel.COMMUNE,
  TerritoryLevel.EPCI,
  TerritoryLevel.DEPARTEMENT,
  TerritoryLevel.REGION,
];

export function levelRank(level: TerritoryLevel): number {
  return LEVELS.indexOf(level);
}

export function tierValues(p: ScoringProfile): readonly [number, number, number, number] {
  const x = p.proximity;
  return [x.commune, x.epci, x.departement, x.region];
}

/** Location codes of a territory ref, by level rank (undefined when unknown). */
export function locationCodes(t: TerritoryRef): readonly (string | undefined)[] {
  return [t.commune, t.epci, t.departement, t.region];
}

/** Level-tagged keys ("2:38") of the location and of the territories acted in, deduplicated and sorted. */
export function territoryKeys(t: TerritoryRef): string[] {
  const keys = new Set<string>();
  locationCodes(t).forEach((code, rank) => {
    if (code) keys.add(`${rank}:${code}`);
  });
  for (const a of t.actsIn ?? []) {
    const rank = levelRank(a.level);
    if (rank >= 0 && a.code) keys.add(`${rank}:${a.code}`);
  }
  return [...keys].sort();
}

export interface ProximityResult {
  readonly value: number;
  readonly shared: SharedTerritory | null;
}

/**
 * Proximity: finest level where both are located (commune > EPCI > département > région), or, times
 * `actingFactor`, the finest level shared by where they are and where they act; the larger wins.
 */
export function proximity(a: TerritoryRef, b: TerritoryRef, p: ScoringProfile): ProximityResult {
  const tiers = tierValues(p);
  const la = locationCodes(a);
  const lb = locationCodes(b);
  let value = 0;
  let shared: SharedTerritory | null = null;
  for (let r = 0; r < 4; r++) {
    const code = la[r];
    if (code !== undefined && code !== '' && code === lb[r]) {
      value = tiers[r];
      shared = { level: LEVELS[r], code, via: 'location' };
      break;
    }
  }
  if ((a.actsIn?.length ?? 0) > 0 || (b.actsIn?.length ?? 0) > 0) {
    const kb = new Set(territoryKeys(b));
    let best = 4;
    let bestCode = '';
    for (const k of territoryKeys(a)) {
      if (!kb.has(k)) continue;
      const rank = Number(k.slice(0, 1));
      const code = k.slice(2);
      if (rank < best || (rank === best && code < bestCode)) {
        best = rank;
        bestCode = code;
      }
    }
    if (best < 4) {
      const acting = tiers[best] * p.proximity.actingFactor;
      if (acting > value) {
        value = acting;
        shared = { level: LEVELS[best], code: bestCode, via: 'actsIn' };
      }
    }
  }
  return { value, shared };
}
