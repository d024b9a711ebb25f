import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantPrints } from '../../components/ParticipantPrints';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { graphql } from '../../graphql/graphql';
import { gqlRequest, GraphQLRequestError } from '../../graphql/client';
import { useGql } from '../../graphql/hooks';
import { downloadFile, fileSlug } from '../../lib/download';
import { formatTime } from '../../lib/time';
import { useEventContext } from './EventLayout';
import { REGISTRATIONS } from './operations';

const TABLE_PLAN_PDF = graphql(`
  query TablePlanPdf($eventId: ID!) {
    tablePlanPdf(eventId: $eventId)
  }
`);
const TABLE_PLAN_CSV = graphql(`
  query TablePlanCsv($eventId: ID!) {
    tablePlanCsv(eventId: $eventId)
  }
`);
const AGENDA = graphql(`
  query Agenda($eventId: ID!, $actorId: ID!) {
    agenda(eventId: $eventId, actorId: $actorId) {
      actorName
      eventTitle
      venue
      slots {
        round
        startsAt
        endsAt
        table
        meetingId
        partners {
          actorId
          name
          representative {
            name
          }
        }
      }
    }
  }
`);
const AGENDA_ICS = graphql(`
  query AgendaIcs($eventId: ID!, $actorId: ID!) {
    agendaIcs(eventId: $eventId, actorId: $actorId)
  }
`);

/** /events/:id/print — table plan (PDF, CSV), one agenda per participant (print), ICS files. */
export default function PrintPage() {
  const { t, i18n } = useTranslation();
  const { event, timeZone } = useEventContext();
  const registrations = useGql(['registrations', event.id], REGISTRATIONS, { eventId: event.id });
  const [actorId, setActorId] = useState<string | null>(null);
  const agenda = useGql(
    ['agenda', event.id, actorId],
    AGENDA,
    { eventId: event.id, actorId: actorId ?? '' },
    { enabled: !!actorId },
  );
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const base = fileSlug(event.title);

  const fetchAndSave = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const notPublished = error instanceof GraphQLRequestError && error.reason === 'no_published_schedule';
  return (
    <Stack>
      {notPublished ? (
        <Alert color="orange">{t('print.notPublished')}</Alert>
      ) : (
        error && <ErrorAlert error={error} />
      )}
      <Paper withBorder p="md" className="no-print">
        <Title order={2} size="h3" mb="sm">
          {t('print.tablePlan')}
        </Title>
        <Group>
          <Button
            loading={busy === 'pdf'}
            onClick={() =>
              fetchAndSave('pdf', async () => {
                const d = await gqlRequest(TABLE_PLAN_PDF, { eventId: event.id });
                downloadFile(`${base}-plan-de-table.pdf`, d.tablePlanPdf, 'application/pdf', true);
              })
            }
          >
            {t('print.pdf')}
          </Button>
          <Button
            variant="default"
            loading={busy === 'csv'}
            onClick={() =>
              fetchAndSave('csv', async () => {
                const d = await gqlRequest(TABLE_PLAN_CSV, { eventId: event.id });
                downloadFile(`${base}-plan-de-table.csv`, d.tablePlanCsv, 'text/csv;charset=utf-8');
              })
            }
          >
            {t('print.csv')}
          </Button>
        </Group>
      </Paper>
      <ParticipantPrints eventId={event.id} title={event.title} />
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm" className="no-print">
          {t('print.agendas')}
        </Title>
        <QueryState query={registrations}>
          {() => (
            <Group align="flex-end" className="no-print" mb="md">
              <Select
                label={t('print.participant')}
                searchable
                data={registrations.data!.registrations.map((r) => ({
                  value: r.actorId,
                  label: r.actorName ?? r.actorId,
                }))}
                value={actorId}
                onChange={setActorId}
                w={320}
              />
              <Button
                variant="default"
                disabled={!actorId}
                loading={busy === 'ics'}
                onClick={() =>
                  fetchAndSave('ics', async () => {
                    const d = await gqlRequest(AGENDA_ICS, { eventId: event.id, actorId: actorId! });
                    downloadFile(
                      `${base}-${fileSlug(agenda.data?.agenda.actorName ?? 'agenda')}.ics`,
                      d.agendaIcs,
                      'text/calendar',
                    );
                  })
                }
              >
                {t('print.ics')}
              </Button>
              <Button variant="default" disabled={!agenda.data} onClick={() => window.print()}>
                {t('print.printAgenda')}
              </Button>
            </Group>
          )}
        </QueryState>
        {actorId && (
          <QueryState query={agenda}>
            {() => {
              const a = agenda.data!.agenda;
              return (
                <section aria-label={t('print.agendaOf', { name: a.actorName ?? '' })}>
                  <Title order={3}>{a.actorName}</Title>
                  <Text mb="sm">
                    {a.eventTitle} · {a.venue}
                  </Text>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('review.round')}</Table.Th>
                        <Table.Th scope="col">{t('print.time')}</Table.Th>
                        <Table.Th scope="col">{t('print.tableCol')}</Table.Th>
                        <Table.Th scope="col">{t('print.with')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {a.slots.map((s) => (
                        <Table.Tr key={s.round}>
                          <Table.Td>{s.round}</Table.Td>
                          <Table.Td>
                            {formatTime(s.startsAt, timeZone, i18n.language)}–
                            {formatTime(s.endsAt, timeZone, i18n.language)}
                          </Table.Td>
                          <Table.Td>{s.table ?? '—'}</Table.Td>
                          <Table.Td>
                            {s.meetingId
                              ? s.partners
                                  .map(
                                    (p) =>
                                      p.name + (p.representative?.name ? ` (${p.representative.name})` : ''),
                                  )
                                  .join(', ')
                              : t('print.break')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </section>
              );
            }}
          </QueryState>
        )}
      </Paper>
    </Stack>
  );
}
