import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { ApiKeyEntity } from './entities/api-key.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { hashApiKey, looksLikeApiKey, newApiKey } from './api-key';
import { Principal, UserPrincipal } from './principal';
import { OrganisationKind, Role } from './role';
import { AUTH_ERRORS } from './auth.errors';
import { SessionsService } from './sign-in/sessions.service';
import { hashPassword, passwordProblem } from './sign-in/password';

/**
 * What a signed token holds: who (sub) and from which API key it was minted (kid). Role,
 * organisation and represented actors are read from PostgreSQL on use, never from the token.
 */
interface TokenClaims {
  sub: string;
  kid: string;
}

/** Signed tokens: one algorithm, one issuer, one audience, checked on every use. */
export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_ISSUER = 'maillage';
export const TOKEN_AUDIENCE = 'maillage-api';

interface Checked {
  user: UserEntity | null;
  key: ApiKeyEntity | null;
  until: number;
}

@Injectable()
export class AuthService {
  /** Users and keys checked within AUTH_RECHECK_SECONDS: revocations reach every process that late. */
  private readonly checked = new Map<string, Checked>();

  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {}

  /** The principal of a browser session's token, or null when it is unknown, expired or revoked. */
  async authenticateSession(token: string): Promise<Principal | null> {
    const live = await this.sessions.find(token);
    return live ? this.principalOf(live.user, { via: 'session', sessionId: live.session.id }) : null;
  }

  /**
   * Resolves an `Authorization: Bearer …` credential (API key or signed token) to a principal. The
   * user and the key behind it are re-read from PostgreSQL at most AUTH_RECHECK_SECONDS apart, so a
   * revoked key or a disabled user stops working within that delay.
   */
  async authenticate(credential: string): Promise<Principal> {
    if (looksLikeApiKey(credential)) {
      const { user, key } = await this.check(`hash:${hashApiKey(credential)}`, () =>
        this.apiKeys.findOne({ where: { secretHash: hashApiKey(credential) } }),
      );
      if (!user || !key)
        throw AUTH_ERRORS.unauthenticated('Unknown or revoked API key', { reason: 'invalid_api_key' });
      return this.principalOf(user, { via: 'api_key', apiKeyId: key.id });
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(credential, {
        secret: this.config.AUTH_TOKEN_SECRET,
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        maxAge: `${this.config.AUTH_TOKEN_TTL_SECONDS}s`,
      });
    } catch {
      throw AUTH_ERRORS.unauthenticated('Invalid or expired token', { reason: 'invalid_token' });
    }
    if (typeof claims.kid !== 'string' || typeof claims.sub !== 'string')
      throw AUTH_ERRORS.unauthenticated('Invalid or expired token', { reason: 'invalid_token' });
    const { user, key } = await this.check(`key:${claims.kid}`, () =>
      this.apiKeys.findOne({ where: { id: claims.kid } }),
    );
    if (!user || !key || user.id !== claims.sub)
      throw AUTH_ERRORS.unauthenticated('Revoked token: its API key or user was revoked', {
        reason: 'revoked_token',
      });
    return this.principalOf(user, { via: 'token', apiKeyId: key.id });
  }

  /**
   * A short-lived signed token, so browsers need not hold the long-lived API key. Minted from an API
   * key only, never from another token (a token cannot extend its own life).
   */
  async issueToken(principal: Principal): Promise<{ token: string; expiresInSeconds: number }> {
    if (principal.kind !== 'user') throw AUTH_ERRORS.unauthenticated();
    if (principal.credential?.via !== 'api_key')
      throw AUTH_ERRORS.forbidden('A token is minted from an API key, not from another token', {
        reason: 'token_from_token',
      });
    const claims: TokenClaims = { sub: principal.userId, kid: principal.credential.apiKeyId };
    const token = await this.jwt.signAsync(claims, {
      secret: this.config.AUTH_TOKEN_SECRET,
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.config.AUTH_TOKEN_TTL_SECONDS,
    });
    return { token, expiresInSeconds: this.config.AUTH_TOKEN_TTL_SECONDS };
  }

  /** The caller's keys (never their secrets). */
  listApiKeys(userId: string): Promise<ApiKeyEntity[]> {
    return this.apiKeys.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  /** Revokes a key (its owner, or an admin); tokens minted from it stop working with it. */
  async revokeApiKey(principal: Principal, keyId: string): Promise<ApiKeyEntity> {
    const key = await this.ownKey(principal, keyId);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.apiKeys.save(key);
    }
    this.forget();
    return key;
  }

  /** Replaces a key by a new one in one transaction: the old key and its tokens stop working. */
  async rotateApiKey(principal: Principal, keyId: string): Promise<{ key: ApiKeyEntity; apiKey: string }> {
    const old = await this.ownKey(principal, keyId);
    if (old.revokedAt)
      throw AUTH_ERRORS.notFound('API key not found', { field: ['id'], reason: 'unknown_api_key' });
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.update(ApiKeyEntity, { id: old.id }, { revokedAt: new Date() });
      const { key: apiKey, hash } = newApiKey();
      const key = await manager.save(
        manager.create(ApiKeyEntity, { userId: old.userId, secretHash: hash, label: old.label }),
      );
      return { key, apiKey };
    });
    this.forget();
    return result;
  }

  /** An admin disables an account: its keys and tokens are refused; the data stay. */
  async disableUser(userId: string, disabled: boolean): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw AUTH_ERRORS.notFound('User not found', { field: ['id'], reason: 'unknown_user' });
    user.disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { disabledAt: user.disabledAt });
      // Its browser sessions end for good (re-enabling does not revive them).
      if (disabled) await this.sessions.revokeAllOf(user.id, manager);
    });
    this.forget();
    return user;
  }

  /** The key and its user, from the cache when checked less than AUTH_RECHECK_SECONDS ago. */
  private async check(cacheKey: string, load: () => Promise<ApiKeyEntity | null>): Promise<Checked> {
    const now = Date.now();
    const cached = this.checked.get(cacheKey);
    if (cached && cached.until > now) return cached;
    const found = await load();
    const key = found && !found.revokedAt ? found : null;
    const user = key ? await this.users.findOne({ where: { id: key.userId } }) : null;
    const entry: Checked = {
      key,
      user: user && !user.disabledAt ? user : null,
      until: now + this.config.AUTH_RECHECK_SECONDS * 1000,
    };
    if (this.checked.size > 10_000) this.checked.clear();
    this.checked.set(cacheKey, entry);
    return entry;
  }

  /** This process forgets every check at once after a revocation (other processes within the delay). */
  private forget(): void {
    this.checked.clear();
  }

  private async ownKey(principal: Principal, keyId: string): Promise<ApiKeyEntity> {
    if (principal.kind !== 'user') throw AUTH_ERRORS.unauthenticated();
    const key = /^[0-9a-f-]{36}$/i.test(keyId) ? await this.apiKeys.findOne({ where: { id: keyId } }) : null;
    // Another user's key answers like an unknown one, except to admins.
    if (!key || (key.userId !== principal.userId && principal.role !== Role.ADMIN))
      throw AUTH_ERRORS.notFound('API key not found', { field: ['id'], reason: 'unknown_api_key' });
    return key;
  }

  createOrganisation(name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    return this.organisations.save(this.organisations.create({ name, kind }));
  }

  async getOrganisation(id: string): Promise<OrganisationEntity> {
    const org = await this.organisations.findOne({ where: { id } });
    if (!org)
      throw AUTH_ERRORS.notFound(`Organisation ${id} not found`, {
        field: ['organisationId'],
        reason: 'unknown_organisation',
      });
    return org;
  }

  /** Creates a user and its first API key in one transaction; returns the key once. */
  async createUser(input: {
    organisationId: string;
    email: string;
    role: Role;
    actorIds?: string[];
  }): Promise<{ user: UserEntity; apiKey: string }> {
    await this.getOrganisation(input.organisationId);
    if (input.role !== Role.ACTOR_EDITOR && input.actorIds?.length) {
      throw AUTH_ERRORS.badInput('actorIds: only ACTOR_EDITOR users represent actors', {
        field: ['input', 'actorIds'],
        reason: 'actor_ids_for_non_editor',
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await manager.findOne(UserEntity, { where: { email } })) {
        throw AUTH_ERRORS.conflict('A user with this email already exists', {
          field: ['input', 'email'],
          reason: 'email_taken',
        });
      }
      const user = await manager.save(
        manager.create(UserEntity, {
          organisationId: input.organisationId,
          email,
          role: input.role,
          actorIds: input.actorIds ?? [],
        }),
      );
      const { key, hash } = newApiKey();
      await manager.save(
        manager.create(ApiKeyEntity, { userId: user.id, secretHash: hash, label: 'initial' }),
      );
      return { user, apiKey: key };
    });
  }

  async createApiKey(userId: string, label: string): Promise<{ key: ApiKeyEntity; apiKey: string }> {
    const { key: apiKey, hash } = newApiKey();
    const key = await this.apiKeys.save(this.apiKeys.create({ userId, secretHash: hash, label }));
    return { key, apiKey };
  }

  /** A user without API key (an accepted invitation), in the caller's transaction. */
  createAccount(
    input: { organisationId: string; email: string; role: Role; actorIds: string[] },
    manager: EntityManager,
  ): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, { ...input, email: input.email.trim().toLowerCase() }));
  }

  /** A user by e-mail with its password hash (the only read that selects it). */
  findForSignIn(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager ?? this.dataSource.manager)
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /**
   * Sets a user's password after the policy check (BAD_USER_INPUT on `field`): at least 12
   * characters, not the account's e-mail.
   */
  async setPassword(
    user: Pick<UserEntity, 'id' | 'email'>,
    password: string,
    field: (string | number)[] = ['password'],
    manager?: EntityManager,
  ): Promise<void> {
    assertPasswordPolicy(password, user.email, field);
    const passwordHash = await hashPassword(password);
    await (manager ?? this.dataSource.manager).update(UserEntity, { id: user.id }, { passwordHash });
  }

  async findUser(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /**
   * First-run bootstrap used by the CLI: an organisation, an admin and its key, in one transaction
   * (a second run for the same e-mail adds a key to that admin).
   */
  async createFirstAdmin(orgName: string, email: string): Promise<{ user: UserEntity; apiKey: string }> {
    const normalised = email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      let user = await manager.findOne(UserEntity, { where: { email: normalised } });
      if (!user) {
        const org = await manager.save(
          manager.create(OrganisationEntity, { name: orgName, kind: OrganisationKind.LAB }),
        );
        user = await manager.save(
          manager.create(UserEntity, {
            organisationId: org.id,
            email: normalised,
            role: Role.ADMIN,
            actorIds: [],
          }),
        );
      }
      const { key, hash } = newApiKey();
      await manager.save(manager.create(ApiKeyEntity, { userId: user.id, secretHash: hash, label: 'cli' }));
      return { user, apiKey: key };
    });
  }

  private principalOf(user: UserEntity, credential: UserPrincipal['credential']): Principal {
    return {
      kind: 'user',
      userId: user.id,
      organisationId: user.organisationId,
      role: user.role,
      actorIds: user.actorIds,
      credential,
    };
  }
}

const PASSWORD_MESSAGES = {
  password_too_short: 'at least 12 characters',
  password_too_long: 'at most 200 characters',
  password_is_email: 'must not be the e-mail address',
} as const;

/** BAD_USER_INPUT with the field path when the password breaks the policy (sign-in/password.ts). */
export function assertPasswordPolicy(password: string, email: string, field: (string | number)[]): void {
  const problem = passwordProblem(password, email);
  if (problem) throw AUTH_ERRORS.badField(PASSWORD_MESSAGES[problem], field, problem);
}
