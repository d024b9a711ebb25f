import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsModule } from '@maillage/actors';
import { EventsCoreModule } from '@maillage/events';
import { ComplementarityResolver } from './complementarity.resolver';
import { ComplementarityService } from './complementarity.service';
import { ComplementsRepository } from './complements.repository';
import { PopulationService } from './population.service';
import { COMPLEMENTARITY_ENTITIES } from './scoring-chunk.entity';
import { ScoringContextService } from './scoring-context.service';
import { ScoringDataRepository } from './scoring-data.repository';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringRunsService } from './scoring-runs.service';
import { ScoringJobs } from './scoring.jobs';
import { ScoringProfilesRepository } from './scoring-profiles.repository';
import { ScoringProfilesResolver } from './scoring-profiles.resolver';
import { ScoringProfilesService } from './scoring-profiles.service';

/** Shared by the API and the worker: data access, the engine and scoring runs. */
@Module({
  // Events: the meeting history behind the met-before penalty.
  imports: [TypeOrmModule.forFeature(COMPLEMENTARITY_ENTITIES), EventsCoreModule],
  providers: [
    ScoringDataRepository,
    ComplementsRepository,
    PopulationService,
    ScoringEngineService,
    ScoringRunsService,
    ScoringProfilesRepository,
    ScoringContextService,
  ],
  exports: [
    ScoringDataRepository,
    ComplementsRepository,
    PopulationService,
    ScoringEngineService,
    ScoringRunsService,
    ScoringProfilesRepository,
    ScoringContextService,
  ],
})
export class ComplementarityCoreModule {}

/** API side: the GraphQL queries, scoring profiles and the admin mutations. */
@Module({
  imports: [ComplementarityCoreModule, ActorsModule],
  providers: [
    ScoringProfilesService,
    ScoringProfilesResolver,
    ComplementarityService,
    ComplementarityResolver,
  ],
})
export class ComplementarityModule {}

/** Worker side: the scoring queue's job handlers (SCORE_ACTOR, SCORING_REBUILD, SCORING_CHUNK). */
@Module({
  imports: [ComplementarityCoreModule],
  providers: [ScoringJobs],
})
export class ComplementarityWorkerModule {}
