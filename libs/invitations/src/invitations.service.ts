import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import {
  AUTH_ERRORS,
  Action,
  AuthService,
  Principal,
  Role,
  SessionsService,
  UserEntity,
  assertAllowed,
  assertPasswordPolicy,
  hashSecret,
} from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { CreateInvitationInput } from './dto/invitation.inputs';
import { InvitationEntity } from './entities/invitation.entity';
import { INVITATION_ERRORS } from './invitations.errors';

/** Roles an organiser may hand out, in its own organisation only. */
const ORGANISER_INVITES: readonly Role[] = [Role.ORGANISER, Role.ACTOR_EDITOR, Role.VIEWER];

/**
 * Invitations: an admin (any organisation, any role) or an organiser (its organisation; ORGANISER,
 * ACTOR_EDITOR, VIEWER; actors it may edit) creates a single-use link that expires; the invited
 * person opens it, sets a password and is signed in. The link is shown to its author (no e-mail yet).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly actors: ActorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    principal: Principal,
    input: CreateInvitationInput,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    assertAllowed(principal, Action.USER_INVITE);
    const admin = principal.role === Role.ADMIN;
    const organisationId = input.organisationId ?? principal.organisationId;
    // Another organisation answers like an unknown one to an organiser.
    if (!admin && organisationId !== principal.organisationId)
      throw AUTH_ERRORS.notFound(`Organisation ${organisationId} not found`, {
        field: ['input', 'organisationId'],
        reason: 'unknown_organisation',
      });
    if (!admin && !ORGANISER_INVITES.includes(input.role))
      throw INVITATION_ERRORS.forbidden(`An organiser may not invite a ${input.role}`, {
        field: ['input', 'role'],
        reason: 'role_not_invitable',
      });
    await this.auth.getOrganisation(organisationId);
    const actorIds = [...new Set(input.actorIds ?? [])];
    if (input.role !== Role.ACTOR_EDITOR && actorIds.length)
      throw AUTH_ERRORS.badInput('actorIds: only ACTOR_EDITOR users represent actors', {
        field: ['input', 'actorIds'],
        reason: 'actor_ids_for_non_editor',
      });
    // Unknown or invisible actors: NOT_FOUND; visible but not the caller's to edit: FORBIDDEN.
    for (const [i, id] of actorIds.entries())
      await this.actors.editable(principal, id, ['input', 'actorIds', i]);
    const email = input.email.trim().toLowerCase();
    await this.assertInvitable(email, organisationId, input.role, admin);
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.invitations.save(
      this.invitations.create({
        tokenHash: hashSecret(token),
        email,
        organisationId,
        role: input.role,
        actorIds,
        invitedBy: principal.userId,
        expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_SECONDS * 1000),
      }),
    );
    return { invitation, token };
  }

  /** What the invitation page shows; NOT_FOUND when unknown, used or expired. */
  async preview(token: string): Promise<{ invitation: InvitationEntity; organisationName: string }> {
    const invitation = usable(await this.invitations.findOne({ where: { tokenHash: hashSecret(token) } }));
    const organisation = await this.auth.getOrganisation(invitation.organisationId);
    return { invitation, organisationName: organisation.name };
  }

  /**
   * Uses the invitation once: creates the account (or sets the password of the existing invited one)
   * and opens a session, in one transaction. Returns the user and the session cookie's token.
   */
  async accept(
    token: string,
    password: string,
  ): Promise<{ user: UserEntity; token: string; maxAgeSeconds: number }> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = usable(
        await manager.findOne(InvitationEntity, {
          where: { tokenHash: hashSecret(token) },
          lock: { mode: 'pessimistic_write' },
        }),
      );
      assertPasswordPolicy(password, invitation.email, ['password']);
      const inviter = await this.auth.findUser(invitation.invitedBy);
      let user = await this.auth.findForSignIn(invitation.email, manager);
      if (user) {
        await this.assertInvitable(
          invitation.email,
          invitation.organisationId,
          invitation.role,
          inviter?.role === Role.ADMIN,
          manager,
        );
      } else {
        user = await this.auth.createAccount(
          {
            organisationId: invitation.organisationId,
            email: invitation.email,
            role: invitation.role,
            actorIds: invitation.actorIds,
          },
          manager,
        );
      }
      await this.auth.setPassword(user, password, ['password'], manager);
      await manager.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
      const session = await this.sessions.open(user.id, manager);
      return { user, ...session };
    });
  }

  /**
   * An existing account may only be given its first password, by an admin's invitation naming its
   * own organisation and role (an organiser never takes over an account through a link it holds).
   */
  private async assertInvitable(
    email: string,
    organisationId: string,
    role: Role,
    byAdmin: boolean,
    manager?: EntityManager,
  ): Promise<void> {
    const existing = await this.auth.findForSignIn(email, manager);
    if (!existing) return;
    if (
      existing.passwordHash ||
      existing.disabledAt ||
      !byAdmin ||
      existing.organisationId !== organisationId ||
      existing.role !== role
    )
      throw INVITATION_ERRORS.conflict('An account with this e-mail already exists', {
        field: ['input', 'email'],
        reason: 'account_exists',
      });
  }
}

function usable(invitation: InvitationEntity | null): InvitationEntity {
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now())
    throw INVITATION_ERRORS.notFound('This invitation link is unknown, already used or expired', {
      field: ['token'],
      reason: 'unknown_invitation',
    });
  return invitation;
}
