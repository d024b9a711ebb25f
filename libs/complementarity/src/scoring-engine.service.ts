import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { ScoreAllResult, ScoringIndex, searcherFor } from '@maillage/candidate-search';
import { ScoringThreads } from '@maillage/scoring-threads';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { COMPONENT_COUNT, MODEL_VERSION, ScoringProfile } from '@maillage/scoring';
import { ComplementsRepository, EdgeRow, EdgeStamp, WRITE_BATCH } from './complements.repository';
import { PopulationService, PopulationSnapshot } from './population.service';
import { ScoringProfilesService } from '@maillage/scoring-profiles';

/**
 * Partners stored per actor (COMPLEMENTS edges). `partners` reads only these, so its limit is
 * capped at STORED_K (see ComplementarityService.partners).
 */
export const STORED_K = 20;

/** Rounded so stored edges (and their JSON) stay small and deterministic across runs. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** From this many actors, scoreAndWrite scores on worker threads, overlapped with the writes. */
export const PIPELINE_MIN_ACTORS = 1000;

/** Edge rows of scored rows (row r = actor `actorOf(r)`). */
function edgeRows(index: ScoringIndex, r: ScoreAllResult, actorOf: (row: number) => number): EdgeRow[] {
  const out: EdgeRow[] = [];
  for (let row = 0; row < r.counts.length; row++) {
    const partners: EdgeRow['partners'] = [];
    for (let i = 0; i < r.counts[row]; i++) {
      const q = row * r.k + i;
      const parts = [round(r.forward[q]), round(r.backward[q])];
      for (let c = 0; c < COMPONENT_COUNT; c++) parts.push(round(r.components![q * COMPONENT_COUNT + c]));
      partners.push({ id: index.ids[r.partners[q]], score: round(r.scores[q]), rank: i + 1, parts });
    }
    out.push({ id: index.ids[actorOf(row)], partners });
  }
  return out;
}

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
export class ScoringEngineService implements OnModuleDestroy {
  /** Started on first use (rebuild chunks); the API process never starts them. */
  private readonly threads: ScoringThreads;

  constructor(
    private readonly population: PopulationService,
    private readonly edges: ComplementsRepository,
    private readonly profiles: ScoringProfilesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.threads = new ScoringThreads(config.SCORING_THREADS || availableParallelism());
  }

  async onModuleDestroy(): Promise<void> {
    await this.threads.close();
  }

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
        const parts = [round(outFwd[i]), round(outBwd[i])];
        for (let c = 0; c < COMPONENT_COUNT; c++) parts.push(round(outComp[i * COMPONENT_COUNT + c]));
        partners.push({ id: ix.ids[outIdx[i]], score: round(outScore[i]), rank: i + 1, parts });
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
    const stamp = this.stamp(p);
    if (ids.length < PIPELINE_MIN_ACTORS) {
      const rows = this.topK(snapshot, ids, p);
      return { actors: rows.length, edges: await this.edges.replace(rows, stamp) };
    }
    // Pipeline: worker threads score batch i + 1 while Neo4j writes batch i (one write in flight).
    const ix = snapshot.index;
    const idxs = ids.map((id) => ix.indexOf(id)).filter((a) => a >= 0);
    let edges = 0;
    let writing: Promise<number> = Promise.resolve(0);
    try {
      for (let i = 0; i < idxs.length; i += WRITE_BATCH) {
        const batch = idxs.slice(i, i + WRITE_BATCH);
        const scored = await this.threads.score(ix, p, { actors: batch, k: STORED_K, withComponents: true });
        const rows = edgeRows(ix, scored, (r) => batch[r]);
        edges += await writing;
        writing = this.edges.replace(rows, stamp);
      }
    } finally {
      edges += await writing;
    }
    return { actors: idxs.length, edges };
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
