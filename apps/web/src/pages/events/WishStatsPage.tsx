import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Figure } from '../../components/Figure';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { formatDateTime, zonedWallTimeToUtc } from '../../lib/time';
import { useEventContext } from './EventLayout';
import { REGISTRATIONS } from './operations';
import { SET_WISHES_DEADLINE, WISH_STATS } from './wish-operations';

/** /events/:id/wishes — the organiser's view of the wish lists (no notes) and their deadline. */
export default function WishStatsPage() {
  const { t, i18n } = useTranslation();
  const { event, timeZone } = useEventContext();
  const stats = useGql(['wishStats', event.id], WISH_STATS, { eventId: event.id });
  const setDeadline = useGqlMutation(SET_WISHES_DEADLINE, [
    ['wishStats', event.id],
    ['wishEvent', event.id],
  ]);
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('18:00');
  const registrations = useGql(['registrations', event.id], REGISTRATIONS, { eventId: event.id });
  const navigate = useNavigate();

  return (
    <Stack>
      <QueryState query={stats}>
        {() => {
          const s = stats.data!.wishStats;
          const names = new Map(s.mostWanted.map((w) => [w.actorId, w.name ?? w.actorId]));
          return (
            <Stack component="section" aria-labelledby="wish-stats-title">
              <Group>
                <Title order={2} size="h3" id="wish-stats-title">
                  {t('wishes.stats.title')}
                </Title>
                <Badge color={s.open ? 'teal' : 'gray'}>
                  {t(s.open ? 'wishes.stats.open' : 'wishes.stats.closed')}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Figure
                  label={t('wishes.stats.participants')}
                  value={s.participantsWithWishes}
                  hint={t('wishes.stats.ofParticipants', { n: s.participants })}
                />
                <Figure label={t('wishes.stats.want')} value={s.want} />
                <Figure label={t('wishes.stats.maybe')} value={s.maybe} />
                <Figure label={t('wishes.stats.no')} value={s.no} />
                <Figure label={t('wishes.stats.mutual')} value={s.mutualPairs} />
                <Figure label={t('wishes.stats.oneSided')} value={s.oneSidedPairs} />
                <Figure label={t('wishes.stats.refused')} value={s.refusedPairs} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Paper withBorder p="md">
                  <Title order={3} size="h4" mb="xs">
                    {t('wishes.stats.mostWanted')}
                  </Title>
                  {s.mostWanted.length ? (
                    <List type="ordered">
                      {s.mostWanted.map((w) => (
                        <List.Item key={w.actorId}>
                          {w.name ?? w.actorId} — {t('wishes.stats.wanted', { count: w.wanted })}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text>{t('wishes.stats.none')}</Text>
                  )}
                </Paper>
                <Paper withBorder p="md">
                  <Title order={3} size="h4" mb="xs">
                    {t('wishes.stats.mutualList')}
                  </Title>
                  {s.mutual.length ? (
                    <List>
                      {s.mutual.map((p) => (
                        <List.Item key={`${p.a}-${p.b}`}>
                          {names.get(p.a) ?? p.a} ↔ {names.get(p.b) ?? p.b}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text>{t('wishes.stats.none')}</Text>
                  )}
                </Paper>
              </SimpleGrid>
              <Paper withBorder p="md" component="section" aria-labelledby="wish-deadline-title">
                <Title order={2} size="h3" id="wish-deadline-title" mb="xs">
                  {t('wishes.deadline.title')}
                </Title>
                <Text mb="xs">
                  {s.deadline
                    ? t('wishes.deadline.current', {
                        date: formatDateTime(s.deadline, timeZone, i18n.language),
                      })
                    : t('wishes.deadline.none')}
                </Text>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('wishes.deadline.help', { zone: timeZone })}
                </Text>
                <Group align="flex-end">
                  <DatePickerInput
                    label={t('wishes.deadline.date')}
                    value={date}
                    onChange={setDate}
                    valueFormat="DD/MM/YYYY"
                    w={180}
                  />
                  <TimeInput
                    label={t('wishes.deadline.time')}
                    value={time}
                    onChange={(e) => setTime(e.currentTarget.value)}
                    w={120}
                  />
                  <Button
                    disabled={!date || !time}
                    loading={setDeadline.isPending}
                    onClick={() =>
                      setDeadline.mutate({
                        eventId: event.id,
                        deadline: zonedWallTimeToUtc(date!, time, timeZone),
                      })
                    }
                  >
                    {t('wishes.deadline.save')}
                  </Button>
                  {s.deadline && (
                    <Button
                      variant="default"
                      loading={setDeadline.isPending}
                      onClick={() => setDeadline.mutate({ eventId: event.id, deadline: null })}
                    >
                      {t('wishes.deadline.clear')}
                    </Button>
                  )}
                </Group>
                {setDeadline.isSuccess && (
                  <Alert color="teal" role="status" mt="xs">
                    {t('wishes.deadline.saved')}
                  </Alert>
                )}
                {setDeadline.error && <ErrorAlert error={setDeadline.error} />}
              </Paper>
            </Stack>
          );
        }}
      </QueryState>
      {/* A participant's own wish list (the lab may fill it in for a participant without an account). */}
      <Select
        label={t('wishes.ofParticipant')}
        searchable
        data={(registrations.data?.registrations ?? []).map((r) => ({
          value: r.actorId,
          label: r.actorName ?? r.actorId,
        }))}
        value={null}
        onChange={(actorId) => actorId && void navigate(`/actors/${actorId}/events/${event.id}`)}
        w={360}
      />
    </Stack>
  );
}
