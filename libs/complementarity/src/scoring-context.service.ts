import { Injectable } from '@nestjs/common';
import { PairContext, ScoringActor, ScoringContext, Taxonomy, rarityFromCounts } from '@maillage/scoring';
import { ScoringDataRepository } from '@maillage/scoring-population';
import { Principal, Role } from '@maillage/auth';
import { ActorVisibilityParams, listVisibilityParams } from '@maillage/actors';

const TAXONOMY_TTL_MS = 60_000;
const RARITY_TTL_MS = 10_000;

/** Whose events a caller's live scores may use for "met before": admins all, a lab its own, anonymous none. */
export function metBeforeScope(p: Principal): string[] | null {
  if (p.kind !== 'user') return [];
  return p.role === Role.ADMIN ? null : [p.organisationId];
}

/** What a caller's live scores may know: its lab's events (met before), alliances with actors it sees (trust). */
export interface LiveScope {
  /** Organisations whose events count as "met before"; null: every event; absent or []: none. */
  metBeforeOf?: readonly string[] | null;
  /** Only alliances with partners visible to this caller count (common partners); absent: all. */
  alliancesVisibleTo?: ActorVisibilityParams;
}

export function viewerScope(p: Principal): LiveScope {
  return { metBeforeOf: metBeforeScope(p), alliancesVisibleTo: listVisibilityParams(p) };
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
   * The actors (by id) and a scoring context knowing their alliances, within a scope (a caller
   * learns nothing of another lab's events nor of alliances with actors it cannot see: see
   * viewerScope; an event uses its own lab's events). No scope: no met-before, every alliance.
   */
  async forActors(
    ids: readonly string[],
    scope: LiveScope = {},
  ): Promise<{ actors: Map<string, ScoringActor>; ctx: ScoringContext }> {
    const metBeforeOf = scope.metBeforeOf === undefined ? [] : scope.metBeforeOf;
    const [actors, alliances, memberships, metBefore, taxonomy, rarity] = await Promise.all([
      this.data.actors(ids),
      this.data.alliancesOf(ids, scope.alliancesVisibleTo),
      this.data.memberships(ids),
      metBeforeOf !== null && metBeforeOf.length === 0 ? [] : this.data.metBefore(ids, metBeforeOf),
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
