/**
 * Worker-thread entry of scoreRangeParallel: rebuilds the index over the shared buffers, then takes
 * chunks of actors from a shared counter until none is left, writing each actor's top-K straight
 * into the shared result arrays (rows are disjoint, so no locking).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ScoringIndex } from './candidate-index';
import { TopKSearcher } from './search';
import type { ParallelTask } from './parallel';

function run(task: ParallelTask): void {
  const index = ScoringIndex.fromShared(task.index);
  const searcher = new TopKSearcher(index, index.compile(task.profile));
  const { k, from, to, chunk, out } = task;
  const next = new Int32Array(task.counter);
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= to - from) break;
    const end = Math.min(to - from, start + chunk);
    for (let r = start; r < end; r++)
      out.counts[r] = searcher.search(
        from + r,
        k,
        out.partners,
        out.scores,
        r * k,
        out.forward,
        out.backward,
        out.components,
      );
  }
  parentPort?.postMessage({ stats: searcher.stats });
}

run(workerData as ParallelTask);
