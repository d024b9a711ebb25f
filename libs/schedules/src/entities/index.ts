export * from './schedule.entity';
export * from './meeting.entity';

import { MeetingEntity } from './meeting.entity';
import { ScheduleEntity } from './schedule.entity';

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const SCHEDULE_ENTITIES = [ScheduleEntity, MeetingEntity];
