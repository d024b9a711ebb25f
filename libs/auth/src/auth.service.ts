import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';

import { ApiKeyEntity } from './entities/api-key.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { hashApiKey, looksLikeApiKey, newApiKey } from './api-key';
import { Principal } from './principal';
import { OrganisationKind, Role } from './role';
import { AUTH_ERRORS } from './auth.errors';

interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
  actors: string[];
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves an `Authorization: Bearer …` credential (API key or signed token) to a principal. */
  async authenticate(credential: string): Promise<Principal> {
    if (looksLikeApiKey(credential)) {
      const key = await this.apiKeys.findOne({
        where: { secretHash: hashApiKey(credential), revokedAt: IsNull() },
      });
      const user = key && (await this.users.findOne({ where: { id: key.userId } }));
      if (!user)
        throw AUTH_ERRORS.unauthenticated('Unknown or revoked API key', { reason: 'invalid_api_key' });
      return this.principalOf(user);
    }
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(credential, {
        secret: this.config.AUTH_TOKEN_SECRET,
      });
      return {
        kind: 'user',
        userId: claims.sub,
        organisationId: claims.org,
        role: claims.role,
        actorIds: claims.actors,
      };
    } catch {
      throw AUTH_ERRORS.unauthenticated('Invalid or expired token', { reason: 'invalid_token' });
    }
  }

  /** A short-lived signed token, so browsers need not hold the long-lived API key. */
  async issueToken(userId: string): Promise<{ token: string; expiresInSeconds: number }> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw AUTH_ERRORS.notFound('User not found');
    const claims: TokenClaims = {
      sub: user.id,
      org: user.organisationId,
      role: user.role,
      actors: user.actorIds,
    };
    const token = await this.jwt.signAsync(claims, {
      secret: this.config.AUTH_TOKEN_SECRET,
      expiresIn: this.config.AUTH_TOKEN_TTL_SECONDS,
    });
    return { token, expiresInSeconds: this.config.AUTH_TOKEN_TTL_SECONDS };
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

  async createApiKey(userId: string, label: string): Promise<string> {
    const { key, hash } = newApiKey();
    await this.apiKeys.save(this.apiKeys.create({ userId, secretHash: hash, label }));
    return key;
  }

  async findUser(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** First-run bootstrap used by the CLI: an organisation, an admin and its key. */
  async createFirstAdmin(orgName: string, email: string): Promise<{ user: UserEntity; apiKey: string }> {
    const existing = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    if (existing) {
      const apiKey = await this.createApiKey(existing.id, 'cli');
      return { user: existing, apiKey };
    }
    const org = await this.createOrganisation(orgName, OrganisationKind.LAB);
    return this.createUser({ organisationId: org.id, email, role: Role.ADMIN });
  }

  private principalOf(user: UserEntity): Principal {
    return {
      kind: 'user',
      userId: user.id,
      organisationId: user.organisationId,
      role: user.role,
      actorIds: user.actorIds,
    };
  }
}
