import { JobRunEntity } from '@maillage/jobs';
import { ScoringRun } from './models/complementarity.models';

export function toScoringRun(run: JobRunEntity): ScoringRun {
  const counts = run.counts ?? {};
  const end = run.finishedAt ?? (run.startedAt ? new Date() : null);
  return {
    id: run.id,
    status: run.status,
    scope: run.scope,
    progress: run.progress,
    totalActors: run.totalUnits,
    doneActors: run.doneUnits,
    counts: {
      actors: Number(counts.actors ?? 0),
      edges: Number(counts.edges ?? 0),
      chunks: Number(counts.chunks ?? 0),
      chunksDone: Number(counts.chunksDone ?? 0),
    },
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null,
  };
}
