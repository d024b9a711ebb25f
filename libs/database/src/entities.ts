/* eslint-disable maillage/boundaries -- deep imports until the entity list is assembled in one
   composition place (issue 7, another branch); remove this line then. */
import { ApiKeyEntity } from '../../auth/src/entities/api-key.entity';
import { OrganisationEntity } from '../../auth/src/entities/organisation.entity';
import { UserEntity } from '../../auth/src/entities/user.entity';
import { JobRunEntity } from '../../jobs/src/job-run.entity';
import { ImportFileEntity } from '../../actor-import/src/import-file.entity';
import { ScoringChunkEntity } from '../../complementarity/src/scoring-chunk.entity';
import { EVENT_ENTITIES } from '../../events/src/entities';

/** Every TypeORM entity, in one list: the migration check compares it with the migrations. */
export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  ApiKeyEntity,
  JobRunEntity,
  ImportFileEntity,
  ScoringChunkEntity,
  ...EVENT_ENTITIES,
];
