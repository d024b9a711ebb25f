import { Alert, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/QueryState';
import { Figure } from '../../components/Figure';
import { useGqlMutation } from '../../graphql/hooks';
import { formatTime } from '../../lib/time';
import { useEventContext } from './EventLayout';
import { CLOSE_EVENT, OPEN_EVENT } from './operations';

/** /events/:id — the event's settings and its next step in the lifecycle. */
export default function EventOverviewPage() {
  const { t, i18n } = useTranslation();
  const { event, timeZone } = useEventContext();
  const open = useGqlMutation(OPEN_EVENT, [['event', event.id], ['events']]);
  const close = useGqlMutation(CLOSE_EVENT, [['event', event.id], ['events']]);
  const error = open.error ?? close.error;

  return (
    <Stack>
      {error && <ErrorAlert error={error} />}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('event.fields.rounds')} value={event.rounds} />
        <Figure label={t('event.fields.roundMinutes')} value={`${event.roundMinutes} min`} />
        <Figure label={t('event.fields.changeMinutes')} value={`${event.changeMinutes} min`} />
        <Figure label={t('event.fields.start')} value={formatTime(event.startsAt, timeZone, i18n.language)} />
        {event.tables != null && <Figure label={t('event.fields.tables')} value={event.tables} />}
        {event.seats != null && <Figure label={t('event.fields.seats')} value={event.seats} />}
      </SimpleGrid>
      {event.pauses.length > 0 && (
        <List>
          {event.pauses.map((p) => (
            <List.Item key={p.afterRound}>
              {t('event.pauseAfter', { round: p.afterRound, minutes: p.minutes })}
            </List.Item>
          ))}
        </List>
      )}
      {event.status === 'DRAFT' && (
        <Alert color="indigo" title={t('event.next.draftTitle')}>
          <Text mb="sm">{t('event.next.draft')}</Text>
          <Button loading={open.isPending} onClick={() => open.mutate({ eventId: event.id })}>
            {t('event.actions.open')}
          </Button>
        </Alert>
      )}
      {event.status === 'OPEN' && (
        <Alert color="indigo" title={t('event.next.openTitle')}>
          <Group>
            <Button component={Link} to="participants">
              {t('event.tabs.participants')}
            </Button>
            <Button component={Link} to="what-if" variant="default">
              {t('event.tabs.what-if')}
            </Button>
          </Group>
        </Alert>
      )}
      {(event.status === 'PUBLISHED' || event.status === 'LIVE') && (
        <Group>
          <Button component={Link} to="check-in">
            {t('event.tabs.check-in')}
          </Button>
          <Button
            variant="default"
            loading={close.isPending}
            onClick={() => close.mutate({ eventId: event.id })}
          >
            {t('event.actions.close')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
