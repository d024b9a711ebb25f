export * from './actors.module';
export * from './actors.service';
export * from './actors.repository';
export * from './actor-record';
export * from './models/actor.model';
export * from './dto/actor.inputs';
export * from './actor-visibility';
export * from './actors.errors';
