import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { CreateOrganisationInput, CreateUserInput } from './dto/auth.inputs';
import {
  ApiKeyModel,
  CreatedApiKey,
  CreatedUser,
  IssuedToken,
  Me,
  OrganisationModel,
  UserModel,
  toUserModel,
} from './models/auth.models';
import { ApiKeyEntity } from './entities/api-key.entity';
import { Action, assertAllowed } from './policy';
import { Principal } from './principal';
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
    description:
      'Exchanges the API key of the request for a short-lived signed token (not a token for a token).',
  })
  async issueToken(@CurrentPrincipal() principal: Principal): Promise<IssuedToken> {
    if (principal.kind !== 'user') throw AUTH_ERRORS.unauthenticated();
    return this.auth.issueToken(principal);
  }

  @Query(() => [ApiKeyModel], {
    description: "The caller's API keys, revoked ones included (never their secrets).",
  })
  async apiKeys(@CurrentPrincipal() principal: Principal): Promise<ApiKeyModel[]> {
    assertAllowed(principal, Action.AUTHENTICATED_READ);
    return (await this.auth.listApiKeys(principal.userId)).map(toApiKeyModel);
  }

  @Mutation(() => CreatedApiKey, { description: 'A new API key for the caller (shown once).' })
  async createApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('label', { defaultValue: '' }) label: string,
  ): Promise<CreatedApiKey> {
    assertAllowed(principal, Action.AUTHENTICATED_READ);
    checkLabel(label);
    const { key, apiKey } = await this.auth.createApiKey(principal.userId, label);
    return { key: toApiKeyModel(key), apiKey };
  }

  @Mutation(() => CreatedApiKey, {
    description:
      'Replaces one of your API keys (an admin: anyone’s) by a new one; the old key and its tokens stop working.',
  })
  async rotateApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CreatedApiKey> {
    assertAllowed(principal, Action.AUTHENTICATED_READ);
    const { key, apiKey } = await this.auth.rotateApiKey(principal, id);
    return { key: toApiKeyModel(key), apiKey };
  }

  @Mutation(() => ApiKeyModel, {
    description:
      'Revokes one of your API keys (an admin: anyone’s), and the tokens minted from it, within a minute.',
  })
  async revokeApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ApiKeyModel> {
    assertAllowed(principal, Action.AUTHENTICATED_READ);
    return toApiKeyModel(await this.auth.revokeApiKey(principal, id));
  }

  @Mutation(() => UserModel, {
    description:
      'Disables (or re-enables) an account: its keys and tokens are refused within a minute. ADMIN.',
  })
  async disableUser(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('disabled', { defaultValue: true }) disabled: boolean,
  ): Promise<UserModel> {
    assertAllowed(principal, Action.USER_MANAGE);
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw AUTH_ERRORS.notFound('User not found', { field: ['id'], reason: 'unknown_user' });
    return toUserModel(await this.auth.disableUser(id, disabled), true);
  }
}

function checkLabel(label: string): void {
  if (label.length > 100)
    throw AUTH_ERRORS.badInput('label: at most 100 characters', { field: ['label'], reason: 'too_long' });
}

function toApiKeyModel(key: ApiKeyEntity): ApiKeyModel {
  return { id: key.id, label: key.label, createdAt: key.createdAt, revokedAt: key.revokedAt };
}
