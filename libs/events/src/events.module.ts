import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsModule } from '@maillage/actors';
import { ComplementarityCoreModule } from '@maillage/complementarity';
import { AgendaService } from './agenda.service';
import { EVENT_ENTITIES } from './entities';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { ExportsService } from './exports.service';
import { FeedbackService } from './feedback.service';
import { FollowUpResolver } from './follow-up.resolver';
import { GenerateScheduleJob } from './generate-schedule.job';
import { OutboxRelayJob } from './outbox-relay.job';
import { OutcomesResolver } from './outcomes.resolver';
import { OutcomesService } from './outcomes.service';
import { PairWeightsService } from './pair-weights.service';
import { RegistrationImportService } from './registration-import.service';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesResolver } from './schedules.resolver';
import { SchedulesService } from './schedules.service';

/** Shared by the API and the worker: events, schedules and the pair weights behind them. */
@Module({
  imports: [TypeOrmModule.forFeature(EVENT_ENTITIES), ActorsModule, ComplementarityCoreModule],
  providers: [EventsService, SchedulesRepository, PairWeightsService, SchedulesService],
  exports: [EventsService, SchedulesRepository, PairWeightsService, SchedulesService, ActorsModule],
})
export class EventsCoreModule {}

/** API side: GraphQL for the lifecycle, agendas, exports and follow-up. */
@Module({
  imports: [EventsCoreModule],
  providers: [
    AgendaService,
    ExportsService,
    RegistrationImportService,
    OutcomesService,
    FeedbackService,
    EventsResolver,
    SchedulesResolver,
    FollowUpResolver,
    OutcomesResolver,
  ],
})
export class EventsModule {}

/** Worker side: schedule generation (scheduling queue) and the outbox relay (outbox queue). */
@Module({
  imports: [EventsCoreModule],
  providers: [GenerateScheduleJob, OutboxRelayJob],
})
export class EventsWorkerModule {}
