import { Anchor, Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useGql } from '../../graphql/hooks';
import { eventTimeZone, formatDateTime } from '../../lib/time';
import { EVENTS } from './operations';
import { STATUS_COLOR } from './status';

/** /events — the lab's events, latest first. */
export default function EventsListPage() {
  const { t, i18n } = useTranslation();
  const query = useGql(['events'], EVENTS, {});
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('events.title')}</Title>
        <Button component={Link} to="/events/new">
          {t('events.create')}
        </Button>
      </Group>
      <QueryState query={query}>
        {() => {
          const events = query.data!.events;
          if (!events.length) return <Text>{t('events.empty')}</Text>;
          return (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('events.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('events.columns.date')}</Table.Th>
                    <Table.Th scope="col">{t('events.columns.venue')}</Table.Th>
                    <Table.Th scope="col">{t('events.columns.format')}</Table.Th>
                    <Table.Th scope="col">{t('events.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
                          {e.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDateTime(e.startsAt, eventTimeZone(e), i18n.language)}</Table.Td>
                      <Table.Td>{e.venue}</Table.Td>
                      <Table.Td>{t(`events.format.${e.format}`)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[e.status]}>{t(`events.status.${e.status}`)}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </>
  );
}
