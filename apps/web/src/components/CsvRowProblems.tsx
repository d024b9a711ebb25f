import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The rows a CSV import refused (actor import, registrations): row, column and reason. */
export function CsvRowProblems({
  problems,
}: {
  problems: readonly { row: number; column?: string | null; message: string }[];
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('csv.row')}</Table.Th>
          <Table.Th scope="col">{t('csv.column')}</Table.Th>
          <Table.Th scope="col">{t('csv.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>{p.row}</Table.Td>
            <Table.Td>{p.column ?? '—'}</Table.Td>
            <Table.Td>{p.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
