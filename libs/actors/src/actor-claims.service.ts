import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Action, Principal, assertAllowed } from '@maillage/auth';
import { ActorRecord } from './actor-record';
import { ActorClaimEntity } from './actor-claim.entity';
import { ActorsRepository } from './actors.repository';
import { ActorsService } from './actors.service';
import { ACTOR_ERRORS } from './actors.errors';

/**
 * The audited claim of an actor managed by nobody (seeded or imported data): an organiser (or an
 * admin) takes over its management for its organisation with a reason. The audit row is written in
 * a PostgreSQL transaction, under an advisory lock per actor, that commits only if the conditional
 * Neo4j update took the actor (two concurrent claims: one wins, the other gets CONFLICT and leaves
 * no row).
 */
@Injectable()
export class ActorClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
    private readonly repository: ActorsRepository,
  ) {}

  async claim(principal: Principal, actorId: string, reason: string): Promise<ActorRecord> {
    assertAllowed(principal, Action.ACTOR_CLAIM);
    const why = reason.trim();
    if (why.length < 10 || why.length > 500)
      throw ACTOR_ERRORS.badField('Say why in 10 to 500 characters', ['reason'], 'invalid_claim_reason');
    const actor = await this.actors.get(principal, actorId, ['actorId']);
    const alreadyManaged = () =>
      ACTOR_ERRORS.conflict(`Actor ${actorId} is already managed by an organisation`, {
        field: ['actorId'],
        reason: 'actor_already_managed',
      });
    if (actor.managedBy) throw alreadyManaged();
    await this.dataSource.transaction(async (m) => {
      // Claims of one actor queue here (every API process): the second one reads the first's
      // committed Neo4j write and fails the conditional update below.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`actor-claim:${actorId}`]);
      await m.insert(ActorClaimEntity, {
        actorId,
        organisationId: principal.organisationId,
        claimedBy: principal.userId,
        reason: why,
      });
      if (!(await this.repository.claim(actorId, principal.organisationId))) throw alreadyManaged();
    });
    return this.actors.get(principal, actorId);
  }

  /** The audit of claims, newest first (admins). */
  async list(principal: Principal, actorId: string | null, limit: number): Promise<ActorClaimEntity[]> {
    assertAllowed(principal, Action.AUDIT_READ);
    return this.dataSource.getRepository(ActorClaimEntity).find({
      where: actorId ? { actorId } : {},
      order: { createdAt: 'DESC' },
      take: Math.max(1, Math.min(limit, 200)),
    });
  }
}
