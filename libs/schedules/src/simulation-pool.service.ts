import { existsSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { ScheduleInfeasibleError, ScheduleInputError } from '@maillage/schedule-model';
import { asDomainError } from './schedule-solver';
import type { RepairOutcome, RepairTask, SimulationOutcome, SimulationTask } from './simulation.worker';

/**
 * The compiled worker file. From the build (dist/) it sits beside this file; when this file runs
 * from TypeScript sources (ts-jest), the build's copy is used (the test setup builds first).
 */
export function simulationWorkerFile(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'simulation.worker.js');
  const root = path.resolve(__dirname, '../../..');
  return path.join(root, 'dist', path.relative(root, __dirname), 'simulation.worker.js');
}

/**
 * A small pool of worker threads (piscina) for simulateEvent and live re-pairing, so one
 * organiser's what-if or re-pairing never blocks the API's event loop for other tenants. Threads
 * start on first use and stop when idle.
 */
@Injectable()
export class SimulationPool implements OnModuleDestroy {
  private pool: Piscina | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run(task: SimulationTask): Promise<Extract<SimulationOutcome, { ok: true }>> {
    return this.settle((await this.get().run(task)) as SimulationOutcome);
  }

  /** repairSchedule (libs/scheduling) in a worker thread. */
  async repair(task: RepairTask): Promise<Extract<RepairOutcome, { ok: true }>> {
    return this.settle((await this.get().run(task, { name: 'runRepair' })) as RepairOutcome);
  }

  private settle<T extends { ok: true }>(outcome: T | Extract<SimulationOutcome, { ok: false }>): T {
    if (outcome.ok) return outcome;
    if (outcome.kind === 'infeasible') throw asDomainError(new ScheduleInfeasibleError(outcome.reasons));
    if (outcome.kind === 'input') throw asDomainError(new ScheduleInputError(outcome.message));
    throw new Error(`worker thread failed: ${outcome.message}`);
  }

  private get(): Piscina {
    if (!this.pool) {
      const filename = simulationWorkerFile();
      if (!existsSync(filename))
        // A deployment fault, not the caller's: reported as an internal error.
        throw new Error('simulation worker not built: run npm run build');
      this.pool = new Piscina({
        filename,
        minThreads: 0,
        maxThreads: this.config.SIMULATION_THREADS,
        idleTimeout: 60_000,
        // Waiting simulations beyond this answer at once instead of piling up.
        maxQueue: this.config.SIMULATION_THREADS * 8,
      });
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}
