import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { normalise } from '../../lib/text';
import { useEventContext } from './EventLayout';
import { REGISTRATIONS, SCHEDULE, SCHEDULE_FIELDS } from './operations';

const CHECK_IN = graphql(`
  mutation CheckIn($eventId: ID!, $actorId: ID!) {
    checkIn(eventId: $eventId, actorId: $actorId) {
      id
      checkedIn
    }
  }
`);
const NO_SHOW = graphql(`
  mutation MarkNoShow($eventId: ID!, $actorId: ID!, $fromRound: Int!) {
    markNoShow(eventId: $eventId, actorId: $actorId, fromRound: $fromRound) {
      id
      noShow
      absentFromRound
    }
  }
`);
const LATE = graphql(`
  mutation MarkLateArrival($eventId: ID!, $actorId: ID!, $fromRound: Int!) {
    markLateArrival(eventId: $eventId, actorId: $actorId, fromRound: $fromRound) {
      id
      presentFromRound
    }
  }
`);
const REPAIR = graphql(
  `
    mutation RepairSchedule($eventId: ID!, $fromRound: Int!) {
      repairSchedule(eventId: $eventId, fromRound: $fromRound) {
        ...ScheduleFields
      }
    }
  `,
  [SCHEDULE_FIELDS],
);

type Repaired = ResultOf<typeof REPAIR>['repairSchedule'];

/** The first round that has not started yet (re-pairing keeps the rounds already played). */
export function nextRound(rounds: { round: number; startsAt: string }[], now = Date.now()): number {
  return rounds.find((r) => Date.parse(r.startsAt) > now)?.round ?? rounds.length;
}

/** /events/:id/check-in — the door's tablet: arrivals, no-shows, late arrivals, then re-pairing. */
export default function CheckInPage() {
  const { t } = useTranslation();
  const { event } = useEventContext();
  const keys = [
    ['registrations', event.id],
    ['event', event.id],
  ];
  const registrations = useGql(['registrations', event.id], REGISTRATIONS, { eventId: event.id });
  const schedule = useGql(['schedule', event.id], SCHEDULE, { eventId: event.id });
  const checkIn = useGqlMutation(CHECK_IN, keys);
  const noShow = useGqlMutation(NO_SHOW, keys);
  const late = useGqlMutation(LATE, keys);
  const repair = useGqlMutation(REPAIR, [['schedule', event.id]]);
  const [search, setSearch] = useState('');
  const [repaired, setRepaired] = useState<Repaired | null>(null);
  const rounds = schedule.data?.schedule?.rounds ?? [];
  const [fromRound, setFromRound] = useState<number | string>('');
  const from = fromRound === '' ? Math.max(1, nextRound(rounds)) : Number(fromRound);
  const error = checkIn.error ?? noShow.error ?? late.error;

  const q = normalise(search);
  const list = (registrations.data?.registrations ?? []).filter(
    (r) =>
      !q || normalise(r.actorName ?? '').includes(q) || normalise(r.representative?.name ?? '').includes(q),
  );
  const arrived = (registrations.data?.registrations ?? []).filter((r) => r.checkedIn).length;

  return (
    <Stack>
      {error && <ErrorAlert error={error} />}
      <Group align="flex-end" justify="space-between">
        <TextInput
          label={t('checkIn.search')}
          type="search"
          size="md"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
        <Text fw={600} role="status">
          {t('checkIn.arrived', { arrived, total: registrations.data?.registrations.length ?? 0 })}
        </Text>
      </Group>
      <QueryState query={registrations}>
        {() => (
          <Stack gap="xs">
            {list.map((r) => (
              <Paper key={r.id} withBorder p="sm" data-testid={`checkin-${r.actorId}`}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600} size="lg">
                      {r.actorName}
                    </Text>
                    {r.representative?.name && <Text size="sm">{r.representative.name}</Text>}
                    <Group gap={4}>
                      {r.checkedIn && <Badge color="teal">{t('checkIn.present')}</Badge>}
                      {r.noShow && (
                        <Badge color="red">
                          {t('checkIn.absentFrom', { round: r.absentFromRound ?? 1 })}
                        </Badge>
                      )}
                      {r.presentFromRound && r.presentFromRound > 1 && (
                        <Badge color="orange">{t('checkIn.lateFrom', { round: r.presentFromRound })}</Badge>
                      )}
                    </Group>
                  </div>
                  <Group gap="xs">
                    <Button
                      size="md"
                      color="teal.9"
                      disabled={r.checkedIn}
                      onClick={() => checkIn.mutate({ eventId: event.id, actorId: r.actorId })}
                      aria-label={t('checkIn.markArrivedOf', { name: r.actorName ?? '' })}
                    >
                      {t('checkIn.markArrived')}
                    </Button>
                    <Button
                      size="md"
                      variant="default"
                      onClick={() => late.mutate({ eventId: event.id, actorId: r.actorId, fromRound: from })}
                      aria-label={t('checkIn.markLateOf', { name: r.actorName ?? '', round: from })}
                    >
                      {t('checkIn.markLate', { round: from })}
                    </Button>
                    <Button
                      size="md"
                      color="red"
                      variant="outline"
                      disabled={r.noShow}
                      onClick={() =>
                        noShow.mutate({ eventId: event.id, actorId: r.actorId, fromRound: from })
                      }
                      aria-label={t('checkIn.markNoShowOf', { name: r.actorName ?? '' })}
                    >
                      {t('checkIn.markNoShow')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      <Paper withBorder p="md" component="section" aria-labelledby="repair-title">
        <Title order={2} size="h3" id="repair-title" mb="xs">
          {t('checkIn.repairTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('checkIn.repairHelp')}
        </Text>
        <Group align="flex-end">
          <NumberInput
            label={t('checkIn.fromRound')}
            min={1}
            max={event.rounds}
            value={fromRound === '' ? from : fromRound}
            onChange={setFromRound}
            w={160}
          />
          <Button
            loading={repair.isPending}
            disabled={!schedule.data?.schedule}
            onClick={() =>
              repair.mutate(
                { eventId: event.id, fromRound: from },
                { onSuccess: (d) => setRepaired(d.repairSchedule) },
              )
            }
          >
            {t('checkIn.repair', { round: from })}
          </Button>
        </Group>
        {repair.error && <ErrorAlert error={repair.error} />}
        {repaired && (
          <Alert
            color="teal"
            role="status"
            mt="sm"
            title={t('checkIn.repaired', {
              version: repaired.version,
              round: repaired.repairedFromRound ?? from,
            })}
          >
            <Text size="sm">
              {t('checkIn.repairedDetail', {
                meetings: repaired.rounds
                  .filter((r) => r.round >= from)
                  .reduce((n, r) => n + r.meetings.length, 0),
                unplaced: repaired.unplaced.length,
              })}
            </Text>
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
