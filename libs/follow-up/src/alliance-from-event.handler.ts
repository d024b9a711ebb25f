import { Injectable } from '@nestjs/common';
import { ActorsRepository } from '@maillage/actors';
import { OutboxHandled, OutboxHandler } from '@maillage/outbox';
import { ALLIANCE_FROM_EVENT, AllianceFromEventPayload } from './alliance-from-event';

/** Worker side of ALLIANCE_FROM_EVENT: the alliance reaches the graph (MERGE, so a replay is a no-op, and never revives an alliance ended since). */
@Injectable()
export class AllianceFromEventHandler {
  constructor(private readonly actors: ActorsRepository) {}

  @OutboxHandler(ALLIANCE_FROM_EVENT)
  async apply(payload: Record<string, unknown>): Promise<OutboxHandled> {
    const p = payload as unknown as AllianceFromEventPayload;
    await this.actors.recordAlliance(p.a, p.b, p.form, p.since, 'event', { keepEnded: true });
    return { actorsToRescore: [p.a, p.b] };
  }
}
