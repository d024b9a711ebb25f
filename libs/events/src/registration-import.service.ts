import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CsvRowError, DomainError, readCsvTable } from '@maillage/common';
import { Principal } from '@maillage/auth';
import { ActorsRepository, ActorsService, canSeeActor } from '@maillage/actors';
import { MAX_CONSTRAINTS, MAX_PARTICIPANTS } from './dto/event.inputs';
import { EventEntity } from './entities/event.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { EventStatus, ParticipantSide } from './event-enums';
import { RegistrationRowReason, assertStatus } from './events.errors';
import { EventsService, sideOf } from './events.service';
import { CsvRegistrationReport, CsvRegistrationRow, CsvRowProblem } from './models/event.models';

/** 1 MB and 1000 data rows: an event never has more participants. */
export const MAX_CSV_BYTES = 1_000_000;
const IDENTITY_COLUMNS = ['actor_id', 'siren', 'rna', 'external_id'] as const;
const COLUMNS = [
  ...IDENTITY_COLUMNS,
  'representative_name',
  'representative_email',
  'available_rounds',
  'must_meet',
  'must_not_meet',
  'goals',
  'side',
] as const;
type Column = (typeof COLUMNS)[number];
const KNOWN_COLUMNS = new Set<string>(COLUMNS);
/** Headers are the column names, case aside; anything else refuses the file. */
const columnOf = (header: string): Column | undefined => {
  const name = header.trim().toLowerCase();
  return KNOWN_COLUMNS.has(name) ? (name as Column) : undefined;
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACTOR_ID = /^[A-Za-z0-9_-]{1,40}$/;

type Fields = Pick<
  RegistrationEntity,
  | 'representativeName'
  | 'representativeEmail'
  | 'availableRounds'
  | 'mustMeet'
  | 'mustNotMeet'
  | 'goals'
  | 'side'
>;

class RowRejected extends Error {
  constructor(readonly problem: Omit<CsvRowError<string, RegistrationRowReason>, 'row'>) {
    super(problem.message);
  }
}

const reject = (column: string, reason: RegistrationRowReason, message: string): never => {
  throw new RowRejected({ column, reason, message });
};

/**
 * Bulk registration from a CSV. Every row is checked on its own; a rejected row writes nothing and
 * is reported (row, column, reason). Accepted rows are written together, in one transaction.
 * Idempotent: a row matching an existing registration is `unchanged`, a differing one `updated`.
 */
@Injectable()
export class RegistrationImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly actors: ActorsService,
    private readonly actorsRepository: ActorsRepository,
  ) {}

  async importCsv(
    p: Principal,
    eventId: string,
    csv: string,
    dryRun: boolean,
  ): Promise<CsvRegistrationReport> {
    const event = await this.events.managed(p, eventId);
    assertStatus(event.status, [EventStatus.DRAFT, EventStatus.OPEN], 'register participants');
    // The shared CSV pipeline; stricter than this import used to be, like the actor import: a
    // duplicate column, an empty file or a missing identity column refuse the file even without rows.
    const table = readCsvTable(csv, {
      columnOf,
      unknownColumns: 'reject',
      requiredOneOf: IDENTITY_COLUMNS,
      columnCount: 'strict',
      limits: { maxBytes: MAX_CSV_BYTES, maxRows: MAX_PARTICIPANTS },
      maxRowChars: 20_000,
    });

    const existing = new Map((await this.events.findRegistrations(event.id)).map((r) => [r.actorId, r]));
    const problems: CsvRowProblem[] = [];
    const rows: CsvRegistrationRow[] = [];
    const seen = new Set<string>();
    const creates: (Fields & { actorId: string })[] = [];
    const updates: (Fields & { id: string })[] = [];
    for (const { row, cells } of table.rows) {
      const record = cells as Record<string, string>;
      try {
        const actorId = await this.resolveActor(p, record);
        if (seen.has(actorId))
          reject('actor_id', 'duplicate_row', `actor ${actorId} appears twice in the file`);
        const fields = await this.fieldsOf(p, event, actorId, record);
        // Only accepted rows count: a corrected row may follow a rejected one for the same actor.
        seen.add(actorId);
        const before = existing.get(actorId);
        if (!before) {
          if (existing.size + creates.length >= MAX_PARTICIPANTS)
            reject('actor_id', 'event_full', `at most ${MAX_PARTICIPANTS} participants`);
          creates.push({ actorId, ...fields });
          rows.push({ row, actorId, status: 'CREATED' });
        } else if (sameFields(before, fields)) {
          rows.push({ row, actorId, status: 'UNCHANGED' });
        } else {
          updates.push({ id: before.id, ...fields });
          rows.push({ row, actorId, status: 'UPDATED' });
        }
      } catch (err) {
        if (err instanceof RowRejected) {
          problems.push({ row, ...err.problem });
          rows.push({ row, actorId: null, status: 'REJECTED' });
        } else throw err;
      }
    }
    if (!dryRun && (creates.length || updates.length)) {
      await this.dataSource.transaction(async (m) => {
        for (const c of creates) {
          // ON CONFLICT: a concurrent import or registration of the same actor updates instead.
          await m
            .createQueryBuilder()
            .insert()
            .into(RegistrationEntity)
            .values({ eventId: event.id, ...c })
            .orUpdate(
              [
                'side',
                'representative_name',
                'representative_email',
                'available_rounds',
                'must_meet',
                'must_not_meet',
                'goals',
              ],
              ['event_id', 'actor_id'],
            )
            .execute();
        }
        for (const { id, ...fields } of updates) await m.update(RegistrationEntity, { id }, fields);
      });
    }
    const count = (s: CsvRegistrationRow['status']) => rows.filter((r) => r.status === s).length;
    return {
      dryRun,
      rows: rows.length,
      created: count('CREATED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      rejected: count('REJECTED'),
      results: rows,
      problems,
    };
  }

  private async resolveActor(p: Principal, r: Record<string, string>): Promise<string> {
    if (r.actor_id) {
      if (!ACTOR_ID.test(r.actor_id)) reject('actor_id', 'unknown_actor', `actor ${r.actor_id} not found`);
      return this.visible(p, r.actor_id, 'actor_id');
    }
    for (const [column, key] of [
      ['siren', 'siren'],
      ['rna', 'rna'],
      ['external_id', 'externalId'],
    ] as const) {
      const value = r[column];
      if (!value) continue;
      const found = await this.actorsRepository.conflicts({ id: '', [key]: value });
      const id = found?.[key];
      // An actor the caller may not see answers like no actor at all (its id is never named).
      if (!id) return reject(column, 'unknown_actor', `no actor with this ${column}`);
      return this.visible(p, id, column, `no actor with this ${column}`);
    }
    return reject('actor_id', 'required', 'give actor_id, siren, rna or external_id');
  }

  private async visible(
    p: Principal,
    id: string,
    column: string,
    message = `actor ${id} not found`,
  ): Promise<string> {
    try {
      return (await this.actors.get(p, id)).id;
    } catch (err) {
      if (err instanceof DomainError) return reject(column, 'unknown_actor', message);
      throw err;
    }
  }

  private async fieldsOf(
    p: Principal,
    event: EventEntity,
    actorId: string,
    r: Record<string, string>,
  ): Promise<Fields> {
    const name = r.representative_name || null;
    if (name && name.length > 200) reject('representative_name', 'too_long', 'at most 200 characters');
    const email = r.representative_email ? r.representative_email.toLowerCase() : null;
    if (email && (email.length > 320 || !EMAIL.test(email)))
      reject('representative_email', 'invalid_email', 'not an email address');
    let rounds: number[] | null = null;
    if (r.available_rounds) {
      rounds = [];
      for (const part of r.available_rounds.split('|').map((x) => x.trim())) {
        const n = Number(part);
        if (!/^\d+$/.test(part) || n < 1)
          reject('available_rounds', 'invalid_round', `"${part}" is not a round number`);
        if (n > event.rounds)
          reject('available_rounds', 'round_out_of_range', `the event has ${event.rounds} rounds`);
        if (rounds.includes(n)) reject('available_rounds', 'duplicate', `round ${n} given twice`);
        rounds.push(n);
      }
      rounds.sort((a, b) => a - b);
    }
    const mustMeet = await this.actorList(p, r.must_meet, 'must_meet', actorId);
    const mustNotMeet = await this.actorList(p, r.must_not_meet, 'must_not_meet', actorId);
    const both = mustMeet.find((id) => mustNotMeet.includes(id));
    if (both) reject('must_meet', 'contradiction', `${both} is both a must-meet and a must-not-meet`);
    const attended = rounds?.length ?? event.rounds;
    if (mustMeet.length > attended)
      reject(
        'must_meet',
        'too_many_must_meets',
        `${mustMeet.length} must-meets but ${attended} rounds attended`,
      );
    const goals = r.goals || null;
    if (goals && goals.length > 2000) reject('goals', 'too_long', 'at most 2000 characters');
    let explicit: ParticipantSide | undefined;
    if (r.side) {
      if (r.side !== ParticipantSide.A && r.side !== ParticipantSide.B)
        reject('side', 'invalid_side', 'A or B');
      explicit = r.side as ParticipantSide;
    }
    let side: ParticipantSide | null = null;
    try {
      side = sideOf(event, await this.actors.get(p, actorId), explicit);
    } catch (err) {
      if (err instanceof DomainError) reject('side', 'side_undetermined', err.message);
      throw err;
    }
    return {
      representativeName: name,
      representativeEmail: email,
      availableRounds: rounds,
      mustMeet,
      mustNotMeet,
      goals,
      side,
    };
  }

  /** Must-(not-)meet ids: each an actor the caller may see (others answer like unknown ids). */
  private async actorList(
    p: Principal,
    value: string | undefined,
    column: string,
    self: string,
  ): Promise<string[]> {
    if (!value) return [];
    const ids = value
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean);
    if (ids.length > MAX_CONSTRAINTS) reject(column, 'too_many', `at most ${MAX_CONSTRAINTS} actors`);
    if (new Set(ids).size !== ids.length) reject(column, 'duplicate', 'an actor is listed twice');
    if (ids.includes(self)) reject(column, 'self_reference', 'an actor cannot name itself');
    const bad = ids.find((id) => !ACTOR_ID.test(id));
    if (bad) reject(column, 'unknown_actor', `actor ${bad} not found`);
    const found = new Set(
      (await this.actorsRepository.getMany(ids)).filter((a) => canSeeActor(p, a)).map((a) => a.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) reject(column, 'unknown_actor', `actor ${missing} not found`);
    return ids;
  }
}

function sameFields(a: RegistrationEntity, b: Fields): boolean {
  const eq = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return (
    eq(a.representativeName, b.representativeName) &&
    eq(a.representativeEmail, b.representativeEmail) &&
    eq(a.availableRounds, b.availableRounds) &&
    eq(a.mustMeet, b.mustMeet) &&
    eq(a.mustNotMeet, b.mustNotMeet) &&
    eq(a.goals, b.goals) &&
    eq(a.side, b.side)
  );
}
