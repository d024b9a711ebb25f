import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CookieRequest,
  CookieResponse,
  CurrentPrincipal,
  Me,
  Principal,
  SessionsService,
} from '@maillage/auth';
import { CreateInvitationInput } from './dto/invitation.inputs';
import { InvitationModel, InvitationPreview } from './models/invitation.models';
import { InvitationsService } from './invitations.service';

@Resolver()
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
  ) {}

  @Mutation(() => InvitationModel, {
    description:
      'Invites a person: a single-use link that expires. ADMIN (any organisation and role) or ORGANISER (its organisation; ORGANISER, ACTOR_EDITOR, VIEWER; actors it may edit).',
  })
  async createInvitation(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateInvitationInput,
  ): Promise<InvitationModel> {
    const { invitation, token } = await this.invitations.create(principal, input);
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      link: `/invitation/${token}`,
    };
  }

  @Query(() => InvitationPreview, {
    description: 'The invitation behind a link (anonymous). Unknown, used or expired: NOT_FOUND.',
  })
  async invitation(@Args('token') token: string): Promise<InvitationPreview> {
    const { invitation, organisationName } = await this.invitations.preview(token);
    return {
      email: invitation.email,
      organisationName,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }

  @Mutation(() => Me, {
    description:
      'Sets the password from an invitation link (at least 12 characters, not the e-mail) and signs in (session cookie).',
  })
  async acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context('req') req: CookieRequest,
    @Context('res') res: CookieResponse,
  ): Promise<Me> {
    const { user, ...opened } = await this.invitations.accept(token, password);
    return this.sessions.handOver(req, res, user, opened);
  }
}
