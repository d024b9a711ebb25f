import { graphql } from '../../graphql/graphql';

/** The event fields every event page reads. */
export const EVENT_FIELDS = graphql(`
  fragment EventFields on SpeedMeetingEvent {
    id
    title
    venue
    format
    status
    startsAt
    rounds
    roundMinutes
    changeMinutes
    tables
    seats
    minMeetings
    maxMeetings
    sideRule
    sideA
    sideB
    allianceForm
    pauses {
      afterRound
      minutes
    }
  }
`);

export const EVENTS = graphql(
  `
    query Events {
      events {
        ...EventFields
      }
    }
  `,
  [EVENT_FIELDS],
);

export const EVENT = graphql(
  `
    query Event($id: ID!) {
      event(id: $id) {
        ...EventFields
      }
    }
  `,
  [EVENT_FIELDS],
);
