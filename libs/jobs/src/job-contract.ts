/**
 * The jobs contract between the API (producer) and the workers (consumers).
 * Queue and job names are a wire format: never rename them casually.
 * Payloads carry ids only — never documents, never personal data.
 */
import { createHash } from 'node:crypto';

export enum QueueName {
  SCORING = 'scoring',
  IMPORT = 'import',
  SCHEDULING = 'scheduling',
  OUTBOX = 'outbox',
}

export enum JobName {
  /** Rescore one actor after its profile changed (deduplicated while pending). */
  SCORE_ACTOR = 'score-actor',
  /** Rescore a batch of actors changed together (an import's chunk, alliances): one pass for all. */
  SCORE_ACTORS = 'score-actors',
  /** Plan a full rebuild of a scope: split it into chunks. */
  SCORING_REBUILD = 'scoring-rebuild',
  /** Score one chunk of a rebuild and write its top-K edges. */
  SCORING_CHUNK = 'scoring-chunk',
  /** Import a CSV file of actors stored in PostgreSQL. */
  IMPORT_ACTORS_CSV = 'import-actors-csv',
  /** Build a draft speed-meeting schedule for an event (job run = progress for the organiser). */
  GENERATE_SCHEDULE = 'generate-schedule',
  /** Relay pending PostgreSQL outbox rows to Neo4j (alliances recorded from event feedback). */
  RELAY_OUTBOX = 'relay-outbox',
}

export interface JobPayloads {
  [JobName.SCORE_ACTOR]: { actorId: string };
  [JobName.SCORE_ACTORS]: { actorIds: string[] };
  [JobName.SCORING_REBUILD]: { runId: string };
  [JobName.SCORING_CHUNK]: { runId: string; chunk: number };
  [JobName.IMPORT_ACTORS_CSV]: { runId: string };
  [JobName.GENERATE_SCHEDULE]: {
    runId: string;
    eventId: string;
    /** Keep the current schedule's locked meetings and re-plan the rest (a flag travels in the payload). */
    keepLocked?: boolean;
    /** What the optimiser maximises; SUM when absent (runs queued before the option existed). */
    objective?: 'SUM' | 'FAIRNESS';
  };
  /** Empty: the relay reads whatever is pending, so any enqueue drains every row. */
  [JobName.RELAY_OUTBOX]: Record<string, never>;
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** Jobs that drive a user-visible job run (job_runs): their payload names it. */
export type RunJobName = {
  [N in JobName]: JobPayload<N> extends { runId: string } ? N : never;
}[JobName];

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SCORE_ACTOR]: QueueName.SCORING,
  [JobName.SCORE_ACTORS]: QueueName.SCORING,
  [JobName.SCORING_REBUILD]: QueueName.SCORING,
  [JobName.SCORING_CHUNK]: QueueName.SCORING,
  [JobName.IMPORT_ACTORS_CSV]: QueueName.IMPORT,
  [JobName.GENERATE_SCHEDULE]: QueueName.SCHEDULING,
  [JobName.RELAY_OUTBOX]: QueueName.OUTBOX,
};

export interface JobPolicy<N extends JobName> {
  attempts: number;
  backoffMs: number;
  /** Deterministic job id: two enqueues with the same id while pending run once. */
  jobId?: (p: JobPayload<N>) => string;
  /** Deduplication id: at most one pending job, and one more queued while one is active. */
  dedupId?: (p: JobPayload<N>) => string;
}

/** Retry, backoff and deduplication, in one place. BullMQ forbids ':' in custom ids. */
export const JOB_POLICIES: { [N in JobName]: JobPolicy<N> } = {
  // Deduplicated while pending; an edit arriving while the rescore runs queues exactly one more.
  [JobName.SCORE_ACTOR]: { attempts: 5, backoffMs: 1000, dedupId: (p) => `score-actor.${p.actorId}` },
  // Deduplicated by its set of actors (a digest: ids would not fit a deferral key)
  [JobName.SCORE_ACTORS]: {
    attempts: 5,
    backoffMs: 1000,
    dedupId: (p) =>
      `score-actors.${createHash('sha256')
        .update([...p.actorIds].sort().join(','))
        .digest('hex')}`,
  },
  [JobName.SCORING_REBUILD]: { attempts: 3, backoffMs: 2000, jobId: (p) => `rebuild.${p.runId}` },
  [JobName.SCORING_CHUNK]: { attempts: 5, backoffMs: 2000, jobId: (p) => `chunk.${p.runId}.${p.chunk}` },
  [JobName.IMPORT_ACTORS_CSV]: { attempts: 3, backoffMs: 2000, jobId: (p) => `import.${p.runId}` },
  [JobName.GENERATE_SCHEDULE]: { attempts: 3, backoffMs: 2000, jobId: (p) => `schedule.${p.runId}` },
  // Deduplicated: at most one relay pending, and one more queued while one is active (rows written
  // in between still get relayed), so the sweeper may wake it on every sweep. Many retries with
  // backoff ride out a Neo4j outage; rows stay pending meanwhile.
  [JobName.RELAY_OUTBOX]: { attempts: 10, backoffMs: 2000, dedupId: () => 'relay-outbox' },
};

/** Completed jobs are kept briefly (for debugging), failed ones longer. */
export const RETENTION = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
