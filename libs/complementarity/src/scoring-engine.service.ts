import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { searcherFor } from '@maillage/candidate-search';
import { ScoringThreads, resourcesOf } from '@maillage/scoring-threads';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { MODEL_VERSION, ScoringProfile } from '@maillage/scoring';
import { entersStoredRow, formSearcherFor, storedPartnerValues, storedRow } from '@maillage/alliance-forms';
import { EdgePartner, FORM_K } from './complements-edge';
import {
  ComplementsRepository,
  EDIT_PRIORITY,
  EdgeRow,
  EdgeStamp,
  WRITE_BATCH,
} from './complements.repository';
import { PopulationService, PopulationSnapshot } from '@maillage/scoring-population';
import { ScoringProfilesService } from '@maillage/scoring-profiles';

/**
 * Partners stored per actor (COMPLEMENTS edges). `partners` reads only these, so its limit is
 * capped at STORED_K (see ComplementarityService.partners).
 */
export const STORED_K = 20;

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
      rows.push({
        id,
        partners: storedPartnerValues(ix.ids, storedRow(forms, a, resourcesOf(searcher, a, k), k, FORM_K)),
      });
    }
    return rows;
  }

  /** Scores actors against the current population and replaces their edges. */
  async scoreAndWrite(
    snapshot: PopulationSnapshot,
    ids: readonly string[],
    profile?: ScoringProfile,
  ): Promise<{ actors: number; edges: number; scoreMs?: number; writeMs?: number }> {
    const p = profile ?? (await this.activeProfile());
    const stamp = this.stamp(p);
    if (ids.length < PIPELINE_MIN_ACTORS) {
      // (scored, then written: the two times are apart here, unlike in the pipeline)
      const t0 = performance.now();
      const rows = this.topK(snapshot, ids, p);
      const t1 = performance.now();
      const edges = await this.edges.replace(rows, stamp, EDIT_PRIORITY);
      const ms = (x: number) => Math.round(x);
      return { actors: rows.length, edges, scoreMs: ms(t1 - t0), writeMs: ms(performance.now() - t1) };
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
        const rows = stored.map((row, r) => ({
          id: ix.ids[batches[i][r]],
          partners: storedPartnerValues(ix.ids, row),
        }));
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
  async rescoreActor(actorId: string): Promise<RescoreResult> {
    return this.rescoreActors([actorId]);
  }

  /**
   * rescoreActor for actors changed together, in one pass: one population refresh, and the union
   * of their affected lists computed and written once (a list two of them appear in is rewritten
   * once, not twice).
   */
  async rescoreActors(actorIds: readonly string[]): Promise<RescoreResult> {
    const t0 = performance.now();
    // The lists they are in now depend on no computation: Neo4j reads them while this thread
    // patches the index and searches their rows. (Not before a first full read of the population,
    // half a minute at 100k: lists written meanwhile would be missed.)
    const readInNeighbours = () => this.edges.inNeighboursOf([...new Set(actorIds)]);
    let inNeighbours = this.population.warm ? readInNeighbours() : null;
    inNeighbours?.catch(() => undefined); // awaited below: not unhandled if the refresh fails first
    const [snapshot, profile] = await Promise.all([
      this.population.refreshed(actorIds),
      this.activeProfile(),
    ]);
    const t1 = performance.now();
    const present = [...new Set(actorIds)].filter((id) => snapshot.index.indexOf(id) >= 0);
    if (present.length === 0) return { actors: 0, edges: 0, skipped: 'no such actor any more' };
    // (their best partners of every form are among these rows: topK keeps each form's top FORM_K)
    const own = this.topK(snapshot, present, profile, STORED_K * 3);
    const tOwn = performance.now();
    // the stored rows of all their best partners, not only of those that are not yet in a list
    // with them (a few more rows read, one round trip less)
    const partnerIds = [...new Set(own.flatMap((row) => row.partners.map((p) => p.id)))];
    inNeighbours ??= readInNeighbours();
    const [before, stored] = await Promise.all([inNeighbours, this.edges.storedScores(partnerIds)]);
    const affected = new Set<string>(present);
    const newcomers: EdgePartner[] = [];
    for (const row of own) {
      const was = new Set(before.get(row.id) ?? []);
      for (const x of was) affected.add(x);
      for (const p of row.partners) if (!was.has(p.id)) newcomers.push(p);
    }
    for (const p of newcomers) if (entersStoredRow(p, stored.get(p.id), STORED_K, FORM_K)) affected.add(p.id);
    const t2 = performance.now();
    const { scoreMs, writeMs, ...written } = await this.scoreAndWrite(
      snapshot,
      [...affected].sort(),
      profile,
    );
    const ms = (x: number) => Math.round(x);
    return {
      ...written,
      timings: {
        refreshMs: ms(t1 - t0),
        affectedMs: ms(t2 - t1),
        ownRowsMs: ms(tOwn - t1),
        storedReadsMs: ms(t2 - tOwn),
        rewriteMs: ms(performance.now() - t2),
        scoreMs,
        writeMs,
      },
    };
  }
}

/** What a rescore did, and where its time went (the job's return value: visible to operators). */
export interface RescoreResult {
  actors: number;
  edges: number;
  skipped?: string;
  timings?: {
    /** The edited actors re-read and patched into the population's index. */
    refreshMs: number;
    /** The patched index's postings and form facts built, the edited actors' rows searched, and the
     * lists they leave or enter found. */
    affectedMs: number;
    /** Of affectedMs: the patched index's postings and form facts built and the edited actors' rows searched. */
    ownRowsMs: number;
    /** Of affectedMs: the wait left for the stored lists (where the edited actors are, started with
     * the refresh; where they would rank) once their rows are searched. */
    storedReadsMs: number;
    /** Those lists scored and written; below PIPELINE_MIN_ACTORS lists, split in the two. */
    rewriteMs: number;
    scoreMs?: number;
    writeMs?: number;
  };
}
