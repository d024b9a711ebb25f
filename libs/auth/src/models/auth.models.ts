import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind, Role } from '../role';
import type { UserEntity } from '../entities/user.entity';

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  /** Personal data: returned only to admins and to the user itself. */
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => Role) role: Role;
  @Field(() => [ID]) actorIds: string[];
  @Field({ description: 'Disabled accounts cannot sign in; their keys and tokens are refused.' })
  disabled: boolean;
}

@ObjectType()
export class CreatedUser {
  @Field(() => UserModel) user: UserModel;
  @Field({ description: 'Shown once: store it now.' }) apiKey: string;
}

@ObjectType()
export class IssuedToken {
  @Field() token: string;
  @Field(() => Int) expiresInSeconds: number;
}

@ObjectType()
export class Me {
  @Field() authenticated: boolean;
  @Field(() => UserModel, { nullable: true }) user: UserModel | null;
}

@ObjectType('ApiKey', { description: 'An API key as its owner sees it: never its secret.' })
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field() label: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKeyModel) key: ApiKeyModel;
  @Field({ description: 'Shown once: store it now.' }) apiKey: string;
}

/** A user as GraphQL shows it; the e-mail (personal data) only where `showEmail`. */
export function toUserModel(user: UserEntity, showEmail: boolean): UserModel {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: showEmail ? user.email : null,
    role: user.role as Role,
    actorIds: user.actorIds,
    disabled: !!user.disabledAt,
  };
}
