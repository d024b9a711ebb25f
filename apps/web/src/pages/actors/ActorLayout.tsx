import { Anchor, Badge, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { canOrganise, useSession } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { TaskNav } from '../../components/TaskNav';
import type { ResultOf } from '../../graphql/graphql';
import { useGql } from '../../graphql/hooks';
import { ACTOR } from './operations';

export type ActorData = ResultOf<typeof ACTOR>['actor'];
export const useActorContext = () => useOutletContext<{ actor: ActorData }>();

/** /actors/:actorId/* — the actor's profile, its partners, and by kind local causes or trios. */
export default function ActorLayout() {
  const { t } = useTranslation();
  const { actorId = '' } = useParams();
  const { user } = useSession();
  const query = useGql(['actor', actorId], ACTOR, { id: actorId });
  const current = useLocation().pathname.split('/')[3] ?? '';
  return (
    <QueryState query={query}>
      {() => {
        const actor = query.data!.actor;
        const tabs = ['', 'partners'];
        if (actor.kind === 'COMPANY' || actor.kind === 'CORPORATE_FOUNDATION') tabs.push('local-causes');
        tabs.push('triads', 'events');
        return (
          <>
            {canOrganise(user) && (
              <Breadcrumbs mb="xs" aria-label={t('event.breadcrumb')}>
                <Anchor component={Link} to="/actors">
                  {t('nav.actors')}
                </Anchor>
                <Text span>{actor.name}</Text>
              </Breadcrumbs>
            )}
            <Group mb="sm" gap="sm">
              <Title order={1}>{actor.name}</Title>
              <Badge color="gray">{t(`actor.kind.${actor.kind}`)}</Badge>
              <Badge color="violet">{t(`actor.family.${actor.family}`)}</Badge>
            </Group>
            <TaskNav
              label={t('actor.tasks')}
              items={tabs.map((tab) => ({
                to: `/actors/${actor.id}${tab ? `/${tab}` : ''}`,
                label:
                  tab === 'events'
                    ? t('actorEvents.tab')
                    : t(`actor.tabs.${(tab || 'profile') as 'profile'}`),
                current: current === tab,
              }))}
            />
            <Outlet context={{ actor }} />
          </>
        );
      }}
    </QueryState>
  );
}
