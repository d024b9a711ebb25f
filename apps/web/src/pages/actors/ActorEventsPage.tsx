import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useGql } from '../../graphql/hooks';
import { formatDateTime } from '../../lib/time';
import { useActorContext } from './ActorLayout';
import { ACTOR_EVENTS } from './event-operations';

/** /actors/:actorId/events — the events the actor attends, each linking to its participant page. */
export default function ActorEventsPage() {
  const { t, i18n } = useTranslation();
  const { actor } = useActorContext();
  const query = useGql(['actorEvents', actor.id], ACTOR_EVENTS, { actorId: actor.id });
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        {t('actorEvents.title')}
      </Title>
      <QueryState query={query}>
        {() => {
          const list = query.data!.actorEvents;
          if (!list.length) return <Text>{t('actorEvents.none')}</Text>;
          return (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('actorEvents.event')}</Table.Th>
                  <Table.Th scope="col">{t('actorEvents.startsAt')}</Table.Th>
                  <Table.Th scope="col">{t('actorEvents.venue')}</Table.Th>
                  <Table.Th scope="col">{t('actorEvents.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/actors/${actor.id}/events/${e.id}`}>
                        {e.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(e.startsAt, e.timeZone, i18n.language)}</Table.Td>
                    <Table.Td>{e.venue}</Table.Td>
                    <Table.Td>
                      {e.wishesOpen ? (
                        <Badge color="teal">{t('actorEvents.wishesOpen')}</Badge>
                      ) : (
                        <Badge color="gray">{t(`actorEvents.statuses.${e.status}`)}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryState>
    </>
  );
}
