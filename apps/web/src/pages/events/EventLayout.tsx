import { Anchor, Badge, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { TaskNav } from '../../components/TaskNav';
import { QueryState } from '../../components/QueryState';
import { useGql } from '../../graphql/hooks';
import type { ResultOf } from '../../graphql/graphql';
import { eventTimeZone, formatDateTime } from '../../lib/time';
import { EVENT } from './operations';
import { STATUS_COLOR } from './status';

export type EventData = ResultOf<typeof EVENT>['event'];
export interface EventContext {
  event: EventData;
  timeZone: string;
}

/** The event read by every tab (`useEventContext()` in the pages below /events/:eventId). */
export function useEventContext(): EventContext {
  return useOutletContext<EventContext>();
}

const TABS = ['', 'participants', 'what-if', 'review', 'print', 'check-in'] as const;

/** /events/:eventId/* — the event's header and its tasks as tabs (links: each tab is a page). */
export default function EventLayout() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const query = useGql(['event', eventId], EVENT, { id: eventId });
  const location = useLocation();
  const current = location.pathname.split('/')[3] ?? '';

  return (
    <QueryState query={query}>
      {() => {
        const event = query.data!.event;
        const timeZone = eventTimeZone(event);
        return (
          <>
            <Breadcrumbs mb="xs" aria-label={t('event.breadcrumb')}>
              <Anchor component={Link} to="/events">
                {t('nav.events')}
              </Anchor>
              <Text span>{event.title}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Title order={1}>{event.title}</Title>
                <Text>
                  {formatDateTime(event.startsAt, timeZone, i18n.language)} · {event.venue || '—'} ·{' '}
                  {t(`events.format.${event.format}`)} ·{' '}
                  {t('event.roundsSummary', { rounds: event.rounds, minutes: event.roundMinutes })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('event.timeZone', { zone: timeZone })}
                </Text>
              </div>
              <Group>
                <Badge size="lg" color={STATUS_COLOR[event.status]}>
                  {t(`events.status.${event.status}`)}
                </Badge>
                <Anchor component={Link} to={`/events/${event.id}/wishes`}>
                  {t('wishes.link')}
                </Anchor>
                <Anchor href={`/screen/${event.id}`} target="_blank">
                  {t('event.bigScreen')}
                </Anchor>
              </Group>
            </Group>
            <TaskNav
              label={t('event.tasks')}
              items={TABS.map((tab) => ({
                to: `/events/${event.id}${tab ? `/${tab}` : ''}`,
                label: t(`event.tabs.${tab || 'overview'}`),
                current: current === tab,
              }))}
            />
            <Outlet context={{ event, timeZone } satisfies EventContext} />
          </>
        );
      }}
    </QueryState>
  );
}
