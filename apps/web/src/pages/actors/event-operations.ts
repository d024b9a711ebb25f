import { graphql } from '../../graphql/graphql';

/** The events the actor is registered for (its editors, the lab's organisers, admins). */
export const ACTOR_EVENTS = graphql(`
  query ActorEvents($actorId: ID!) {
    actorEvents(actorId: $actorId) {
      id
      title
      status
      startsAt
      timeZone
      venue
      wishesDeadline
      wishesOpen
    }
  }
`);

export const ACTOR_AGENDA = graphql(`
  query ActorAgenda($eventId: ID!, $actorId: ID!) {
    agenda(eventId: $eventId, actorId: $actorId) {
      eventId
      eventTitle
      actorName
      venue
      timeZone
      slots {
        round
        startsAt
        endsAt
        meetingId
        table
        partners {
          actorId
          name
          reason
        }
      }
    }
  }
`);

export const AGENDA_ICS = graphql(`
  query AgendaIcs($eventId: ID!, $actorId: ID!) {
    agendaIcs(eventId: $eventId, actorId: $actorId)
  }
`);

export const RECORD_FEEDBACK = graphql(`
  mutation RecordFeedback($input: FeedbackInput!) {
    recordFeedback(input: $input) {
      id
      meetingId
      partnerId
      rating
      outcome
      wantsFollowUp
    }
  }
`);
