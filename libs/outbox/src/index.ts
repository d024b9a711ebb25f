export * from './outbox.entity';
export * from './outbox.service';
export * from './outbox-handler.decorator';
export * from './outbox-relay.job';
export * from './outbox.module';
