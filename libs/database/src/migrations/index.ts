import { AccountsAndJobRuns1764310000000 } from './1764310000000-accounts-and-job-runs';
import { ActorImportFiles1764330000000 } from './1764330000000-actor-import-files';
import { ScoringChunks1764340000000 } from './1764340000000-scoring-chunks';
import { SpeedMeetingEvents1764350000000 } from './1764350000000-speed-meeting-events';
import { EventFollowUp1764360000000 } from './1764360000000-event-follow-up';
import { Reliability1764370000000 } from './1764370000000-reliability';
import { ImportFileRequester1764380000000 } from './1764380000000-import-file-requester';
import { UserDisabledAt1764390000000 } from './1764390000000-user-disabled-at';
import { SignInAndTimeZones1764460000000 } from './1764460000000-sign-in-and-time-zones';
import { WishesAndFairness1764470000000 } from './1764470000000-wishes-and-fairness';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => object)[] = [
  AccountsAndJobRuns1764310000000,
  ActorImportFiles1764330000000,
  ScoringChunks1764340000000,
  SpeedMeetingEvents1764350000000,
  EventFollowUp1764360000000,
  Reliability1764370000000,
  ImportFileRequester1764380000000,
  UserDisabledAt1764390000000,
  SignInAndTimeZones1764460000000,
  WishesAndFairness1764470000000,
];
