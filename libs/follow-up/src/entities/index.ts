export * from './feedback.entity';
export * from './outcome-survey.entity';

import { FeedbackEntity } from './feedback.entity';
import { OutcomeSurveyEntity } from './outcome-survey.entity';

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const FOLLOW_UP_ENTITIES = [FeedbackEntity, OutcomeSurveyEntity];
