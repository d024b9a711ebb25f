import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ObjectiveSelect, type Objective } from '../../components/FairnessSimulation';
import { Figure } from '../../components/Figure';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { ReviewBoard } from '../../components/ReviewBoard';
import { graphql } from '../../graphql/graphql';
import { GraphQLRequestError } from '../../graphql/client';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { formatPercent, formatScore } from '../../lib/format';
import { useEventContext } from './EventLayout';
import { REGISTRATIONS, SCHEDULE, SCHEDULE_FIELDS } from './operations';

const GENERATE = graphql(`
  mutation GenerateSchedule($eventId: ID!, $keepLocked: Boolean!, $objective: ScheduleObjective! = SUM) {
    generateSchedule(eventId: $eventId, keepLocked: $keepLocked, objective: $objective) {
      id
      status
      progress
    }
  }
`);

const SCHEDULE_RUN = graphql(`
  query ScheduleRun($id: ID!) {
    scheduleRun(id: $id) {
      id
      status
      progress
      error
      scheduleId
    }
  }
`);

const SWAP = graphql(
  `
    mutation SwapParticipants($input: SwapParticipantsInput!) {
      swapParticipants(input: $input) {
        ...ScheduleFields
      }
    }
  `,
  [SCHEDULE_FIELDS],
);

const LOCK = graphql(`
  mutation LockMeeting($meetingId: ID!, $locked: Boolean!) {
    lockMeeting(meetingId: $meetingId, locked: $locked) {
      id
      locked
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishSchedule($scheduleId: ID!) {
    publishSchedule(scheduleId: $scheduleId) {
      id
      status
    }
  }
`);

const FINISHED = ['SUCCEEDED', 'FAILED'];

/** /events/:id/review — generate (with a progress bar), review on the board, publish. */
export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { event, timeZone } = useEventContext();
  const client = useQueryClient();
  const schedule = useGql(['schedule', event.id], SCHEDULE, { eventId: event.id });
  const registrations = useGql(['registrations', event.id], REGISTRATIONS, { eventId: event.id });
  const generate = useGqlMutation(GENERATE);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useGql(
    ['schedule-run', runId],
    SCHEDULE_RUN,
    { id: runId ?? '' },
    {
      enabled: !!runId,
      refetchInterval: (q) =>
        q.state.data && FINISHED.includes(q.state.data.scheduleRun.status) ? false : 500,
    },
  );
  const swap = useGqlMutation(SWAP);
  const lock = useGqlMutation(LOCK, [['schedule', event.id]]);
  const publish = useGqlMutation(PUBLISH, [['schedule', event.id], ['event', event.id], ['events']]);
  const [keepLocked, setKeepLocked] = useState(true);
  const [objective, setObjective] = useState<Objective>('SUM');

  const runState = run.data?.scheduleRun;
  useEffect(() => {
    if (runState?.status === 'SUCCEEDED') {
      void client.invalidateQueries({ queryKey: ['schedule', event.id] });
      void client.invalidateQueries({ queryKey: ['event', event.id] });
    }
  }, [runState?.status, client, event.id]);

  const names = new Map<string, string>();
  for (const r of registrations.data?.registrations ?? []) names.set(r.actorId, r.actorName ?? r.actorId);
  const running = !!runId && (!runState || !FINISHED.includes(runState.status));

  const start = (keep: boolean) =>
    generate.mutate(
      { eventId: event.id, keepLocked: keep, objective },
      { onSuccess: (d) => setRunId(d.generateSchedule.id) },
    );

  const swapError = swap.error instanceof GraphQLRequestError ? swap.error : null;
  return (
    <QueryState query={schedule}>
      {() => {
        const s = schedule.data!.schedule;
        const draft = s?.status === 'DRAFT';
        return (
          <Stack>
            {generate.error && <ErrorAlert error={generate.error} />}
            {(!s || draft) && (
              <Group align="center">
                <ObjectiveSelect value={objective} onChange={setObjective} />
                <Button
                  onClick={() => start(!!s && keepLocked)}
                  loading={generate.isPending}
                  disabled={running}
                >
                  {s ? t('review.regenerate') : t('review.generate')}
                </Button>
                {s && (
                  <Checkbox
                    label={t('review.keepLocked')}
                    checked={keepLocked}
                    onChange={(e) => setKeepLocked(e.currentTarget.checked)}
                  />
                )}
              </Group>
            )}
            {runId && runState && (
              <Stack gap={4} role="status" aria-live="polite">
                <Text size="sm">
                  {runState.status === 'FAILED'
                    ? t('review.runFailed', { error: runState.error ?? '' })
                    : t('review.runProgress', {
                        status: t(`review.runStatus.${runState.status as 'QUEUED'}`),
                      })}
                </Text>
                <Progress
                  value={Math.round(runState.progress * 100)}
                  aria-label={t('review.progressLabel')}
                  color={runState.status === 'FAILED' ? 'red' : 'indigo'}
                  animated={running}
                  size="lg"
                />
              </Stack>
            )}
            {!s && !runId && <Text>{t('review.none')}</Text>}
            {s && (
              <>
                <SimpleGrid cols={{ base: 2, md: 4 }}>
                  <Figure
                    label={t('review.version')}
                    value={
                      <Group gap="xs">
                        {s.version}
                        <Badge color={draft ? 'gray' : 'teal'}>{t(`review.status.${s.status}`)}</Badge>
                      </Group>
                    }
                  />
                  <Figure label={t('whatIf.totalScore')} value={formatScore(s.totalScore, i18n.language)} />
                  <Figure
                    label={t('whatIf.upperBound')}
                    value={s.upperBound != null ? formatScore(s.upperBound, i18n.language) : '—'}
                    hint={
                      s.upperBound
                        ? t('whatIf.ofBound', {
                            share: formatPercent(s.totalScore / s.upperBound, i18n.language),
                          })
                        : undefined
                    }
                  />
                  <Figure label={t('review.algorithm')} value={<Text fz="sm">{s.algorithm}</Text>} />
                </SimpleGrid>
                {s.unplaced.length > 0 && (
                  <Alert color="orange" title={t('review.warnings')}>
                    <List size="sm">
                      {s.unplaced.map((u) => (
                        <List.Item key={u.actorId + u.code}>
                          {names.get(u.actorId) ?? u.actorId} : {u.reason}
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                {swapError && (
                  <Alert color="red" role="alert" title={t('review.swapRefused')}>
                    {t(`review.refusal.${swapError.reason as 'pair-twice'}`, {
                      defaultValue: swapError.message,
                    })}
                  </Alert>
                )}
                {lock.error && <ErrorAlert error={lock.error} />}
                <ReviewBoard
                  rounds={s.rounds}
                  names={names}
                  timeZone={timeZone}
                  editable={draft}
                  busy={swap.isPending || lock.isPending}
                  onSwap={(round, actorA, actorB) =>
                    swap.mutate(
                      { input: { scheduleId: s.id, round, actorA, actorB } },
                      {
                        onSuccess: (d) =>
                          client.setQueryData(['schedule', event.id, { eventId: event.id }], {
                            schedule: d.swapParticipants,
                          }),
                      },
                    )
                  }
                  onLock={(meetingId, locked) => lock.mutate({ meetingId, locked })}
                />
                {draft && (
                  <Group>
                    <Button
                      color="teal.9"
                      loading={publish.isPending}
                      onClick={() => publish.mutate({ scheduleId: s.id })}
                    >
                      {t('review.publish')}
                    </Button>
                    <Text size="sm">{t('review.publishHelp')}</Text>
                  </Group>
                )}
                {publish.error && <ErrorAlert error={publish.error} />}
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
