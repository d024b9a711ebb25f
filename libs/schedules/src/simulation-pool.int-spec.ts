import { Rng } from '@maillage/domain';
import { AppConfig } from '@maillage/config';
import { EventFormat } from '@maillage/events';
import { quantise, triangleIndex } from './schedule-problem';
import { SimulationPool } from './simulation-pool.service';
import { RepairTask, SimulationTask, runRepair, runSimulation } from './simulation.worker';
import { toMeetingRows } from './schedule-meetings';
import type { MeetingEntity } from './entities/meeting.entity';

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

describe('live re-pairing off the event loop (piscina)', () => {
  const pool = new SimulationPool({ SIMULATION_THREADS: 1 } as AppConfig);
  afterAll(() => pool.onModuleDestroy());

  it('gives the same repaired plan as inline (event-loop stalls printed, not asserted)', async () => {
    // The published plan of the 240-participant event, then 20 no-shows from round 4.
    const base = task();
    const planned = await runSimulation(base);
    if (!planned.ok) throw new Error('no plan');
    const meetings = toMeetingRows(planned.result, 0, () => null, false) as unknown as MeetingEntity[];
    const absentIds = base.registrations.slice(0, 20).map((r) => r.actorId);
    const repairTask = (): RepairTask => ({
      event: base.event,
      registrations: base.registrations.map((r) =>
        absentIds.includes(r.actorId) ? { ...r, absentFromRound: 4 } : r,
      ),
      weights: base.weights,
      lockedAhead: [],
      meetings,
      algorithm: planned.result.algorithm,
      fromRound: 4,
      request: { fromRound: 3, absentIds },
    });
    await pool.repair(repairTask()); // warm-up
    let inline: Awaited<ReturnType<typeof runRepair>> | undefined;
    let pooled: Awaited<ReturnType<SimulationPool['repair']>> | undefined;
    const inlineStall = await maxStall(async () => (inline = await runRepair(repairTask())));
    const pooledStall = await maxStall(async () => (pooled = await pool.repair(repairTask())));
    process.stdout.write(
      `repairSchedule (240 participants, from round 4 of 8, 20 no-shows): event-loop max delay inline ${inlineStall.toFixed(0)} ms, worker thread ${pooledStall.toFixed(0)} ms\n`,
    );
    expect(inline?.ok && inline.result.totalScore).toBe(pooled?.result.totalScore);
    const seatedLater = pooled!.result.rounds
      .filter((r) => r.round >= 3)
      .flatMap((r) => r.meetings.flatMap((m) => m.participantIds));
    expect(seatedLater.filter((id) => absentIds.includes(id))).toEqual([]);
  });
});
