export * from './event.entity';
export * from './registration.entity';
export * from './schedule.entity';
export * from './meeting.entity';
export * from './feedback.entity';
export * from './outbox.entity';
export * from './outcome-survey.entity';

import { EventEntity } from './event.entity';
import { FeedbackEntity } from './feedback.entity';
import { MeetingEntity } from './meeting.entity';
import { OutboxEntity } from './outbox.entity';
import { OutcomeSurveyEntity } from './outcome-survey.entity';
import { RegistrationEntity } from './registration.entity';
import { ScheduleEntity } from './schedule.entity';

export const EVENT_ENTITIES = [
  EventEntity,
  RegistrationEntity,
  ScheduleEntity,
  MeetingEntity,
  FeedbackEntity,
  OutboxEntity,
  OutcomeSurveyEntity,
];
