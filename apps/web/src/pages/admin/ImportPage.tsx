import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvRowProblems } from '../../components/CsvRowProblems';
import { ErrorAlert } from '../../components/QueryState';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useGqlMutation } from '../../graphql/hooks';

const IMPORT = graphql(`
  mutation ImportActorsCsv($csv: String!, $dryRun: Boolean!) {
    importActorsCsv(csv: $csv, dryRun: $dryRun) {
      dryRun
      delimiter
      totalRows
      created
      updated
      unchanged
      rejected
      errorCount
      ignoredColumns
      errors {
        row
        column
        reason
        message
      }
    }
  }
`);
type Report = ResultOf<typeof IMPORT>['importActorsCsv'];

/** /admin/import — actors from a spreadsheet (docs/csv-import.md): check first, then import. */
export default function ImportPage() {
  const { t } = useTranslation();
  const run = useGqlMutation(IMPORT, [['actors']]);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const go = (dryRun: boolean) =>
    csv && run.mutate({ csv: csv.text, dryRun }, { onSuccess: (d) => setReport(d.importActorsCsv) });
  return (
    <Stack maw={900}>
      <Text>{t('admin.importHelp')}</Text>
      <FileInput
        label={t('participants.csvFile')}
        accept=".csv,text/csv"
        value={null}
        placeholder={csv?.name ?? t('participants.csvPick')}
        onChange={async (f) => {
          setReport(null);
          setCsv(f ? { name: f.name, text: await f.text() } : null);
        }}
        w={420}
      />
      <Group>
        <Button variant="default" disabled={!csv} loading={run.isPending} onClick={() => go(true)}>
          {t('participants.csvCheck')}
        </Button>
        <Button disabled={!csv} loading={run.isPending} onClick={() => go(false)}>
          {t('participants.csvImport')}
        </Button>
      </Group>
      {run.error && <ErrorAlert error={run.error} />}
      {report && (
        <Stack gap="xs" role="status">
          <Text fw={600}>
            {t(report.dryRun ? 'participants.csvDry' : 'participants.csvDone', {
              rows: report.totalRows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              rejected: report.rejected,
            })}
          </Text>
          {report.ignoredColumns.length > 0 && (
            <Text size="sm">{t('admin.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</Text>
          )}
          <CsvRowProblems problems={report.errors} />
        </Stack>
      )}
    </Stack>
  );
}
