import { Injectable } from '@nestjs/common';
import { PairContext, ScoringActor, ScoringContext, Taxonomy, rarityFromCounts } from '@maillage/scoring';
import { ScoringDataRepository } from './scoring-data.repository';
import { Principal, Role } from '@maillage/auth';

const TAXONOMY_TTL_MS = 60_000;
const RARITY_TTL_MS = 10_000;

/** Whose events a caller's live scores may use for "met before": admins all, a lab its own, anonymous none. */
export function metBeforeScope(p: Principal): string[] | null {
  if (p.kind !== 'user') return [];
  return p.role === Role.ADMIN ? null : [p.organisationId];
}

/**
 * Context for live scores (explanations, local causes, triads, event pair weights): the taxonomy and the
 * population's competence rarity are cached briefly; alliances and past meetings (met-before penalty) are read for the actors at hand.
 */
@Injectable()
export class ScoringContextService {
  private taxonomy: { value: Promise<Taxonomy>; at: number } | null = null;
  private rarity: { value: Promise<ScoringContext['rarity']>; at: number } | null = null;

  constructor(private readonly data: ScoringDataRepository) {}

  /**
   * The actors (by id) and a scoring context knowing their alliances. `metBeforeOf`: the
   * organisations whose events count as "met before" (a caller learns nothing of another lab's
   * events: see metBeforeScope); absent, every event.
   */
  async forActors(
    ids: readonly string[],
    options: { metBefore?: boolean; metBeforeOf?: readonly string[] | null } = {},
  ): Promise<{ actors: Map<string, ScoringActor>; ctx: ScoringContext }> {
    const [actors, alliances, memberships, metBefore, taxonomy, rarity] = await Promise.all([
      this.data.actors(ids),
      this.data.alliancesOf(ids),
      this.data.memberships(ids),
      options.metBefore === false ? [] : this.data.metBefore(ids, options.metBeforeOf ?? null),
      this.cachedTaxonomy(),
      this.cachedRarity(),
    ]);
    return {
      actors: new Map(actors.map((a) => [a.id, a])),
      ctx: { taxonomy, rarity, pairs: new PairContext({ alliances, metBefore, memberships }) },
    };
  }

  cachedTaxonomy(): Promise<Taxonomy> {
    if (!this.taxonomy || Date.now() - this.taxonomy.at > TAXONOMY_TTL_MS) {
      const value = this.data.taxonomy().then((nodes) => new Taxonomy(nodes));
      value.catch(() => (this.taxonomy = null));
      this.taxonomy = { value, at: Date.now() };
    }
    return this.taxonomy.value;
  }

  private cachedRarity(): Promise<ScoringContext['rarity']> {
    if (!this.rarity || Date.now() - this.rarity.at > RARITY_TTL_MS) {
      const value = this.data
        .offerCounts()
        .then(({ population, counts }) => rarityFromCounts(population, counts));
      value.catch(() => (this.rarity = null));
      this.rarity = { value, at: Date.now() };
    }
    return this.rarity.value;
  }
}
