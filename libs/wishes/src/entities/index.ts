export * from './wish.entity';

import { WishEntity } from './wish.entity';

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const WISH_ENTITIES = [WishEntity];
