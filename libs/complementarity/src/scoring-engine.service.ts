import { Injectable } from '@nestjs/common';
import { searcherFor } from '@maillage/candidate-search';
import { COMPONENT_COUNT, MODEL_VERSION, ScoringProfile } from '@maillage/scoring';
import { ComplementsRepository, EdgeRow, EdgeStamp } from './complements.repository';
import { PopulationService, PopulationSnapshot } from './population.service';
import { ScoringProfilesService } from '@maillage/scoring-profiles';

/**
 * Partners stored per actor (COMPLEMENTS edges). `partners` reads only these, so its limit is
 * capped at STORED_K (see ComplementarityService.partners).
 */
export const STORED_K = 20;

/** Rounded so stored edges (and their JSON) stay small and deterministic across runs. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Turns the pure top-K search into stored edges: for a set of actors, their top-K against the
 * whole population, written as COMPLEMENTS edges replacing the previous ones.
 *
 * Stored edges are computed with the platform's active profile (chosen by an admin, see
 * libs/scoring-profiles; the built-in DEFAULT_PROFILE until then), read fresh for every job so
 * a rebuild enqueued right after an activation uses the new profile. Each edge carries the
 * profile's slug (profileId) and version.
 */
@Injectable()
export class ScoringEngineService {
  constructor(
    private readonly population: PopulationService,
    private readonly edges: ComplementsRepository,
    private readonly profiles: ScoringProfilesService,
  ) {}

  /** The profile stored edges are computed with now. */
  async activeProfile(): Promise<ScoringProfile> {
    return (await this.profiles.platform()).profile;
  }

  stamp(profile: ScoringProfile): EdgeStamp {
    return {
      modelVersion: MODEL_VERSION,
      profileId: profile.id,
      profileVersion: profile.version,
      computedAt: new Date(),
    };
  }

  /** Top-K rows of the given actors (ids absent from the snapshot are skipped). */
  topK(
    snapshot: PopulationSnapshot,
    ids: readonly string[],
    profile: ScoringProfile,
    k = STORED_K,
  ): EdgeRow[] {
    const ix = snapshot.index;
    const searcher = searcherFor(ix, profile);
    const outIdx = new Int32Array(k);
    const outScore = new Float64Array(k);
    const outFwd = new Float32Array(k);
    const outBwd = new Float32Array(k);
    const outComp = new Float32Array(k * COMPONENT_COUNT);
    const rows: EdgeRow[] = [];
    for (const id of ids) {
      const a = ix.indexOf(id);
      if (a < 0) continue;
      const count = searcher.search(a, k, outIdx, outScore, 0, outFwd, outBwd, outComp);
      const partners = [];
      for (let i = 0; i < count; i++) {
        partners.push({
          id: ix.ids[outIdx[i]],
          score: round(outScore[i]),
          rank: i + 1,
          forward: round(outFwd[i]),
          backward: round(outBwd[i]),
          components: Array.from(outComp.subarray(i * COMPONENT_COUNT, (i + 1) * COMPONENT_COUNT), round),
        });
      }
      rows.push({ id, partners });
    }
    return rows;
  }

  /** Scores actors against the current population and replaces their edges. */
  async scoreAndWrite(
    snapshot: PopulationSnapshot,
    ids: readonly string[],
    profile?: ScoringProfile,
  ): Promise<{ actors: number; edges: number }> {
    const p = profile ?? (await this.activeProfile());
    const rows = this.topK(snapshot, ids, p);
    const edges = await this.edges.replace(rows, this.stamp(p));
    return { actors: rows.length, edges };
  }

  /**
   * After an actor's profile (or alliances) changed: its own list, plus the lists it appears in
   * (previous in-neighbours, it may drop out) and the lists it may now enter (its best partners,
   * searched wider than K because scores are symmetric but ranks are not).
   */
  async rescoreActor(actorId: string): Promise<{ actors: number; edges: number; skipped?: string }> {
    const [snapshot, profile] = await Promise.all([
      this.population.refreshed([actorId]),
      this.activeProfile(),
    ]);
    const idx = snapshot.index.indexOf(actorId);
    if (idx < 0) return { actors: 0, edges: 0, skipped: 'actor no longer exists' };
    const [own] = this.topK(snapshot, [actorId], profile, STORED_K * 3);
    const before = await this.edges.inNeighbours(actorId);
    const affected = new Set<string>([actorId, ...before, ...own.partners.map((p) => p.id)]);
    return this.scoreAndWrite(snapshot, [...affected].sort(), profile);
  }
}
