import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { localDate } from '@maillage/domain';
import { MeetingOutcome } from '@maillage/events';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';
import { OutboxService } from '@maillage/outbox';
import { allianceFromEvent } from './alliance-from-event';
import { FeedbackInput } from './dto/follow-up.inputs';
import { FeedbackEntity } from './entities/feedback.entity';
import { Feedback } from './models/follow-up.models';
import { PlayedMeetingsService } from './played-meetings.service';

/** Feedback per meeting and participant; agreements are relayed to the graph through the outbox. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly played: PlayedMeetingsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Records (or updates) one participant's feedback. An AGREEMENT also writes an outbox row in
   * the SAME transaction: the alliance reaches Neo4j through the relay even if Neo4j is down now.
   */
  async record(p: Principal, input: FeedbackInput): Promise<Feedback> {
    const { meeting, event, partnerId } = await this.played.find(p, input, 'record feedback');
    if (partnerId === null && input.outcome !== MeetingOutcome.NONE)
      throw FOLLOW_UP_ERRORS.badField(
        'at a table, name the partner the outcome is with',
        ['input', 'partnerId'],
        'required',
      );

    const saved = await this.outbox.transaction(async (m, writeOutbox) => {
      const [row] = (await m.query(
        `INSERT INTO feedback (meeting_id, actor_id, partner_id, rating, wants_follow_up, outcome)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (meeting_id, actor_id) DO UPDATE SET partner_id = EXCLUDED.partner_id,
           rating = EXCLUDED.rating, wants_follow_up = EXCLUDED.wants_follow_up,
           outcome = EXCLUDED.outcome, updated_at = now()
         RETURNING id`,
        [meeting.id, input.actorId, partnerId, input.rating, input.wantsFollowUp, input.outcome],
      )) as { id: string }[];
      if (input.outcome === MeetingOutcome.AGREEMENT && partnerId) {
        await writeOutbox(
          allianceFromEvent({
            eventId: event.id,
            meetingId: meeting.id,
            a: input.actorId,
            b: partnerId,
            form: input.allianceForm ?? event.allianceForm,
            since: localDate(event.startsAt, event.timeZone),
          }),
        );
      }
      return m.findOneOrFail(FeedbackEntity, { where: { id: row.id } });
    });
    return toFeedback(saved);
  }
}

function toFeedback(f: FeedbackEntity): Feedback {
  return {
    id: f.id,
    meetingId: f.meetingId,
    actorId: f.actorId,
    partnerId: f.partnerId,
    rating: f.rating,
    wantsFollowUp: f.wantsFollowUp,
    outcome: f.outcome,
  };
}
