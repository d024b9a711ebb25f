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
import type { ScoringIndex, SharedIndex } from './candidate-index';
import type { SearchStats } from './search';
import { ScoreAllOptions, ScoreAllResult, scoreRange } from './top-k';

/** What one worker thread receives (structured clone; the buffers are shared, not copied). */
export interface ParallelTask {
  readonly index: SharedIndex;
  readonly profile: ScoringProfile;
  readonly k: number;
  readonly from: number;
  readonly to: number;
  readonly chunk: number;
  /** Int32 next-row counter shared by all threads (Atomics.add). */
  readonly counter: SharedArrayBuffer;
  readonly out: {
    readonly partners: Int32Array;
    readonly scores: Float64Array;
    readonly forward: Float32Array;
    readonly backward: Float32Array;
    readonly counts: Int32Array;
    readonly components?: Float32Array;
  };
}

export interface ParallelOptions extends Pick<ScoreAllOptions, 'k' | 'actorRange' | 'withComponents'> {
  /** Worker threads (default: the machine's available parallelism). 1 = in this thread. */
  readonly threads?: number;
  /** Actors taken at a time from the shared counter (small: the work per actor is uneven). */
  readonly chunk?: number;
}

/**
 * The compiled worker file. From the build (dist/) it sits beside this file; when this file runs
 * from TypeScript sources (ts-jest), the build's copy is used (npm run build first).
 */
export function parallelWorkerFile(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'parallel.worker.js');
  const root = path.resolve(__dirname, '../../..');
  return path.join(root, 'dist', path.relative(root, __dirname), 'parallel.worker.js');
}

function shared<T extends Int32Array | Float64Array | Float32Array>(
  Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
}

/**
 * scoreRange on several worker threads: the index is shared (SharedArrayBuffer, no copy per
 * thread), threads take small chunks of actors from one atomic counter (work per actor is uneven)
 * and write their rows into shared result arrays. Same result as scoreRange, bit for bit: each row
 * is computed by the same exact search, whichever thread takes it.
 */
export async function scoreRangeParallel(
  index: ScoringIndex,
  profile: ScoringProfile = DEFAULT_PROFILE,
  options: ParallelOptions = {},
): Promise<ScoreAllResult> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const file = parallelWorkerFile();
  if (threads === 1 || !existsSync(file)) return scoreRange(index, profile, options);
  const k = options.k ?? 20;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`scoreAll: k must be a positive integer (got ${k})`);
  const [from, to] = options.actorRange ?? [0, index.n];
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= index.n))
    throw new RangeError(`scoreAll: actorRange [${from}, ${to}) is not inside [0, ${index.n})`);
  const started = process.hrtime.bigint();
  const rows = to - from;
  const out = {
    partners: shared(Int32Array, rows * k).fill(-1),
    scores: shared(Float64Array, rows * k),
    forward: shared(Float32Array, rows * k),
    backward: shared(Float32Array, rows * k),
    counts: shared(Int32Array, rows),
    components: options.withComponents ? shared(Float32Array, rows * k * COMPONENT_COUNT) : undefined,
  };
  const task: ParallelTask = {
    index: index.toShared(profile.candidates.blocking),
    profile,
    k,
    from,
    to,
    chunk: Math.max(1, options.chunk ?? 64),
    counter: new SharedArrayBuffer(4),
    out,
  };
  const stats = await Promise.all(
    Array.from(
      { length: Math.min(threads, Math.max(1, rows)) },
      () =>
        new Promise<SearchStats>((resolve, reject) => {
          const worker = new Worker(file, { workerData: task });
          let result: SearchStats | null = null;
          worker.once('message', (m: { stats: SearchStats }) => (result = m.stats));
          worker.once('error', reject);
          worker.once('exit', (code) =>
            result ? resolve(result) : reject(new Error(`scoring worker thread exited with code ${code}`)),
          );
        }),
    ),
  );
  let pairsKept = 0;
  for (let r = 0; r < rows; r++) pairsKept += out.counts[r];
  const sum = (key: keyof SearchStats) => stats.reduce((s, x) => s + x[key], 0);
  return {
    modelVersion: MODEL_VERSION,
    profileId: profile.id,
    profileVersion: profile.version,
    profileKey: profileKey(profile),
    k,
    from,
    to,
    completedTo: to,
    ...out,
    stats: {
      postings: sum('postings'),
      touched: sum('touched'),
      refined: sum('refined'),
      exact: sum('exact'),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      actors: rows,
      pairsKept,
    },
    index,
  };
}
