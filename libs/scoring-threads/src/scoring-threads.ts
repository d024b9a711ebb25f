import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  COMPONENT_COUNT,
  DEFAULT_PROFILE,
  MODEL_VERSION,
  profileKey,
  ScoringProfile,
} from '@maillage/scoring';
import {
  ScoreAllOptions,
  ScoreAllResult,
  ScoringIndex,
  SearchStats,
  SharedIndex,
  scoreRange,
  searcherFor,
} from '@maillage/candidate-search';
import {
  FormFacts,
  formSearcherFor,
  sharedFormFacts,
  storedRow,
  storedRowCapacity,
  type StoredPartner,
} from '@maillage/alliance-forms';

/** Result rows on shared buffers (row r = actor rows[r], K slots, partner −1 = empty). */
export interface SharedRows {
  readonly partners: Int32Array;
  readonly scores: Float64Array;
  readonly forward: Float32Array;
  readonly backward: Float32Array;
  readonly counts: Int32Array;
  readonly components?: Float32Array;
}

/**
 * Stored rows on shared buffers (row r = actor rows[r], `capacity` slots, see storedRow): partner,
 * best form, the four form scores, coverages and the 8 RESOURCES contributions, all in float64 so
 * they equal what storedRow returns on the caller's thread.
 */
export interface SharedStoredRows {
  readonly capacity: number;
  readonly counts: Int32Array;
  readonly partners: Int32Array;
  readonly best: Int32Array;
  readonly forms: Float64Array;
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly components: Float64Array;
}

/** Messages to a scoring thread (structured clone; the buffers are shared, not copied). */
export type ThreadMessage =
  | { readonly type: 'index'; readonly id: number; readonly index: SharedIndex; readonly facts: FormFacts }
  | {
      readonly type: 'stored';
      readonly job: {
        readonly indexId: number;
        readonly profile: ScoringProfile;
        readonly profileKey: string;
        readonly k: number;
        readonly formK: number;
        readonly rows: Int32Array;
        readonly chunk: number;
        readonly counter: SharedArrayBuffer;
        readonly out: SharedStoredRows;
      };
    }
  | {
      readonly type: 'run';
      readonly job: {
        readonly indexId: number;
        readonly profile: ScoringProfile;
        readonly profileKey: string;
        readonly k: number;
        /** Actor of each row (shared Int32Array). */
        readonly rows: Int32Array;
        readonly chunk: number;
        /** Int32 next-row counter shared by all threads (Atomics.add). */
        readonly counter: SharedArrayBuffer;
        readonly out: SharedRows;
      };
    };

export interface ParallelOptions extends Pick<ScoreAllOptions, 'k' | 'actorRange' | 'withComponents'> {
  /** Actors to score (index numbers), instead of actorRange. */
  readonly actors?: readonly number[] | Int32Array;
  /** Actors taken at a time from the shared counter (small: the work per actor is uneven). */
  readonly chunk?: number;
}

/**
 * The compiled worker file. From the build (dist/) it sits beside this file; when this file runs
 * from TypeScript sources (ts-jest), the build's copy is used (npm run build first).
 */
export function scoringThreadFile(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'scoring-thread.worker.js');
  const root = path.resolve(__dirname, '../../..');
  return path.join(root, 'dist', path.relative(root, __dirname), 'scoring-thread.worker.js');
}

function shared<T extends Int32Array | Float64Array | Float32Array>(
  Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
}

/**
 * A few long-lived worker threads that score top-K rows over a shared index: the index is sent
 * once per snapshot (SharedArrayBuffer, no copy per thread), each call's rows are taken in small
 * chunks from one atomic counter (work per actor is uneven) and written into shared result arrays.
 * Every row is computed by the same exact search whichever thread takes it, so results equal
 * scoreRange's bit for bit. Calls are serialised (one job at a time on all threads). Threads stop
 * on close(); idle threads do not keep the process alive.
 */
export class ScoringThreads {
  private readonly workers: Worker[] = [];
  private readonly indexIds = new WeakMap<ScoringIndex, number>();
  private loaded: number | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly threads: number = availableParallelism()) {}

  /** Whether worker threads can be used (more than one thread and the worker file is built). */
  get available(): boolean {
    return this.threads > 1 && existsSync(scoringThreadFile());
  }

  /** Top-K rows of `actors` (or actorRange) of `index`; falls back to this thread when unavailable. */
  score(index: ScoringIndex, profile: ScoringProfile = DEFAULT_PROFILE, options: ParallelOptions = {}) {
    return this.enqueue(() => this.run(index, profile, options));
  }

  /**
   * Stored rows (storedRow: blended top-k ∪ each form's top formK, four exact form scores) of
   * `actors`, computed on the threads — RESOURCES search and the other forms alike — or on this
   * thread when threads are unavailable. Row r belongs to actors[r].
   */
  storedRows(
    index: ScoringIndex,
    profile: ScoringProfile,
    options: { actors: readonly number[]; k: number; formK: number; chunk?: number },
  ): Promise<StoredPartner[][]> {
    return this.enqueue(() => this.runStored(index, profile, options));
  }

  private async runStored(
    index: ScoringIndex,
    profile: ScoringProfile,
    options: { actors: readonly number[]; k: number; formK: number; chunk?: number },
  ): Promise<StoredPartner[][]> {
    const { actors, k, formK } = options;
    for (const a of actors) if (!(a >= 0 && a < index.n)) throw new RangeError(`actor ${a} out of range`);
    if (!this.available) {
      const forms = formSearcherFor(index, profile);
      return actors.map((a) => storedRow(forms, a, resourcesOf(searcherFor(index, profile), a, k), k, formK));
    }
    const capacity = storedRowCapacity(k, formK);
    const n = actors.length;
    const rows = shared(Int32Array, n);
    rows.set(actors);
    const out: SharedStoredRows = {
      capacity,
      counts: shared(Int32Array, n),
      partners: shared(Int32Array, n * capacity),
      best: shared(Int32Array, n * capacity),
      forms: shared(Float64Array, n * capacity * 4),
      forward: shared(Float64Array, n * capacity),
      backward: shared(Float64Array, n * capacity),
      components: shared(Float64Array, n * capacity * COMPONENT_COUNT),
    };
    const indexId = this.load(index, profile);
    const job = {
      indexId,
      profile,
      profileKey: profileKey(profile),
      k,
      formK,
      rows,
      chunk: Math.max(1, options.chunk ?? 8),
      counter: new SharedArrayBuffer(4),
      out,
    };
    await this.onEveryThread({ type: 'stored', job });
    return readStoredRows(out);
  }

  /** Runs jobs one at a time on all threads, in call order (a failed job does not stop the next). */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    this.loaded = null;
    await Promise.all(ws.map((w) => w.terminate()));
  }

  private async run(
    index: ScoringIndex,
    profile: ScoringProfile,
    options: ParallelOptions,
  ): Promise<ScoreAllResult> {
    const k = options.k ?? 20;
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`scoreAll: k must be a positive integer (got ${k})`);
    const [from, to] = options.actorRange ?? [0, index.n];
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= index.n))
      throw new RangeError(`scoreAll: actorRange [${from}, ${to}) is not inside [0, ${index.n})`);
    const list = options.actors;
    if (list)
      for (const a of list) if (!(a >= 0 && a < index.n)) throw new RangeError(`actor ${a} out of range`);
    if (!this.available && !list) return scoreRange(index, profile, options);
    const started = process.hrtime.bigint();
    const nRows = list ? list.length : to - from;
    const rows = shared(Int32Array, nRows);
    for (let r = 0; r < nRows; r++) rows[r] = list ? list[r] : from + r;
    const out: SharedRows = {
      partners: shared(Int32Array, nRows * k).fill(-1),
      scores: shared(Float64Array, nRows * k),
      forward: shared(Float32Array, nRows * k),
      backward: shared(Float32Array, nRows * k),
      counts: shared(Int32Array, nRows),
      components: options.withComponents ? shared(Float32Array, nRows * k * COMPONENT_COUNT) : undefined,
    };
    let stats: SearchStats[];
    if (!this.available) {
      const s = searcherFor(index, profile);
      for (let r = 0; r < nRows; r++)
        out.counts[r] = s.search(
          rows[r],
          k,
          out.partners,
          out.scores,
          r * k,
          out.forward,
          out.backward,
          out.components,
        );
      stats = [];
    } else {
      const indexId = this.load(index, profile);
      const job = {
        indexId,
        profile,
        profileKey: profileKey(profile),
        k,
        rows,
        chunk: Math.max(1, options.chunk ?? 32),
        counter: new SharedArrayBuffer(4),
        out,
      };
      stats = await this.onEveryThread({ type: 'run', job });
    }
    let pairsKept = 0;
    for (let r = 0; r < nRows; r++) pairsKept += out.counts[r];
    const sum = (key: keyof SearchStats) => stats.reduce((s, x) => s + x[key], 0);
    return {
      modelVersion: MODEL_VERSION,
      profileId: profile.id,
      profileVersion: profile.version,
      profileKey: profileKey(profile),
      k,
      from: list ? 0 : from,
      to: list ? nRows : to,
      completedTo: list ? nRows : to,
      ...out,
      stats: {
        postings: sum('postings'),
        touched: sum('touched'),
        refined: sum('refined'),
        exact: sum('exact'),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        actors: nRows,
        pairsKept,
      },
      index,
    };
  }

  /** Starts the threads if needed and sends them the index (once per index and blocking). */
  private load(index: ScoringIndex, profile: ScoringProfile): number {
    while (this.workers.length < this.threads) {
      const w = new Worker(scoringThreadFile());
      w.unref();
      // a thread that dies is dropped for good (the next job starts a new one and resends the index)
      w.once('exit', () => this.drop(w));
      this.workers.push(w);
    }
    let id = this.indexIds.get(index);
    if (id === undefined) this.indexIds.set(index, (id = this.nextId++));
    const key = id * 4 + ['none', 'region', 'departement'].indexOf(profile.candidates.blocking);
    if (this.loaded !== key) {
      const shared = index.toShared(profile.candidates.blocking);
      const facts = sharedFacts(index, profile);
      for (const w of this.workers)
        w.postMessage({ type: 'index', id: key, index: shared, facts } satisfies ThreadMessage);
      this.loaded = key;
    }
    return key;
  }

  /**
   * Runs a job on every thread and waits for all of them, failed or not, before the next job may
   * start (a late reply must never be taken for the next job's); rejects with the first failure.
   */
  private async onEveryThread(m: ThreadMessage): Promise<SearchStats[]> {
    const settled = await Promise.allSettled(this.workers.map((w) => this.send(w, m)));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((r) => (r as PromiseFulfilledResult<SearchStats>).value);
  }

  /** Forgets a thread (idempotent); the next job starts a new one and resends the index. */
  private drop(w: Worker): void {
    const at = this.workers.indexOf(w);
    if (at >= 0) this.workers.splice(at, 1);
    this.loaded = null;
  }

  private send(w: Worker, m: ThreadMessage): Promise<SearchStats> {
    return new Promise((resolve, reject) => {
      const onMessage = (r: { stats?: SearchStats; error?: string }) => {
        cleanup();
        if (r.stats) resolve(r.stats);
        else reject(new Error(`scoring thread: ${r.error}`));
      };
      const onError = (err: Error) => {
        cleanup();
        this.drop(w); // the thread exits next: drop it now so no later job is sent to it
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`scoring thread exited with code ${code}`));
      };
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      w.postMessage(m);
    }).finally(() => w.unref()) as Promise<SearchStats>;
  }
}

/** scoreRange on worker threads (a ScoringThreads of `threads` threads, closed at the end). */
export async function scoreRangeParallel(
  index: ScoringIndex,
  profile: ScoringProfile = DEFAULT_PROFILE,
  options: ParallelOptions & { threads?: number } = {},
): Promise<ScoreAllResult> {
  const pool = new ScoringThreads(options.threads);
  try {
    return await pool.score(index, profile, options);
  } finally {
    await pool.close();
  }
}

const factsOfIndex = new WeakMap<ScoringIndex, FormFacts>();

/** The index's form facts on shared buffers (computed once per index, where the actors are). */
function sharedFacts(index: ScoringIndex, profile: ScoringProfile): FormFacts {
  let f = factsOfIndex.get(index);
  if (!f) factsOfIndex.set(index, (f = sharedFormFacts(formSearcherFor(index, profile).facts)));
  return f;
}

/** The exact RESOURCES top-k of actor a, with coverages and contributions (storedRow's input). */
export function resourcesOf(
  searcher: ReturnType<typeof searcherFor>,
  a: number,
  k: number,
): { idx: number; forward: number; backward: number; components: Float32Array }[] {
  const idx = new Int32Array(k);
  const score = new Float64Array(k);
  const fw = new Float32Array(k);
  const bw = new Float32Array(k);
  const comp = new Float32Array(k * COMPONENT_COUNT);
  const count = searcher.search(a, k, idx, score, 0, fw, bw, comp);
  return Array.from({ length: count }, (_, i) => ({
    idx: idx[i],
    forward: fw[i],
    backward: bw[i],
    components: comp.subarray(i * COMPONENT_COUNT, (i + 1) * COMPONENT_COUNT),
  }));
}

/** Writes a stored row into the shared buffers at row r. */
export function writeStoredRow(out: SharedStoredRows, r: number, row: readonly StoredPartner[]): void {
  const base = r * out.capacity;
  out.counts[r] = row.length;
  row.forEach((p, i) => {
    const q = base + i;
    out.partners[q] = p.idx;
    out.best[q] = p.best;
    out.forward[q] = p.forward;
    out.backward[q] = p.backward;
    for (let f = 0; f < 4; f++) out.forms[q * 4 + f] = p.scores[f];
    for (let c = 0; c < COMPONENT_COUNT; c++) out.components[q * COMPONENT_COUNT + c] = p.components[c];
  });
}

function readStoredRows(out: SharedStoredRows): StoredPartner[][] {
  const rows: StoredPartner[][] = [];
  for (let r = 0; r < out.counts.length; r++) {
    const row: StoredPartner[] = [];
    for (let i = 0; i < out.counts[r]; i++) {
      const q = r * out.capacity + i;
      row.push({
        idx: out.partners[q],
        best: out.best[q],
        scores: Array.from(out.forms.subarray(q * 4, q * 4 + 4)),
        forward: out.forward[q],
        backward: out.backward[q],
        components: Array.from(out.components.subarray(q * COMPONENT_COUNT, (q + 1) * COMPONENT_COUNT)),
      });
    }
    rows.push(row);
  }
  return rows;
}
