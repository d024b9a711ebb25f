import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OUTBOX_ENTITIES } from './outbox.entity';
import { OutboxRelayJob } from './outbox-relay.job';
import { OutboxService } from './outbox.service';
import { OutboxPersonalData } from './outbox.personal-data';

/** Shared by the API and the worker: writing to the outbox in a domain's own transaction. */
@Module({
  imports: [TypeOrmModule.forFeature(OUTBOX_ENTITIES)],
  providers: [OutboxService, OutboxPersonalData],
  exports: [OutboxService],
})
export class OutboxCoreModule {}

/** Worker side: the relay (outbox queue), dispatching each row to its kind's @OutboxHandler. */
@Module({
  imports: [OutboxCoreModule, DiscoveryModule],
  providers: [OutboxRelayJob],
})
export class OutboxWorkerModule {}
