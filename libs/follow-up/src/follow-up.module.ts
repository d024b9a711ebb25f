import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsCoreModule } from '@maillage/actors';
import { EventsCoreModule } from '@maillage/events';
import { OutboxCoreModule } from '@maillage/outbox';
import { SchedulesCoreModule } from '@maillage/schedules';
import { AllianceFromEventHandler } from './alliance-from-event.handler';
import { FOLLOW_UP_ENTITIES } from './entities';
import { FeedbackService } from './feedback.service';
import { FollowUpContactsService } from './follow-up-contacts.service';
import { FollowUpResolver } from './follow-up.resolver';
import { FollowUpStatsService } from './follow-up-stats.service';
import { OutcomeSurveysService } from './outcome-surveys.service';
import { OutcomesResolver } from './outcomes.resolver';
import { PlayedMeetingsService } from './played-meetings.service';
import { ShowcaseService } from './showcase.service';

/** Shared by the API and the worker: feedback, outcome surveys, statistics and the showcase. */
@Module({
  imports: [
    TypeOrmModule.forFeature(FOLLOW_UP_ENTITIES),
    ActorsCoreModule,
    EventsCoreModule,
    SchedulesCoreModule,
    OutboxCoreModule,
  ],
  providers: [
    PlayedMeetingsService,
    FeedbackService,
    OutcomeSurveysService,
    FollowUpStatsService,
    FollowUpContactsService,
    ShowcaseService,
  ],
  exports: [
    PlayedMeetingsService,
    FeedbackService,
    OutcomeSurveysService,
    FollowUpStatsService,
    FollowUpContactsService,
    ShowcaseService,
  ],
})
export class FollowUpCoreModule {}

/** API side: GraphQL for feedback, outcome surveys, statistics and the showcase. */
@Module({
  imports: [FollowUpCoreModule],
  providers: [FollowUpResolver, OutcomesResolver],
})
export class FollowUpGraphqlModule {}

/** Worker side: applies the alliances agreed after meetings (outbox kind alliance-from-event). */
@Module({
  imports: [ActorsCoreModule],
  providers: [AllianceFromEventHandler],
})
export class FollowUpWorkerModule {}
