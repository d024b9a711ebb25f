// setupFilesAfterEnv of the end-to-end project: each suite gets its own Redis key prefix, so its
// in-process worker takes only the jobs its own API enqueued. End-to-end suites run one after the
// other in one process; with shared queues, a suite that leaves hundreds of rescoring jobs behind
// (a CSV import of 500 actors) made the next suite's rebuild wait minutes behind them. The run's
// teardown clears every key under the run's prefix, these included.
import path from 'node:path';

const base = process.env.REDIS_PREFIX;
const suite = path.basename(expect.getState().testPath ?? 'suite').replace(/\.e2e-spec\.ts$/, '');
if (base) process.env.REDIS_PREFIX = `${base.replace(/:.*$/, '')}:${suite}`;
