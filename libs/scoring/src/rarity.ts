import type { ScoringActor } from './types';

/**
 * IDF-like rarity of competences over a population: rarity(c) = 1 + ln((N + 1) / (offerers(c) + 1)),
 * where offerers(c) counts actors offering c exactly. A competence nobody offers gets the maximum.
 */
export class Rarity {
  constructor(
    readonly population: number,
    private readonly offerers: ReadonlyMap<string, number>,
  ) {}

  offererCount(competenceId: string): number {
    return this.offerers.get(competenceId) ?? 0;
  }

  of(competenceId: string): number {
    return rarityValue(this.population, this.offerers.get(competenceId) ?? 0);
  }

  /** Uniform rarity (every competence counts the same). */
  static uniform(): Rarity {
    return new Rarity(0, new Map());
  }
}

export function rarityValue(population: number, offerers: number): number {
  return 1 + Math.log((population + 1) / (offerers + 1));
}

/** Rarity from the actors themselves. */
export function buildRarity(actors: readonly ScoringActor[]): Rarity {
  const counts = new Map<string, number>();
  for (const a of actors) {
    const offers = a.offers;
    for (let i = 0; i < offers.length; i++) {
      const c = offers[i].competenceId;
      let dup = false;
      for (let j = 0; j < i && !dup; j++) dup = offers[j].competenceId === c;
      if (!dup) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return new Rarity(actors.length, counts);
}

/** Rarity from counts read elsewhere (e.g. a Cypher count per competence). */
export function rarityFromCounts(
  population: number,
  offerers: ReadonlyMap<string, number> | Record<string, number>,
): Rarity {
  const map = offerers instanceof Map ? offerers : new Map(Object.entries(offerers));
  return new Rarity(population, map);
}
