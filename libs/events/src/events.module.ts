import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsCoreModule } from '@maillage/actors';
import { EVENT_ENTITIES } from './entities';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { RegistrationImportService } from './registration-import.service';
import { RegistrationsPersonalData } from './registrations.personal-data';

/** Shared by the API and the worker: events, registrations and attendance. */
@Module({
  imports: [TypeOrmModule.forFeature(EVENT_ENTITIES), ActorsCoreModule],
  providers: [EventsService, RegistrationImportService, RegistrationsPersonalData],
  exports: [EventsService, RegistrationImportService, ActorsCoreModule],
})
export class EventsCoreModule {}

/** API side: GraphQL for the lifecycle, registrations (one by one or by CSV) and attendance. */
@Module({
  imports: [EventsCoreModule],
  providers: [EventsResolver],
})
export class EventsGraphqlModule {}
