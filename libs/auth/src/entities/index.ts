import { ApiKeyEntity } from './api-key.entity';
import { OrganisationEntity } from './organisation.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

/** This lib's tables, for the app-wide entity list. */
export const AUTH_ENTITIES = [OrganisationEntity, UserEntity, ApiKeyEntity, SessionEntity];
