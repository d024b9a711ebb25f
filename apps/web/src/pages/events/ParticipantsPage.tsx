import {
  Alert,
  Badge,
  Button,
  Chip,
  FileInput,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActorSearch } from '../../components/ActorSearch';
import { CsvRowProblems } from '../../components/CsvRowProblems';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { useEventContext } from './EventLayout';
import { REGISTRATIONS } from './operations';

const REGISTER = graphql(`
  mutation RegisterParticipant($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) {
      id
      actorId
    }
  }
`);

const REGISTER_CSV = graphql(`
  mutation RegisterParticipantsCsv($eventId: ID!, $csv: String!, $dryRun: Boolean!) {
    registerParticipantsCsv(eventId: $eventId, csv: $csv, dryRun: $dryRun) {
      dryRun
      rows
      created
      updated
      unchanged
      rejected
      problems {
        row
        column
        reason
        message
      }
    }
  }
`);

type CsvReport = ResultOf<typeof REGISTER_CSV>['registerParticipantsCsv'];

/** /events/:id/participants — register one by one (actor search) or from a CSV with its row report. */
export default function ParticipantsPage() {
  const { t } = useTranslation();
  const { event } = useEventContext();
  const registrations = useGql(['registrations', event.id], REGISTRATIONS, { eventId: event.id });
  const register = useGqlMutation(REGISTER, [
    ['registrations', event.id],
    ['event', event.id],
  ]);
  const csvImport = useGqlMutation(REGISTER_CSV, [['registrations', event.id]]);
  const [actorId, setActorId] = useState<string | null>(null);
  const [repName, setRepName] = useState('');
  const [repEmail, setRepEmail] = useState('');
  const [rounds, setRounds] = useState<string[]>([]);
  const [mustMeet, setMustMeet] = useState<string[]>([]);
  const [mustNotMeet, setMustNotMeet] = useState<string[]>([]);
  const [side, setSide] = useState<string | null>(null);
  const [lastAdded, setLastAdded] = useState<string | null>(null);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<CsvReport | null>(null);

  const list = registrations.data?.registrations ?? [];
  const others = list.map((r) => ({ value: r.actorId, label: r.actorName ?? r.actorId }));
  const nameOf = new Map(list.map((r) => [r.actorId, r.actorName ?? r.actorId]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!actorId) return;
    register.mutate(
      {
        input: {
          eventId: event.id,
          actorId,
          representativeName: repName.trim() || undefined,
          representativeEmail: repEmail.trim() || undefined,
          availableRounds: rounds.length ? rounds.map(Number).sort((a, b) => a - b) : undefined,
          mustMeet: mustMeet.length ? mustMeet : undefined,
          mustNotMeet: mustNotMeet.length ? mustNotMeet : undefined,
          side: (side as 'A' | 'B' | null) ?? undefined,
        },
      },
      {
        onSuccess: () => {
          setLastAdded(actorId);
          setActorId(null);
          setRepName('');
          setRepEmail('');
          setRounds([]);
          setMustMeet([]);
          setMustNotMeet([]);
          setSide(null);
        },
      },
    );
  };

  const runCsv = (dryRun: boolean) => {
    if (!csv) return;
    csvImport.mutate(
      { eventId: event.id, csv: csv.text, dryRun },
      { onSuccess: (d) => setReport(d.registerParticipantsCsv) },
    );
  };

  if (event.status === 'DRAFT') return <Alert color="indigo">{t('participants.openFirst')}</Alert>;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="register-title">
          <Title order={2} size="h3" id="register-title" mb="sm">
            {t('participants.registerTitle')}
          </Title>
          <form onSubmit={submit}>
            <Stack>
              {register.error && <ErrorAlert error={register.error} />}
              {lastAdded && !register.error && (
                <Alert color="teal" role="status">
                  {t('participants.added', { name: nameOf.get(lastAdded) ?? '' })}
                </Alert>
              )}
              <ActorSearch
                label={t('participants.actor')}
                value={actorId}
                onChange={(id) => setActorId(id)}
                exclude={list.map((r) => r.actorId)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('participants.repName')}
                  value={repName}
                  onChange={(e) => setRepName(e.currentTarget.value)}
                />
                <TextInput
                  label={t('participants.repEmail')}
                  type="email"
                  value={repEmail}
                  onChange={(e) => setRepEmail(e.currentTarget.value)}
                />
              </SimpleGrid>
              <div>
                <Text size="sm" fw={500} id="rounds-label">
                  {t('participants.availability')}
                </Text>
                <Text size="xs" c="dimmed" mb={4}>
                  {t('participants.availabilityHelp')}
                </Text>
                <Chip.Group multiple value={rounds} onChange={setRounds}>
                  <Group gap={6} role="group" aria-labelledby="rounds-label">
                    {Array.from({ length: event.rounds }, (_, i) => String(i + 1)).map((r) => (
                      <Chip key={r} value={r} size="sm">
                        {t('participants.round', { n: r })}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
              <MultiSelect
                label={t('participants.mustMeet')}
                data={others}
                value={mustMeet}
                onChange={setMustMeet}
                searchable
              />
              <MultiSelect
                label={t('participants.mustNotMeet')}
                data={others}
                value={mustNotMeet}
                onChange={setMustNotMeet}
                searchable
              />
              {event.format === 'BIPARTITE' && (
                <Select
                  label={t('participants.side')}
                  description={t('participants.sideHelp')}
                  data={[
                    { value: 'A', label: t('participants.sideA') },
                    { value: 'B', label: t('participants.sideB') },
                  ]}
                  value={side}
                  onChange={setSide}
                  clearable
                />
              )}
              <Button type="submit" disabled={!actorId} loading={register.isPending} w="fit-content">
                {t('participants.register')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="csv-title">
          <Title order={2} size="h3" id="csv-title" mb="sm">
            {t('participants.csvTitle')}
          </Title>
          <Stack>
            <Text size="sm">{t('participants.csvHelp')}</Text>
            <FileInput
              label={t('participants.csvFile')}
              accept=".csv,text/csv"
              clearable
              value={null}
              placeholder={csv?.name ?? t('participants.csvPick')}
              onChange={async (file) => {
                setReport(null);
                setCsv(file ? { name: file.name, text: await file.text() } : null);
              }}
            />
            <Group>
              <Button
                variant="default"
                disabled={!csv}
                loading={csvImport.isPending}
                onClick={() => runCsv(true)}
              >
                {t('participants.csvCheck')}
              </Button>
              <Button disabled={!csv} loading={csvImport.isPending} onClick={() => runCsv(false)}>
                {t('participants.csvImport')}
              </Button>
            </Group>
            {csvImport.error && <ErrorAlert error={csvImport.error} />}
            {report && <CsvReportView report={report} />}
          </Stack>
        </Paper>
      </SimpleGrid>
      <section aria-labelledby="list-title">
        <Title order={2} size="h3" id="list-title" mb="sm">
          {t('participants.listTitle', { count: list.length })}
        </Title>
        <QueryState query={registrations}>
          {() => (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('participants.actor')}</Table.Th>
                    <Table.Th scope="col">{t('participants.repName')}</Table.Th>
                    <Table.Th scope="col">{t('participants.availability')}</Table.Th>
                    <Table.Th scope="col">{t('participants.constraints')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {r.actorName}
                        {r.side && (
                          <Badge ml="xs" size="sm" color="gray">
                            {r.side}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{r.representative?.name ?? '—'}</Table.Td>
                      <Table.Td>{r.availableRounds?.join(', ') ?? t('participants.allRounds')}</Table.Td>
                      <Table.Td>
                        {r.mustMeet.map((id) => (
                          <Badge key={id} size="sm" color="teal" mr={4}>
                            {t('participants.meets', { name: nameOf.get(id) ?? id })}
                          </Badge>
                        ))}
                        {r.mustNotMeet.map((id) => (
                          <Badge key={id} size="sm" color="red" mr={4}>
                            {t('participants.avoids', { name: nameOf.get(id) ?? id })}
                          </Badge>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </section>
    </Stack>
  );
}

function CsvReportView({ report }: { report: CsvReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status">
      <Text fw={600}>
        {t(report.dryRun ? 'participants.csvDry' : 'participants.csvDone', {
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        })}
      </Text>
      <CsvRowProblems problems={report.problems} />
    </Stack>
  );
}
