import { Module } from '@nestjs/common';
import { ComplementarityCoreModule } from '@maillage/complementarity';
import { FollowUpCoreModule } from '@maillage/follow-up';
import { ScoringProfilesCoreModule } from '@maillage/scoring-profiles';
import { OutcomeLearningResolver } from './outcome-learning.resolver';
import { OutcomeLearningService } from './outcome-learning.service';

@Module({
  imports: [FollowUpCoreModule, ComplementarityCoreModule, ScoringProfilesCoreModule],
  providers: [OutcomeLearningService],
  exports: [OutcomeLearningService],
})
export class OutcomeLearningCoreModule {}

/** API side: suggestProfileFromOutcomes, adoptProfileFromOutcomes. */
@Module({
  imports: [OutcomeLearningCoreModule],
  providers: [OutcomeLearningResolver],
})
export class OutcomeLearningGraphqlModule {}
