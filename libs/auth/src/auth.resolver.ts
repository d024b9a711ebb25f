import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { CreateOrganisationInput, CreateUserInput } from './dto/auth.inputs';
import { CreatedUser, IssuedToken, Me, OrganisationModel, UserModel } from './models/auth.models';
import { Action, assertAllowed } from './policy';
import { Principal } from './principal';
import { UserEntity } from './entities/user.entity';
import { Role } from './role';
import { AUTH_ERRORS } from './auth.errors';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => Me, { description: 'Who am I? Works anonymously too.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    if (principal.kind !== 'user') return { authenticated: false, user: null };
    const user = await this.auth.findUser(principal.userId);
    return { authenticated: true, user: user ? toUserModel(user, true) : null };
  }

  @Mutation(() => OrganisationModel)
  async createOrganisation(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<OrganisationModel> {
    assertAllowed(principal, Action.ORGANISATION_MANAGE);
    return this.auth.createOrganisation(input.name, input.kind);
  }

  @Mutation(() => CreatedUser, { description: 'Creates a user and returns its first API key (shown once).' })
  async createUser(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateUserInput,
  ): Promise<CreatedUser> {
    assertAllowed(principal, Action.USER_MANAGE);
    const { user, apiKey } = await this.auth.createUser(input);
    return { user: toUserModel(user, true), apiKey };
  }

  @Mutation(() => IssuedToken, {
    description: 'Exchanges the current credential for a short-lived signed token.',
  })
  async issueToken(@CurrentPrincipal() principal: Principal): Promise<IssuedToken> {
    if (principal.kind !== 'user') throw AUTH_ERRORS.unauthenticated();
    return this.auth.issueToken(principal.userId);
  }
}

export function toUserModel(user: UserEntity, showEmail: boolean): UserModel {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: showEmail ? user.email : null,
    role: user.role as Role,
    actorIds: user.actorIds,
  };
}
