import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gqlRequest, GraphQLRequestError } from '../graphql/client';
import { useGql, useGqlMutation } from '../graphql/hooks';
import { downloadFile, fileSlug } from '../lib/download';
import { formatDate, formatTime } from '../lib/time';
import { ACTOR_AGENDA, AGENDA_ICS, RECORD_FEEDBACK } from '../pages/actors/event-operations';
import { FeedbackForm } from './FeedbackForm';
import { ErrorAlert, QueryState } from './QueryState';

/** The participant's agenda (rounds, times in the event's zone, table, partners), its ICS file,
 * and once a meeting has ended a feedback form per partner met. Reasons are the API's French lines. */
export function ActorAgenda({ eventId, actorId }: { eventId: string; actorId: string }) {
  const { t, i18n } = useTranslation();
  const query = useGql(['agenda', eventId, actorId], ACTOR_AGENDA, { eventId, actorId }, { retry: false });
  const feedback = useGqlMutation(RECORD_FEEDBACK, [['followUpContacts', eventId, actorId]]);
  const [icsError, setIcsError] = useState<Error | null>(null);
  const [icsBusy, setIcsBusy] = useState(false);
  // The page's opening time decides which meetings are over.
  const [now] = useState(Date.now);

  if (query.error instanceof GraphQLRequestError && query.error.reason === 'no_published_schedule')
    return (
      <Alert color="gray" title={t('agenda.title')}>
        {t('agenda.notPublished')}
      </Alert>
    );

  const downloadIcs = async (title: string) => {
    setIcsBusy(true);
    setIcsError(null);
    try {
      const d = await gqlRequest(AGENDA_ICS, { eventId, actorId });
      downloadFile(`${fileSlug(title)}-agenda.ics`, d.agendaIcs, 'text/calendar');
    } catch (err) {
      setIcsError(err as Error);
    } finally {
      setIcsBusy(false);
    }
  };

  return (
    <QueryState query={query}>
      {() => {
        const agenda = query.data!.agenda;
        const zone = agenda.timeZone;
        const lang = i18n.language;
        const met = agenda.slots.filter(
          (s) => s.meetingId && s.partners.length && new Date(s.endsAt).getTime() <= now,
        );
        return (
          <Stack>
            <Stack component="section" aria-labelledby="agenda-title" gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h3" id="agenda-title">
                  {t('agenda.title')}
                </Title>
                <Button
                  variant="default"
                  loading={icsBusy}
                  onClick={() => void downloadIcs(agenda.eventTitle)}
                >
                  {t('agenda.ics')}
                </Button>
              </Group>
              {agenda.slots[0] && (
                <Text>
                  {t('agenda.when', {
                    date: formatDate(agenda.slots[0].startsAt, zone, lang),
                    venue: agenda.venue,
                    zone,
                  })}
                </Text>
              )}
              {icsError && <ErrorAlert error={icsError} />}
              <Table striped>
                <Table.Caption>{t('agenda.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agenda.round')}</Table.Th>
                    <Table.Th scope="col">{t('agenda.time')}</Table.Th>
                    <Table.Th scope="col">{t('agenda.table')}</Table.Th>
                    <Table.Th scope="col">{t('agenda.partners')}</Table.Th>
                    <Table.Th scope="col">{t('agenda.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {agenda.slots.map((s) => (
                    <Table.Tr key={s.round} data-testid="agenda-slot">
                      <Table.Td>{s.round}</Table.Td>
                      <Table.Td>
                        {formatTime(s.startsAt, zone, lang)} – {formatTime(s.endsAt, zone, lang)}
                      </Table.Td>
                      <Table.Td>{s.table ?? '—'}</Table.Td>
                      <Table.Td>
                        {s.partners.length
                          ? s.partners.map((p) => p.name ?? p.actorId).join(', ')
                          : t('agenda.break')}
                      </Table.Td>
                      <Table.Td>
                        {s.partners
                          .filter((p) => p.reason)
                          .map((p) =>
                            s.partners.length > 1 ? `${p.name ?? p.actorId} : ${p.reason}` : p.reason,
                          )
                          .join(' · ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
            {met.length > 0 && (
              <Stack component="section" aria-labelledby="feedback-title" gap="sm">
                <Title order={2} size="h3" id="feedback-title">
                  {t('feedback.title')}
                </Title>
                <Text>{t('feedback.intro')}</Text>
                {met.flatMap((s) =>
                  s.partners.map((p) => (
                    <FeedbackForm
                      key={`${s.meetingId}-${p.actorId}`}
                      partnerName={`${p.name ?? p.actorId} (${t('agenda.roundN', { round: s.round })})`}
                      onSubmit={(v) =>
                        feedback.mutateAsync({
                          input: {
                            actorId,
                            meetingId: s.meetingId!,
                            partnerId: p.actorId,
                            rating: v.rating,
                            outcome: v.outcome,
                            wantsFollowUp: v.wantsFollowUp,
                            allianceForm: v.allianceForm,
                          },
                        })
                      }
                    />
                  )),
                )}
              </Stack>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
