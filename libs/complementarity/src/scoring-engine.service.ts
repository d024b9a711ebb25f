import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { ScoreAllResult, ScoringIndex, searcherFor } from '@maillage/candidate-search';
import { ScoringThreads } from '@maillage/scoring-threads';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { COMPONENT_COUNT, MODEL_VERSION, ScoringProfile } from '@maillage/scoring';
import { FORM_COUNT, FORM_ORDER, formSearcherFor } from '@maillage/alliance-forms';
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

/** From this many actors, scoreAndWrite searches RESOURCES on worker threads, overlapped with the writes. */
export const PIPELINE_MIN_ACTORS = 1000;

/** A RESOURCES candidate: its coverages and contributions (null: computed by the kernel later). */
interface Cand {
  fwd: number;
  bwd: number;
  comp: number[] | null;
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

  /**
   * Stored rows of the given actors (ids absent from the snapshot are skipped): the blended top-k
   * (each pair ranked by its best form) ∪ the top FORM_K of each form. Candidates: RESOURCES from the
   * candidate index (need↔offer walk), the three other forms from FormSearcher (block scan with
   * per-form bounds); every candidate gets its four exact form scores.
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
      const cands = new Map<number, Cand>();
      for (let i = 0; i < count; i++)
        cands.set(outIdx[i], {
          fwd: outFwd[i],
          bwd: outBwd[i],
          comp: Array.from(outComp.subarray(i * COMPONENT_COUNT, (i + 1) * COMPONENT_COUNT)),
        });
      rows.push({ id, partners: formRow(ix, forms, a, cands, k) });
    }
    return rows;
  }

  /** Rows of RESOURCES lists scored on the threads (row r = actor `batch[r]`), completed with the forms. */
  private rowsFromThreads(
    ix: ScoringIndex,
    profile: ScoringProfile,
    batch: readonly number[],
    r: ScoreAllResult,
  ): EdgeRow[] {
    const forms = formSearcherFor(ix, profile);
    const rows: EdgeRow[] = [];
    for (let row = 0; row < r.counts.length; row++) {
      const cands = new Map<number, Cand>();
      for (let i = 0; i < r.counts[row]; i++) {
        const q = row * r.k + i;
        cands.set(r.partners[q], {
          fwd: r.forward[q],
          bwd: r.backward[q],
          comp: Array.from(r.components!.subarray(q * COMPONENT_COUNT, (q + 1) * COMPONENT_COUNT)),
        });
      }
      rows.push({ id: ix.ids[batch[row]], partners: formRow(ix, forms, batch[row], cands, r.k) });
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
    // Pipeline: worker threads search RESOURCES for batch i + 1 while this thread completes batch i
    // with the other forms and Neo4j writes batch i − 1 (one write in flight).
    const ix = snapshot.index;
    const idxs = ids.map((id) => ix.indexOf(id)).filter((a) => a >= 0);
    const batches: number[][] = [];
    for (let i = 0; i < idxs.length; i += WRITE_BATCH) batches.push(idxs.slice(i, i + WRITE_BATCH));
    const search = (batch: number[]) => {
      const run = this.threads.score(ix, p, { actors: batch, k: STORED_K, withComponents: true });
      run.catch(() => undefined); // awaited later: its failure must not count as unhandled meanwhile
      return run;
    };
    let edges = 0;
    let writing: Promise<number> = Promise.resolve(0);
    let searching = batches.length ? search(batches[0]) : null;
    try {
      for (let i = 0; i < batches.length; i++) {
        const scored = await searching!;
        searching = i + 1 < batches.length ? search(batches[i + 1]) : null;
        const rows = this.rowsFromThreads(ix, p, batches[i], scored);
        edges += await writing;
        writing = this.edges.replace(rows, stamp);
      }
    } finally {
      edges += await writing;
      await searching?.catch(() => undefined); // a search started for a batch never written
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
    // (its best partners of every form are among `own`: topK keeps each form's top FORM_K)
    const before = await this.edges.inNeighbours(actorId);
    const affected = new Set<string>([actorId, ...before, ...own.partners.map((p) => p.id)]);
    return this.scoreAndWrite(snapshot, [...affected].sort(), profile);
  }
}

/**
 * A stored row: the blended top-k (each pair ranked by its best form) ∪ the top FORM_K of each
 * form. `cands` holds the RESOURCES list; the three other forms' candidates come from FormSearcher
 * and every candidate gets its four exact form scores.
 */
function formRow(
  ix: ScoringIndex,
  forms: ReturnType<typeof formSearcherFor>,
  a: number,
  cands: Map<number, Cand>,
  k: number,
): EdgePartner[] {
  const four = new Float64Array(FORM_COUNT);
  for (const list of forms.searchForms(a, k))
    for (const p of list) if (!cands.has(p.idx)) cands.set(p.idx, { fwd: -1, bwd: -1, comp: null });
  const scored = [...cands].map(([b, c]) => {
    const r = forms.scorePair(a, b, four);
    if (c.comp === null) {
      // not in the RESOURCES list: its coverages and contributions from the kernel
      forms.kernel.score(a, b);
      c.fwd = forms.kernel.forward;
      c.bwd = forms.kernel.backward;
      c.comp = Array.from(forms.kernel.contrib);
    }
    return { b, scores: r.scores, best: r.best, c };
  });
  const keep = new Set<number>();
  const byBlended = [...scored].sort((x, y) => y.scores[y.best] - x.scores[x.best] || x.b - y.b);
  for (const x of byBlended.slice(0, k)) if (x.scores[x.best] > 0) keep.add(x.b);
  for (let f = 0; f < FORM_COUNT; f++) {
    const byForm = [...scored].sort((x, y) => y.scores[f] - x.scores[f] || x.b - y.b);
    for (const x of byForm.slice(0, FORM_K)) if (x.scores[f] > 0) keep.add(x.b);
  }
  return byBlended
    .filter((x) => keep.has(x.b))
    .map((x, i) => ({
      id: ix.ids[x.b],
      score: round(x.scores[x.best]),
      form: FORM_ORDER[x.best],
      forms: x.scores.map(round),
      rank: i + 1,
      forward: round(x.c.fwd),
      backward: round(x.c.bwd),
      components: x.c.comp!.map(round),
    }));
}
