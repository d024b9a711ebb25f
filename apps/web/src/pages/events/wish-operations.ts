import { graphql } from '../../graphql/graphql';

/** The event as the participant's pages need it (status, zone, wishes deadline). */
export const WISH_EVENT = graphql(`
  query WishEvent($id: ID!) {
    event(id: $id) {
      id
      title
      status
      startsAt
      timeZone
      wishesDeadline
    }
  }
`);

export const WISH_CANDIDATES = graphql(`
  query WishCandidates($eventId: ID!, $actorId: ID!) {
    wishCandidates(eventId: $eventId, actorId: $actorId) {
      actorId
      name
      rank
      score
      theyBring
      youBring
      sharedCauses
      warnings
      wish
      note
    }
  }
`);

export const SET_WISH = graphql(`
  mutation SetWish($input: SetWishInput!) {
    setWish(input: $input) {
      targetId
      level
      note
    }
  }
`);

export const WISH_STATS = graphql(`
  query WishStats($eventId: ID!) {
    wishStats(eventId: $eventId) {
      eventId
      deadline
      open
      participants
      participantsWithWishes
      want
      maybe
      no
      mutualPairs
      oneSidedPairs
      refusedPairs
      mostWanted {
        actorId
        name
        wanted
      }
      mutual {
        a
        b
      }
    }
  }
`);

export const SET_WISHES_DEADLINE = graphql(`
  mutation SetWishesDeadline($eventId: ID!, $deadline: DateTime) {
    setWishesDeadline(eventId: $eventId, deadline: $deadline) {
      id
      wishesDeadline
    }
  }
`);

export const FOLLOW_UP_CONTACTS = graphql(`
  query FollowUpContacts($eventId: ID!, $actorId: ID!) {
    followUpContacts(eventId: $eventId, actorId: $actorId) {
      actorId
      name
      contact {
        name
        email
        phone
      }
      representative {
        name
        email
      }
    }
  }
`);

export const AGENDAS_PDF = graphql(`
  query AgendasPdf($eventId: ID!) {
    agendasPdf(eventId: $eventId)
  }
`);

export const TABLE_CARDS_PDF = graphql(`
  query TableCardsPdf($eventId: ID!) {
    tableCardsPdf(eventId: $eventId)
  }
`);
