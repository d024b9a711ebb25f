import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplementarityCoreModule } from '@maillage/complementarity';
import { MetBeforeSource } from '@maillage/scoring-population';
import { EventsCoreModule } from '@maillage/events';
import { WishesCoreModule } from '@maillage/wishes';
import { SCHEDULE_ENTITIES } from './entities';
import { GenerateScheduleJob } from './generate-schedule.job';
import { LiveRepairService } from './live-repair.service';
import { MeetingHistoryService } from './meeting-history.service';
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
];

/**
 * Provides the scoring population's MetBeforeSource port. Global because complementarity cannot import
 * this lib (schedules builds on it); SchedulesCoreModule imports it, so every process that loads
 * the schedules also satisfies the scoring's dependency.
 */
@Global()
@Module({
  imports: [EventsCoreModule],
  providers: [MeetingHistoryService, { provide: MetBeforeSource, useExisting: MeetingHistoryService }],
  exports: [MetBeforeSource],
})
export class MeetingHistoryModule {}

/**
 * Shared by the API and the worker: schedules, the pair weights behind them,
 * and the meeting history the scoring's met-before penalty reads (MeetingHistoryModule).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(SCHEDULE_ENTITIES),
    EventsCoreModule,
    ComplementarityCoreModule,
    MeetingHistoryModule,
    WishesCoreModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class SchedulesCoreModule {}

/** API side: GraphQL for simulation, generation runs, review, publication, re-pairing. */
@Module({
  imports: [SchedulesCoreModule],
  providers: [SchedulesResolver],
})
export class SchedulesGraphqlModule {}

/** Worker side: schedule generation (scheduling queue). */
@Module({
  imports: [SchedulesCoreModule],
  providers: [GenerateScheduleJob],
})
export class SchedulesWorkerModule {}
