import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql';
import { useGqlMutation } from '../graphql/hooks';
import { formatPercent, formatScore } from '../lib/format';
import { ErrorAlert } from './QueryState';

// A query run on demand (nothing is saved): through useGqlMutation so it runs only on click.
const SIMULATE_OBJECTIVE = graphql(`
  query SimulateObjective($eventId: ID!, $input: SimulationInput) {
    simulateEvent(eventId: $eventId, input: $input) {
      objective
      totalScore
      exposure {
        participants
        score {
          min
          p10
          median
          max
          gini
        }
        meetings {
          min
          p10
          median
          max
          gini
        }
      }
      comparison {
        costInTotalScore
        sumTotalScore
        fairnessTotalScore
        sumMinScore
        fairnessMinScore
        sumGini
        fairnessGini
      }
      fairnessBound {
        maxMin
      }
    }
  }
`);

export type Objective = 'SUM' | 'FAIRNESS';

/** SUM (best total) or FAIRNESS (équité), for the what-if and the generate action. */
export function ObjectiveSelect({ value, onChange }: { value: Objective; onChange(o: Objective): void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('fairness.objective')}
      title={t('fairness.objectiveHelp')}
      value={value}
      onChange={(v) => onChange(v as Objective)}
      data={(['SUM', 'FAIRNESS'] as const).map((o) => ({ value: o, label: t(`fairness.${o}`) }))}
    />
  );
}

/** The what-if by objective: SUM (best total) or FAIRNESS (équité: the worst-off first), the
 * exposure distribution and, for FAIRNESS, what it costs against SUM. */
export function FairnessSimulation({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [objective, setObjective] = useState<Objective>('FAIRNESS');
  const simulate = useGqlMutation(SIMULATE_OBJECTIVE);
  const sim = simulate.data?.simulateEvent;
  const n = (x: number) => formatScore(x, i18n.language);
  const rows = (d: { min: number; p10: number; median: number; max: number; gini: number }) =>
    (['min', 'p10', 'median', 'max', 'gini'] as const).map((k) => ({ key: k, value: n(d[k]) }));
  const c = sim?.comparison;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fairness-title">
      <Stack>
        <Title order={2} size="h3" id="fairness-title">
          {t('fairness.objective')}
        </Title>
        <Text size="sm">{t('fairness.objectiveHelp')}</Text>
        <Group align="flex-end">
          <ObjectiveSelect value={objective} onChange={setObjective} />
          <Button
            onClick={() => simulate.mutate({ eventId, input: { objective } })}
            loading={simulate.isPending}
          >
            {t('fairness.run')}
          </Button>
        </Group>
        {simulate.error && <ErrorAlert error={simulate.error} />}
        {sim && (
          <Stack role="region" aria-label={t('fairness.exposureTitle')}>
            <Table>
              <Table.Caption>{t('fairness.giniHelp')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fairness.measure')}</Table.Th>
                  <Table.Th scope="col">{t('fairness.exposureTitle')}</Table.Th>
                  <Table.Th scope="col">{t('fairness.meetingsTitle')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows(sim.exposure.score).map((r, i) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">{t(`fairness.${r.key}`)}</Table.Th>
                    <Table.Td>{r.value}</Table.Td>
                    <Table.Td>{rows(sim.exposure.meetings)[i].value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {c && (
              <>
                <Title order={3} size="h4">
                  {t('fairness.costTitle')}
                </Title>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fairness.measure')}</Table.Th>
                      <Table.Th scope="col">{t('fairness.withSum')}</Table.Th>
                      <Table.Th scope="col">{t('fairness.withFairness')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th scope="row">{t('fairness.totalScore')}</Table.Th>
                      <Table.Td>{n(c.sumTotalScore)}</Table.Td>
                      <Table.Td>{n(c.fairnessTotalScore)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">{t('fairness.minScore')}</Table.Th>
                      <Table.Td>{n(c.sumMinScore)}</Table.Td>
                      <Table.Td>{n(c.fairnessMinScore)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">{t('fairness.gini')}</Table.Th>
                      <Table.Td>{n(c.sumGini)}</Table.Td>
                      <Table.Td>{n(c.fairnessGini)}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
                <Text fw={700}>
                  {t('fairness.cost', {
                    cost: n(c.costInTotalScore),
                    share: formatPercent(
                      c.sumTotalScore ? c.costInTotalScore / c.sumTotalScore : 0,
                      i18n.language,
                    ),
                  })}
                </Text>
              </>
            )}
            {sim.fairnessBound?.maxMin != null && (
              <Text size="sm">{t('fairness.bound', { maxMin: n(sim.fairnessBound.maxMin) })}</Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
