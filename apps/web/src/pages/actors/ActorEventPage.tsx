import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActorAgenda } from '../../components/ActorAgenda';
import { FollowUpContacts } from '../../components/FollowUpContacts';
import { QueryState } from '../../components/QueryState';
import { WishList, type WishLevel } from '../../components/WishList';
import { GraphQLRequestError } from '../../graphql/client';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { eventTimeZone } from '../../lib/time';
import { SET_WISH, WISH_CANDIDATES, WISH_EVENT } from '../events/wish-operations';
import { ACTOR_EVENTS } from './event-operations';

const WISHES_OPEN = ['OPEN', 'SCHEDULED'];

/** /actors/:actorId/events/:eventId — the participant's side of an event: its wish list while
 * registrations are open, its agenda and feedback forms once the plan is published, and after the
 * event the mutual follow-up contacts. */
export default function ActorEventPage() {
  const { t } = useTranslation();
  const { actorId = '', eventId = '' } = useParams();
  // Only the organising lab reads the event itself; a participant's editor gets FORBIDDEN and
  // reads it from actorEvents (the API still refuses late wishes: wishes_closed).
  const event = useGql(['wishEvent', eventId], WISH_EVENT, { id: eventId }, { retry: false });
  const mine = useGql(['actorEvents', actorId], ACTOR_EVENTS, { actorId }, { retry: false });
  const candidates = useGql(['wishCandidates', eventId, actorId], WISH_CANDIDATES, { eventId, actorId });
  const setWish = useGqlMutation(SET_WISH, [['wishStats', eventId]]);
  // The page's opening time: the API refuses late wishes anyway (wishes_closed).
  const [now] = useState(Date.now);
  const e = event.data?.event ?? mine.data?.actorEvents.find((x) => x.id === eventId);
  const timeZone = eventTimeZone(e);
  const deadlinePassed = !!e?.wishesDeadline && new Date(e.wishesDeadline).getTime() <= now;
  const open = e ? WISHES_OPEN.includes(e.status) && !deadlinePassed : true;

  const onSave = async (targetId: string, level: WishLevel | null, note: string) => {
    try {
      await setWish.mutateAsync({ input: { eventId, actorId, targetId, level, note: note || null } });
    } catch (err) {
      if (err instanceof GraphQLRequestError && err.reason === 'wishes_closed')
        throw new Error(`${t('wishes.closedError')} (${err.message})`);
      throw err;
    }
  };

  return (
    <Stack>
      <Breadcrumbs aria-label={t('event.breadcrumb')}>
        <Anchor component={Link} to={`/actors/${actorId}`}>
          {t('nav.myActor')}
        </Anchor>
        <Text span>{e?.title ?? t('wishes.title')}</Text>
      </Breadcrumbs>
      <Title order={1}>{e ? `${t('wishes.title')} — ${e.title}` : t('wishes.title')}</Title>
      {(!e || e.status !== 'CLOSED') && (
        <>
          <Text>{t('wishes.intro')}</Text>
          <QueryState query={candidates}>
            {() => (
              <WishList
                candidates={candidates.data!.wishCandidates}
                deadline={e ? (e.wishesDeadline ?? null) : undefined}
                open={open}
                timeZone={timeZone}
                onSave={onSave}
              />
            )}
          </QueryState>
        </>
      )}
      {(!e || ['PUBLISHED', 'LIVE', 'CLOSED'].includes(e.status)) && (
        <ActorAgenda eventId={eventId} actorId={actorId} />
      )}
      {(!e || ['LIVE', 'CLOSED'].includes(e.status)) && (
        <FollowUpContacts eventId={eventId} actorId={actorId} />
      )}
    </Stack>
  );
}
