import { ACTOR_IMPORT_ENTITIES } from '@maillage/actor-import';
import { AUTH_ENTITIES } from '@maillage/auth';
import { COMPLEMENTARITY_ENTITIES } from '@maillage/complementarity';
import { EVENT_ENTITIES } from '@maillage/events';
import { FOLLOW_UP_ENTITIES } from '@maillage/follow-up';
import { INVITATION_ENTITIES } from '@maillage/invitations';
import { JOB_ENTITIES } from '@maillage/jobs';
import { OUTBOX_ENTITIES } from '@maillage/outbox';
import { SCHEDULE_ENTITIES } from '@maillage/schedules';
import { WISH_ENTITIES } from '@maillage/wishes';

/**
 * Every TypeORM entity, assembled from each lib's exported list: the one composition place,
 * passed by the apps to `DatabaseModule.forRoot` and by the CLI to `migrate` (the migration check
 * compares it with the migrations). It lives apart from libs/database so that lib depends on no
 * domain (domain libs may import it without a cycle); only composition roots import this one.
 */
export const ENTITIES = [
  ...AUTH_ENTITIES,
  ...INVITATION_ENTITIES,
  ...JOB_ENTITIES,
  ...ACTOR_IMPORT_ENTITIES,
  ...COMPLEMENTARITY_ENTITIES,
  ...EVENT_ENTITIES,
  ...SCHEDULE_ENTITIES,
  ...WISH_ENTITIES,
  ...FOLLOW_UP_ENTITIES,
  ...OUTBOX_ENTITIES,
];
