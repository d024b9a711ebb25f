import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplementarityCoreModule } from '@maillage/complementarity';
import { EventsCoreModule } from '@maillage/events';
import { AgendaService } from './agenda.service';
import { AgendasResolver } from './agendas.resolver';
import { SCHEDULE_ENTITIES } from './entities';
import { ExportsService } from './exports.service';
import { GenerateScheduleJob } from './generate-schedule.job';
import { LiveRepairService } from './live-repair.service';
import { PairWeightsService } from './pair-weights.service';
import { ScheduleGenerationService } from './schedule-generation.service';
import { SchedulePublicationService } from './schedule-publication.service';
import { ScheduleReviewService } from './schedule-review.service';
import { ScheduleRunsService } from './schedule-runs.service';
import { ScheduleSimulationService } from './schedule-simulation.service';
import { SimulationPool } from './simulation-pool.service';
import { ScheduleViewsService } from './schedule-views.service';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesResolver } from './schedules.resolver';

const SERVICES = [
  SchedulesRepository,
  PairWeightsService,
  ScheduleViewsService,
  ScheduleSimulationService,
  SimulationPool,
  ScheduleRunsService,
  ScheduleGenerationService,
  ScheduleReviewService,
  SchedulePublicationService,
  LiveRepairService,
  AgendaService,
  ExportsService,
];

/** Shared by the API and the worker: schedules, the pair weights behind them, agendas and exports. */
@Module({
  imports: [TypeOrmModule.forFeature(SCHEDULE_ENTITIES), EventsCoreModule, ComplementarityCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class SchedulesCoreModule {}

/** API side: GraphQL for simulation, generation runs, review, publication, re-pairing, agendas, exports. */
@Module({
  imports: [SchedulesCoreModule],
  providers: [SchedulesResolver, AgendasResolver],
})
export class SchedulesGraphqlModule {}

/** Worker side: schedule generation (scheduling queue). */
@Module({
  imports: [SchedulesCoreModule],
  providers: [GenerateScheduleJob],
})
export class SchedulesWorkerModule {}
