import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsCoreModule } from '@maillage/actors';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsService } from './invitations.service';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsSweep } from './invitations-sweep';

/** Invitation links: create, preview, accept (the account and its first password). */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity]), ActorsCoreModule],
  providers: [InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsCoreModule {}

/** API side: createInvitation, invitation, acceptInvitation. */
@Module({ imports: [InvitationsCoreModule], providers: [InvitationsResolver] })
export class InvitationsGraphqlModule {}

/** Worker side: the sweep task deleting used or expired invitations. */
@Module({ providers: [InvitationsSweep] })
export class InvitationsWorkerModule {}
