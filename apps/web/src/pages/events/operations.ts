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
    timeZone
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

export const OPEN_EVENT = graphql(`
  mutation OpenEvent($eventId: ID!) {
    openEvent(eventId: $eventId) {
      id
      status
    }
  }
`);

export const CLOSE_EVENT = graphql(`
  mutation CloseEvent($eventId: ID!) {
    closeEvent(eventId: $eventId) {
      id
      status
    }
  }
`);

export const CREATE_EVENT = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
    }
  }
`);

export const REGISTRATION_FIELDS = graphql(`
  fragment RegistrationFields on Registration {
    id
    actorId
    actorName
    availableRounds
    checkedIn
    noShow
    absentFromRound
    presentFromRound
    mustMeet
    mustNotMeet
    side
    goals
    representative {
      name
      email
    }
  }
`);

export const REGISTRATIONS = graphql(
  `
    query Registrations($eventId: ID!) {
      registrations(eventId: $eventId) {
        ...RegistrationFields
      }
    }
  `,
  [REGISTRATION_FIELDS],
);

export const MEETING_FIELDS = graphql(`
  fragment MeetingFields on Meeting {
    id
    round
    table
    locked
    score
    participantIds
    participants {
      actorId
      name
    }
    reasons {
      a
      b
      score
      aGets
      bGets
      sharedCauses
      components
      warnings
    }
  }
`);

export const SCHEDULE_FIELDS = graphql(
  `
    fragment ScheduleFields on Schedule {
      id
      eventId
      version
      status
      algorithm
      totalScore
      upperBound
      publishedAt
      repairedFromRound
      unplaced {
        actorId
        code
        reason
      }
      rounds {
        round
        startsAt
        endsAt
        breaks
        meetings {
          ...MeetingFields
        }
      }
    }
  `,
  [MEETING_FIELDS],
);

export const SCHEDULE = graphql(
  `
    query Schedule($eventId: ID!) {
      schedule(eventId: $eventId) {
        ...ScheduleFields
      }
    }
  `,
  [SCHEDULE_FIELDS],
);
