import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind, Role } from '../role';

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
