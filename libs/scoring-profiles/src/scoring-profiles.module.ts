import { Module } from '@nestjs/common';
import { ScoringProfilesRepository } from './scoring-profiles.repository';
import { ScoringProfilesResolver } from './scoring-profiles.resolver';
import { ScoringProfilesService } from './scoring-profiles.service';

/** For every process: the stored profile versions and which one each scope (platform, lab) uses. */
@Module({
  providers: [ScoringProfilesRepository, ScoringProfilesService],
  exports: [ScoringProfilesService],
})
export class ScoringProfilesCoreModule {}

/**
 * API side: list, read, save profiles and a lab's choice. Activating the platform's profile
 * starts a rebuild, so that mutation is complementarity's (ComplementarityResolver).
 */
@Module({
  imports: [ScoringProfilesCoreModule],
  providers: [ScoringProfilesResolver],
})
export class ScoringProfilesGraphqlModule {}
