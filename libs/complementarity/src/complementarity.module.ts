import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsCoreModule } from '@maillage/actors';
import { ScoringProfilesCoreModule } from '@maillage/scoring-profiles';
import { ComplementarityResolver } from './complementarity.resolver';
import { ComplementarityService } from './complementarity.service';
import { ComplementsRepository } from './complements.repository';
import { PopulationService } from '@maillage/scoring-population';
import { COMPLEMENTARITY_ENTITIES } from './scoring-chunk.entity';
import { ScoringContextService } from './scoring-context.service';
import { ScoringDataRepository } from '@maillage/scoring-population';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringRunsService } from './scoring-runs.service';
import { ScoringJobs } from './scoring.jobs';

const CORE = [
  ScoringDataRepository,
  ComplementsRepository,
  PopulationService,
  ScoringEngineService,
  ScoringRunsService,
  ScoringContextService,
  ComplementarityService,
];

/** For every process: data access, the engine, scoring runs and the partner queries. */
@Module({
  // The met-before penalty's MetBeforeSource comes from libs/schedules (global MeetingHistoryModule).
  imports: [TypeOrmModule.forFeature(COMPLEMENTARITY_ENTITIES), ActorsCoreModule, ScoringProfilesCoreModule],
  providers: CORE,
  exports: CORE,
})
export class ComplementarityCoreModule {}

/** API side: the GraphQL queries and the admin mutations (rebuilds, activating a scoring profile). */
@Module({
  imports: [ComplementarityCoreModule],
  providers: [ComplementarityResolver],
})
export class ComplementarityGraphqlModule {}

/** Worker side: the scoring queue's job handlers (SCORE_ACTOR(S), SCORING_REBUILD, SCORING_CHUNK). */
@Module({
  imports: [ComplementarityCoreModule],
  providers: [ScoringJobs],
})
export class ComplementarityWorkerModule {}
