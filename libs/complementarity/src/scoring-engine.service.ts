import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { ScoringIndex, searcherFor } from '@maillage/candidate-search';
import { ScoringThreads, resourcesOf } from '@maillage/scoring-threads';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { MODEL_VERSION, ScoringProfile } from '@maillage/scoring';
import {
  FORM_ORDER,
  StoredPartner,
  entersStoredRow,
  formSearcherFor,
  storedRow,
} from '@maillage/alliance-forms';
import { EdgePartner, FORM_K } from './complements-edge';
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

/** From this many actors, scoreAndWrite computes the rows on worker threads, overlapped with the writes. */
export const PIPELINE_MIN_ACTORS = 1000;

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

  /**
   * Stored rows of the given actors (ids absent from the snapshot are skipped): the blended top-k
   * (each pair ranked by its best form) ∪ the top FORM_K of each form (storedRow), on this thread.
   */
  topK(
    snapshot: PopulationSnapshot,
    ids: readonly string[],
    profile: ScoringProfile,
    k = STORED_K,
  ): EdgeRow[] {
    const ix = snapshot.index;
    const searcher = searcherFor(ix, profile);
    const forms = formSearcherFor(ix, profile);
    const rows: EdgeRow[] = [];
    for (const id of ids) {
      const a = ix.indexOf(id);
      if (a < 0) continue;
      rows.push(edgeRow(ix, a, storedRow(forms, a, resourcesOf(searcher, a, k), k, FORM_K)));
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
    // Pipeline: the worker threads compute the rows of batch i + 1 (every form) while Neo4j writes
    // batch i (one write in flight).
    const ix = snapshot.index;
    const idxs = ids.map((id) => ix.indexOf(id)).filter((a) => a >= 0);
    const batches: number[][] = [];
    for (let i = 0; i < idxs.length; i += WRITE_BATCH) batches.push(idxs.slice(i, i + WRITE_BATCH));
    const compute = (batch: number[]) => {
      const run = this.threads.storedRows(ix, p, { actors: batch, k: STORED_K, formK: FORM_K });
      run.catch(() => undefined); // awaited later: its failure must not count as unhandled meanwhile
      return run;
    };
    let edges = 0;
    let writing: Promise<number> = Promise.resolve(0);
    let computing = batches.length ? compute(batches[0]) : null;
    try {
      for (let i = 0; i < batches.length; i++) {
        const stored = await computing!;
        computing = i + 1 < batches.length ? compute(batches[i + 1]) : null;
        const rows = stored.map((row, r) => edgeRow(ix, batches[i][r], row));
        edges += await writing;
        writing = this.edges.replace(rows, stamp);
        writing.catch(() => undefined); // awaited at the next batch: not unhandled meanwhile
      }
    } finally {
      await computing?.catch(() => undefined); // rows computed for a batch never written
    }
    edges += await writing;
    return { actors: idxs.length, edges };
  }

  /**
   * After an actor's profile (or alliances) changed: its own list, plus the lists it appears in
   * (previous in-neighbours, it may drop out) and the lists it now enters: among its best partners
   * (searched wider than K because scores are symmetric but ranks are not), those whose stored
   * blended 20th or form 10th score the pair reaches. The other lists would come out unchanged, so
   * they are not rewritten (an edit costs a few lists' writes, not ~75).
   */
  async rescoreActor(actorId: string): Promise<{ actors: number; edges: number; skipped?: string }> {
    const [snapshot, profile] = await Promise.all([
      this.population.refreshed([actorId]),
      this.activeProfile(),
    ]);
    const idx = snapshot.index.indexOf(actorId);
    if (idx < 0) return { actors: 0, edges: 0, skipped: 'actor no longer exists' };
    const [own] = this.topK(snapshot, [actorId], profile, STORED_K * 3);
    // (its best partners of every form are among `own`: topK keeps each form's top FORM_K)
    const before = new Set(await this.edges.inNeighbours(actorId));
    const newcomers = own.partners.filter((p) => !before.has(p.id));
    const stored = await this.edges.storedScores(newcomers.map((p) => p.id));
    const entered = newcomers.filter((p) => entersStoredRow(p, stored.get(p.id), STORED_K, FORM_K));
    const affected = new Set<string>([actorId, ...before, ...entered.map((p) => p.id)]);
    return this.scoreAndWrite(snapshot, [...affected].sort(), profile);
  }
}

/** A stored row as COMPLEMENTS edge properties (ids, ranks, values rounded). */
function edgeRow(ix: ScoringIndex, a: number, row: readonly StoredPartner[]): EdgeRow {
  return {
    id: ix.ids[a],
    partners: row.map((x, i): EdgePartner => ({
      id: ix.ids[x.idx],
      score: round(x.scores[x.best]),
      form: FORM_ORDER[x.best],
      forms: x.scores.map(round),
      rank: i + 1,
      forward: round(x.forward),
      backward: round(x.backward),
      components: x.components.map(round),
    })),
  };
}
