import { Rng } from '@maillage/domain';
import { AppConfig } from '@maillage/config';
import { EventFormat } from '@maillage/events';
import { quantise, triangleIndex } from './schedule-problem';
import { SimulationPool } from './simulation-pool.service';
import { SimulationTask, runSimulation } from './simulation.worker';

/** A 240-participant one-to-one event with random complementarity: about a second of optimiser + LP. */
function task(): SimulationTask {
  const n = 240;
  const rng = new Rng(7);
  const ids = Array.from({ length: n }, (_, i) => `act_sim_${i}`);
  const weights = new Array<number>((n * (n - 1)) / 2).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) weights[triangleIndex(n, i, j)] = quantise(rng.float());
  return {
    event: {
      format: EventFormat.ONE_TO_ONE,
      seats: 2,
      rounds: 8,
      tables: 120,
      minMeetings: null,
      maxMeetings: null,
      seed: 1,
    },
    registrations: ids.map((actorId) => ({
      actorId,
      side: null,
      availableRounds: null,
      mustMeet: [],
      mustNotMeet: [],
      absentFromRound: null,
    })),
    weights: { ids, weights, excluded: [] },
    wishes: [],
    boundTimeLimitSeconds: 20,
  } as unknown as SimulationTask;
}

/** Longest stall of the event loop (ms) while `work` runs: the largest gap between 5 ms timer ticks. */
async function maxStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5);
  try {
    await work();
    await new Promise((r) => setTimeout(r, 20)); // the tick held back by a final stall
  } finally {
    clearInterval(timer);
  }
  return max;
}

describe('simulateEvent off the event loop (piscina)', () => {
  const pool = new SimulationPool({ SIMULATION_THREADS: 1 } as AppConfig);
  afterAll(() => pool.onModuleDestroy());

  it('gives the same plan as inline, without stalling the event loop', async () => {
    await pool.run(task()); // warm-up: thread start and module loading
    let inline: Awaited<ReturnType<typeof runSimulation>> | undefined;
    let pooled: Awaited<ReturnType<SimulationPool['run']>> | undefined;
    const inlineStall = await maxStall(async () => (inline = await runSimulation(task())));
    const pooledStall = await maxStall(async () => (pooled = await pool.run(task())));
    process.stdout.write(
      `simulateEvent (240 participants, 8 rounds): event-loop max delay inline ${inlineStall.toFixed(0)} ms, worker thread ${pooledStall.toFixed(0)} ms\n`,
    );
    expect(inline?.ok && inline.result.totalScore).toBe(pooled?.result.totalScore);
    expect(pooledStall).toBeLessThan(250);
    expect(pooledStall).toBeLessThan(inlineStall);
  });
});
