import { Button, Group, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gqlRequest, GraphQLRequestError } from '../graphql/client';
import { downloadFile, fileSlug } from '../lib/download';
import { AGENDAS_PDF, TABLE_CARDS_PDF } from '../pages/events/wish-operations';
import { ErrorAlert } from './QueryState';

/** The room's prints: every participant's agenda (one page each) and the table cards (PDFs). */
export function ParticipantPrints({ eventId, title }: { eventId: string; title: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const base = fileSlug(title);
  const save = async (what: 'agendas' | 'cards') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'agendas') {
        const d = await gqlRequest(AGENDAS_PDF, { eventId });
        downloadFile(`${base}-agendas.pdf`, d.agendasPdf, 'application/pdf', true);
      } else {
        const d = await gqlRequest(TABLE_CARDS_PDF, { eventId });
        downloadFile(`${base}-chevalets.pdf`, d.tableCardsPdf, 'application/pdf', true);
      }
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };
  const notPublished = error instanceof GraphQLRequestError && error.reason === 'no_published_schedule';
  return (
    <Paper withBorder p="md" className="no-print" component="section" aria-labelledby="prints-title">
      <Title order={2} size="h3" mb="sm" id="prints-title">
        {t('prints.title')}
      </Title>
      <Group>
        <Button variant="default" loading={busy === 'agendas'} onClick={() => void save('agendas')}>
          {t('prints.agendas')}
        </Button>
        <Button variant="default" loading={busy === 'cards'} onClick={() => void save('cards')}>
          {t('prints.tableCards')}
        </Button>
      </Group>
      {notPublished ? (
        <ErrorAlert error={new Error(t('print.notPublished'))} />
      ) : (
        error && <ErrorAlert error={error} />
      )}
    </Paper>
  );
}
