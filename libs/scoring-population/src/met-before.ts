/**
 * Port: who already met whom at a speed-meeting event, for the scoring's novelty penalty.
 * The scoring population declares it and libs/schedules, which owns the meetings, provides it
 * (MeetingHistoryModule, a global module): schedules builds on complementarity, so neither
 * complementarity nor this lib can import it without a cycle. A process that loads
 * ComplementarityCoreModule also loads SchedulesCoreModule (or Nest refuses to start).
 */
export abstract class MetBeforeSource {
  /**
   * Every pair, or those touching one of `actorIds` (none for an empty list); sorted, each pair
   * as [smaller id, larger id]. `organisationIds`: only the events these organisations ran
   * (what a lab may know), null for every event.
   */
  abstract metBeforePairs(
    actorIds?: readonly string[] | null,
    now?: Date,
    organisationIds?: readonly string[] | null,
  ): Promise<(readonly [string, string])[]>;
}
