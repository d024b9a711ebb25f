export * from './event.entity';
export * from './registration.entity';

import { EventEntity } from './event.entity';
import { RegistrationEntity } from './registration.entity';

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const EVENT_ENTITIES = [EventEntity, RegistrationEntity];
