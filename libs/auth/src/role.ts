import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORGANISER = 'ORGANISER',
  ACTOR_EDITOR = 'ACTOR_EDITOR',
  VIEWER = 'VIEWER',
}

export enum OrganisationKind {
  LAB = 'LAB',
  ACTOR = 'ACTOR',
  NETWORK = 'NETWORK',
  AUTHORITY = 'AUTHORITY',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
