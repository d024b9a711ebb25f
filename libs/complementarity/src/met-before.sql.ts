/**
 * Pairs who met at a speed-meeting event, for the scoring's novelty penalty (PairContext.metBefore).
 *
 * Rule (kept simple on purpose): a meeting counts when
 * - its schedule is the event's PUBLISHED one (drafts never happened; an ARCHIVED version was
 *   replaced, and a re-pairing publishes a new version that repeats the rounds already held), and
 * - its event is LIVE or CLOSED, and
 * - the event is CLOSED, or the meeting's round has started: starts_at + (round − 1) × (round +
 *   change minutes) + the pauses announced after earlier rounds ≤ now() (the same clock as
 *   libs/events/src/event-clock.ts `roundTimes`).
 * A table of 3–6 seats counts as every pair at the table having met. Feedback (no-shows) is not
 * consulted: a scheduled meeting of a round that started is taken as held.
 *
 * Raw SQL over the events tables because libs/events depends on this library (not the reverse).
 * $1: text[] of actor ids to restrict to (pairs touching one of them), or NULL for every pair.
 */
export const MET_BEFORE_PAIRS = `
SELECT DISTINCT x.id AS a, y.id AS b
FROM meetings m
JOIN schedules s ON s.id = m.schedule_id AND s.status = 'PUBLISHED'
JOIN events e ON e.id = s.event_id AND e.status IN ('LIVE', 'CLOSED')
CROSS JOIN LATERAL unnest(m.participant_ids) AS x(id)
CROSS JOIN LATERAL unnest(m.participant_ids) AS y(id)
WHERE x.id < y.id
  AND (e.status = 'CLOSED' OR e.starts_at + make_interval(mins =>
        (m.round - 1) * (e.round_minutes + e.change_minutes)
        + (SELECT coalesce(sum((p->>'minutes')::int), 0)::int
           FROM jsonb_array_elements(e.pauses) p WHERE (p->>'afterRound')::int < m.round)) <= now())
  AND ($1::text[] IS NULL OR x.id = ANY($1::text[]) OR y.id = ANY($1::text[]))
ORDER BY a, b`;
