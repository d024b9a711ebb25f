import { registerEnumType } from '@nestjs/graphql';

export enum EventFormat {
  /** Rotating pairs, anyone with anyone. */
  ONE_TO_ONE = 'ONE_TO_ONE',
  /** Rotating pairs across two sides (e.g. associations × companies), sides chosen by family or kind. */
  BIPARTITE = 'BIPARTITE',
  /** Small tables of `seats` participants per round. */
  TABLES = 'TABLES',
}

/** DRAFT → OPEN (registrations) → SCHEDULED (draft schedule under review) → PUBLISHED → LIVE → CLOSED. */
export enum EventStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  LIVE = 'LIVE',
  CLOSED = 'CLOSED',
}

export enum SideRule {
  FAMILY = 'FAMILY',
  KIND = 'KIND',
}

export enum ParticipantSide {
  A = 'A',
  B = 'B',
}

export enum ScheduleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  /** A published schedule replaced by a newer published version. */
  ARCHIVED = 'ARCHIVED',
}

export enum MeetingOutcome {
  NONE = 'NONE',
  CONTACT = 'CONTACT',
  NEGOTIATION = 'NEGOTIATION',
  AGREEMENT = 'AGREEMENT',
}

registerEnumType(EventFormat, { name: 'EventFormat' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(SideRule, { name: 'SideRule', description: 'How BIPARTITE sides are derived from actors.' });
registerEnumType(ParticipantSide, { name: 'ParticipantSide' });
registerEnumType(ScheduleStatus, { name: 'ScheduleStatus' });
registerEnumType(MeetingOutcome, { name: 'MeetingOutcome' });
