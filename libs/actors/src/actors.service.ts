import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkPageSize, decodeCursor, encodeCursor, normaliseForSearch } from '@maillage/common';
import { Action, Principal, assertAllowed, assertCanEditActor } from '@maillage/auth';
import { Role } from '@maillage/auth';
import { familyOfKind, Visibility } from '@maillage/domain';
import { ScoringRequests } from '@maillage/jobs';
import { ActorRecord, ActorWrite } from './actor-record';
import { ReferenceCollector } from './actor-references';
import { canSeeActor, listVisibilityParams } from './actor-visibility';
import { ActorSummaryRecord, ActorsRepository } from './actors.repository';
import {
  ActorFilter,
  CreateActorInput,
  EndAllianceInput,
  NeedInput,
  OfferInput,
  RecordAllianceInput,
  SetTerritoriesInput,
  UpdateActorInput,
} from './dto/actor.inputs';
import { ACTOR_ERRORS, DUPLICATE_KEY_REASON } from './actors.errors';

export function newActorId(): string {
  return `act_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Use cases on actors: validate everything first, then write in one transaction. */
@Injectable()
export class ActorsService {
  constructor(
    private readonly repository: ActorsRepository,
    private readonly scoring: ScoringRequests,
  ) {}

  async get(principal: Principal, id: string, field: (string | number)[] = ['id']): Promise<ActorRecord> {
    const [actor] = await this.repository.getMany([id]);
    if (!actor || !canSeeActor(principal, actor)) {
      throw ACTOR_ERRORS.notFound(`Actor ${id} not found`, { field, reason: 'unknown_actor' });
    }
    return actor;
  }

  /** Visibility check and name only: one small read, for hot paths. */
  async getSummary(
    principal: Principal,
    id: string,
    field: (string | number)[] = ['id'],
  ): Promise<ActorSummaryRecord> {
    return this.visibleSummary(principal, await this.repository.summary(id), field, id);
  }

  /** A summary read elsewhere (e.g. with the actor's partners), if the caller may see it; else NOT_FOUND. */
  visibleSummary<T extends ActorSummaryRecord>(
    principal: Principal,
    actor: T | null,
    field: (string | number)[],
    id: string,
  ): T {
    if (!actor || !canSeeActor(principal, actor)) {
      throw ACTOR_ERRORS.notFound(`Actor ${id} not found`, { field, reason: 'unknown_actor' });
    }
    return actor;
  }

  async list(principal: Principal, filter: ActorFilter = {}, first?: number, after?: string) {
    const limit = checkPageSize(first);
    const [afterName, afterId] = after ? decodeCursor(after) : [null, null];
    const rows = await this.repository.list({
      kinds: filter.kinds?.length ? filter.kinds : null,
      families: filter.families?.length ? filter.families : null,
      search: filter.search ? normaliseForSearch(filter.search) : null,
      sdg: filter.sdg ?? null,
      territory: filter.territory ?? null,
      offers: filter.offers ?? null,
      needs: filter.needs ?? null,
      afterName: afterName === null ? null : String(afterName),
      afterId: afterId === null ? null : String(afterId),
      limit: limit + 1,
      ...listVisibilityParams(principal),
    });
    const page = rows.slice(0, limit);
    const edges = page.map((r) => ({ cursor: encodeCursor([r.sortKey, r.actor.id]), node: r.actor }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async create(principal: Principal, input: CreateActorInput): Promise<ActorRecord> {
    assertAllowed(principal, Action.ACTOR_CREATE);
    const actor: ActorWrite = {
      id: newActorId(),
      externalId: input.externalId ?? null,
      name: input.name.trim(),
      kind: input.kind,
      family: familyOfKind(input.kind),
      siren: input.siren ?? null,
      rna: input.rna ?? null,
      description: input.description ?? null,
      sizeBand: input.sizeBand ?? null,
      visibility: input.visibility ?? Visibility.PUBLIC,
      allianceForms: input.allianceForms ?? [],
      managedBy:
        principal.role === Role.ADMIN || principal.role === Role.ORGANISER ? principal.organisationId : null,
      communeCode: input.communeCode ?? null,
      actsIn: input.actsIn ?? [],
      offers: dedupeOffers(input.offers ?? []),
      needs: dedupeNeeds(input.needs ?? []),
      causes: input.causes ?? [],
      memberOf: input.memberOf ?? [],
      contact: input.contact ?? null,
    };
    await this.checkReferences(actor, ['input'], principal);
    await this.checkUnique(actor);
    await this.repository.upsert(actor);
    await this.profileChanged(actor.id);
    return this.get(principal, actor.id);
  }

  /**
   * The actor, for a caller about to change it: role first (FORBIDDEN), then visibility (NOT_FOUND,
   * exactly like an unknown id), then the object rule (FORBIDDEN): see canEditActor.
   */
  async editable(
    principal: Principal,
    id: string,
    field: (string | number)[] = ['id'],
  ): Promise<ActorRecord> {
    assertAllowed(principal, Action.ACTOR_UPDATE);
    const actor = await this.get(principal, id, field);
    assertCanEditActor(principal, actor, field);
    return actor;
  }

  async update(principal: Principal, id: string, input: UpdateActorInput): Promise<ActorRecord> {
    const current = await this.editable(principal, id);
    const kind = input.kind ?? current.kind;
    const next: ActorWrite = {
      ...toWrite(current),
      name: input.name?.trim() ?? current.name,
      kind,
      family: familyOfKind(kind),
      siren: input.siren ?? current.siren,
      rna: input.rna ?? current.rna,
      description: input.description ?? current.description,
      sizeBand: input.sizeBand ?? current.sizeBand,
      visibility: input.visibility ?? current.visibility,
      allianceForms: input.allianceForms ?? current.allianceForms,
      contact: input.contact ? { ...current.contact, ...input.contact } : current.contact,
    };
    await this.checkUnique(next);
    await this.repository.upsert(next);
    await this.profileChanged(id);
    return this.get(principal, id);
  }

  async delete(principal: Principal, id: string): Promise<boolean> {
    assertAllowed(principal, Action.ACTOR_DELETE);
    const deleted = await this.repository.delete(id);
    if (!deleted)
      throw ACTOR_ERRORS.notFound(`Actor ${id} not found`, { field: ['id'], reason: 'unknown_actor' });
    return true;
  }

  async setOffers(principal: Principal, id: string, offers: OfferInput[]) {
    return this.replace(principal, id, (a) => ({ ...a, offers: dedupeOffers(offers) }), ['input']);
  }

  async setNeeds(principal: Principal, id: string, needs: NeedInput[]) {
    return this.replace(principal, id, (a) => ({ ...a, needs: dedupeNeeds(needs) }), ['input']);
  }

  async setCauses(principal: Principal, id: string, causes: number[]) {
    return this.replace(principal, id, (a) => ({ ...a, causes }), ['input']);
  }

  async setTerritories(principal: Principal, id: string, input: SetTerritoriesInput) {
    return this.replace(
      principal,
      id,
      (a) => ({ ...a, communeCode: input.communeCode ?? a.communeCode, actsIn: input.actsIn }),
      ['input'],
    );
  }

  async recordAlliance(principal: Principal, input: RecordAllianceInput): Promise<ActorRecord> {
    assertAllowed(principal, Action.ALLIANCE_WRITE);
    await this.editable(principal, input.actorId, ['input', 'actorId']);
    if (input.actorId === input.partnerId) {
      throw ACTOR_ERRORS.badInput('input.partnerId: an actor cannot ally with itself', {
        field: ['input', 'partnerId'],
        reason: 'self_alliance',
      });
    }
    await this.get(principal, input.partnerId, ['input', 'partnerId']);
    const since = input.since ?? new Date().toISOString().slice(0, 10);
    await this.repository.recordAlliance(input.actorId, input.partnerId, input.form, since, 'manual');
    await this.profileChanged(input.actorId);
    await this.profileChanged(input.partnerId);
    return this.get(principal, input.actorId);
  }

  async endAlliance(principal: Principal, input: EndAllianceInput): Promise<ActorRecord> {
    assertAllowed(principal, Action.ALLIANCE_WRITE);
    await this.editable(principal, input.actorId, ['input', 'actorId']);
    const until = input.until ?? new Date().toISOString().slice(0, 10);
    // A partner the caller may not see has no alliance the caller may see either.
    const partner = await this.repository.summary(input.partnerId);
    const ended =
      !!partner &&
      canSeeActor(principal, partner) &&
      (await this.repository.endAlliance(input.actorId, input.partnerId, input.form, until));
    if (!ended) {
      throw ACTOR_ERRORS.notFound('No such alliance between these actors', {
        field: ['input', 'partnerId'],
        reason: 'unknown_alliance',
      });
    }
    await this.profileChanged(input.actorId);
    await this.profileChanged(input.partnerId);
    return this.get(principal, input.actorId);
  }

  /**
   * Validation shared with the CSV import: every reference must exist. With a principal, the
   * network heads named (memberOf) must also be visible to it: others answer like unknown ids.
   */
  async checkReferences(actor: ActorWrite, root: (string | number)[], principal?: Principal): Promise<void> {
    const refs = new ReferenceCollector();
    refs.territory(actor.communeCode, [...root, 'communeCode']);
    actor.actsIn.forEach((code, i) => refs.territory(code, [...root, 'actsIn', i]));
    actor.offers.forEach((o, i) => refs.competence(o.competenceId, [...root, 'offers', i, 'competenceId']));
    actor.needs.forEach((n, i) => refs.competence(n.competenceId, [...root, 'needs', i, 'competenceId']));
    actor.memberOf.forEach((id, i) => refs.actor(id, [...root, 'memberOf', i]));
    const missing = await this.repository.missingReferences(refs.keys());
    if (principal && actor.memberOf.length) {
      const heads = await this.repository.getMany(
        actor.memberOf.filter((id) => !missing.actors.includes(id)),
      );
      missing.actors.push(...heads.filter((h) => !canSeeActor(principal, h)).map((h) => h.id));
    }
    refs.assertNoneMissing(missing);
  }

  async checkUnique(actor: Pick<ActorWrite, 'id' | 'siren' | 'rna' | 'externalId'>): Promise<void> {
    const clash = await this.repository.conflicts(actor);
    for (const field of ['siren', 'rna', 'externalId'] as const) {
      if (clash?.[field]) {
        throw ACTOR_ERRORS.conflict(`Actor ${clash[field]} already has this ${field}`, {
          field: ['input', field],
          reason: DUPLICATE_KEY_REASON[field],
        });
      }
    }
  }

  private async replace(
    principal: Principal,
    id: string,
    change: (a: ActorWrite) => ActorWrite,
    root: (string | number)[],
  ): Promise<ActorRecord> {
    const current = await this.editable(principal, id, ['actorId']);
    const next = change(toWrite(current));
    await this.checkReferences(next, root);
    await this.repository.upsert(next);
    await this.profileChanged(id);
    return this.get(principal, id);
  }

  /** Scores must follow profile edits within about a second: hand the actor to the scoring worker. */
  private async profileChanged(actorId: string): Promise<void> {
    await this.scoring.rescoreActors([actorId]);
  }
}

export function toWrite(a: ActorRecord): ActorWrite {
  return {
    id: a.id,
    externalId: a.externalId,
    name: a.name,
    kind: a.kind,
    family: a.family,
    siren: a.siren,
    rna: a.rna,
    description: a.description,
    sizeBand: a.sizeBand,
    visibility: a.visibility ?? Visibility.PUBLIC,
    allianceForms: a.allianceForms,
    managedBy: a.managedBy,
    communeCode: a.location?.code ?? null,
    actsIn: a.actsIn.map((t) => t.code),
    offers: a.offers.map((o) => ({ competenceId: o.competence.id, modality: o.modality, level: o.level })),
    needs: a.needs.map((n) => ({ competenceId: n.competence.id, priority: n.priority })),
    causes: a.causes.map((c) => c.sdg),
    memberOf: a.memberOf.map((m) => m.id),
    contact: a.contact,
  };
}

/** The same (competence, modality) twice keeps the highest level. */
function dedupeOffers(offers: OfferInput[]) {
  const byKey = new Map<string, { competenceId: string; modality: string; level: number }>();
  for (const o of offers) {
    const key = `${o.competenceId}|${o.modality}`;
    const prev = byKey.get(key);
    if (!prev || prev.level < o.level)
      byKey.set(key, { competenceId: o.competenceId, modality: o.modality, level: o.level });
  }
  return [...byKey.values()];
}

function dedupeNeeds(needs: NeedInput[]) {
  const byKey = new Map<string, { competenceId: string; priority: number }>();
  for (const n of needs) {
    const prev = byKey.get(n.competenceId);
    if (!prev || prev.priority < n.priority)
      byKey.set(n.competenceId, { competenceId: n.competenceId, priority: n.priority });
  }
  return [...byKey.values()];
}
