import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FairnessSimulation } from '../../components/FairnessSimulation';
import { Figure } from '../../components/Figure';
import { ErrorAlert } from '../../components/QueryState';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useGqlMutation } from '../../graphql/hooks';
import { formatPercent, formatScore } from '../../lib/format';
import { useEventContext } from './EventLayout';

// A query run on demand (nothing is saved): through useGqlMutation so it runs only on click.
const SIMULATE = graphql(`
  query SimulateEvent($eventId: ID!, $input: SimulationInput) {
    simulateEvent(eventId: $eventId, input: $input) {
      algorithm
      participants
      rounds
      meetings
      fillRate
      totalScore
      upperBound
      averageMeetingsPerParticipant
      minMeetingsPerParticipant
      maxMeetingsPerParticipant
      perParticipant {
        actorId
        meetings
        score
      }
      unplaced {
        actorId
        code
        reason
      }
    }
  }
`);

type Simulation = ResultOf<typeof SIMULATE>['simulateEvent'];

/** How many participants get 0, 1, 2… meetings: the fairness of exposure at a glance. */
export function meetingsHistogram(sim: Pick<Simulation, 'perParticipant' | 'rounds'>) {
  const counts = new Array(sim.rounds + 1).fill(0) as number[];
  for (const p of sim.perParticipant) counts[Math.min(p.meetings, sim.rounds)]++;
  return counts.map((participants, meetings) => ({ meetings: String(meetings), participants }));
}

/** /events/:id/what-if — simulateEvent: expected meetings, fill rate, score against the LP bound. */
export default function WhatIfPage() {
  const { t, i18n } = useTranslation();
  const { event } = useEventContext();
  const simulate = useGqlMutation(SIMULATE);
  const [rounds, setRounds] = useState<number | string>(event.rounds);
  const [tables, setTables] = useState<number | string>(event.tables ?? '');
  const [seats, setSeats] = useState<number | string>(event.seats ?? '');
  const sim = simulate.data?.simulateEvent;

  const run = () =>
    simulate.mutate({
      eventId: event.id,
      input: {
        rounds: rounds === '' ? undefined : Number(rounds),
        tables: tables === '' ? undefined : Number(tables),
        seats: event.format === 'TABLES' && seats !== '' ? Number(seats) : undefined,
      },
    });

  const boundShare = sim?.upperBound ? sim.totalScore / sim.upperBound : null;
  const histogram = sim ? meetingsHistogram(sim) : [];
  return (
    <Stack>
      <Text>{t('whatIf.intro')}</Text>
      <Group align="flex-end">
        <NumberInput
          label={t('event.fields.rounds')}
          min={1}
          max={30}
          value={rounds}
          onChange={setRounds}
          w={140}
        />
        <NumberInput label={t('event.fields.tables')} min={1} value={tables} onChange={setTables} w={140} />
        {event.format === 'TABLES' && (
          <NumberInput
            label={t('event.fields.seats')}
            min={3}
            max={6}
            value={seats}
            onChange={setSeats}
            w={140}
          />
        )}
        <Button onClick={run} loading={simulate.isPending}>
          {t('whatIf.run')}
        </Button>
      </Group>
      {simulate.error && <ErrorAlert error={simulate.error} />}
      {sim && (
        <Stack role="region" aria-label={t('whatIf.results')}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('whatIf.participants')} value={sim.participants} />
            <Figure label={t('whatIf.meetings')} value={sim.meetings} />
            <Figure
              label={t('whatIf.perParticipant')}
              value={sim.averageMeetingsPerParticipant.toLocaleString(i18n.language, {
                maximumFractionDigits: 1,
              })}
              hint={t('whatIf.minMax', {
                min: sim.minMeetingsPerParticipant,
                max: sim.maxMeetingsPerParticipant,
              })}
            />
            <Figure label={t('whatIf.fillRate')} value={formatPercent(sim.fillRate, i18n.language)} />
            <Figure label={t('whatIf.totalScore')} value={formatScore(sim.totalScore, i18n.language)} />
            <Figure
              label={t('whatIf.upperBound')}
              value={sim.upperBound != null ? formatScore(sim.upperBound, i18n.language) : '—'}
              hint={
                boundShare != null
                  ? t('whatIf.ofBound', { share: formatPercent(boundShare, i18n.language) })
                  : undefined
              }
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs" id="histogram-title">
                {t('whatIf.histogramTitle')}
              </Title>
              <div
                role="img"
                aria-labelledby="histogram-title"
                aria-describedby="histogram-desc"
                style={{ width: '100%', height: 220 }}
              >
                <ResponsiveContainer>
                  <BarChart data={histogram}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="meetings"
                      label={{ value: t('whatIf.axisMeetings'), position: 'insideBottom', offset: -2 }}
                    />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar
                      dataKey="participants"
                      name={t('whatIf.participants')}
                      fill="#3b5bdb"
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Text size="xs" id="histogram-desc">
                {histogram
                  .filter((h) => h.participants > 0)
                  .map((h) =>
                    t('whatIf.histogramLine', { participants: h.participants, meetings: h.meetings }),
                  )
                  .join(' · ')}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs" id="bound-title">
                {t('whatIf.boundTitle')}
              </Title>
              <div role="img" aria-labelledby="bound-title" style={{ width: '100%', height: 220 }}>
                <ResponsiveContainer>
                  <BarChart
                    layout="vertical"
                    data={[
                      { name: t('whatIf.totalScore'), value: Number(sim.totalScore.toFixed(2)) },
                      ...(sim.upperBound != null
                        ? [{ name: t('whatIf.upperBound'), value: Number(sim.upperBound.toFixed(2)) }]
                        : []),
                    ]}
                  >
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" />
                    <YAxis type="category" dataKey="name" width={120} />
                    <Tooltip />
                    <Bar dataKey="value" fill="#0c8599" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </Paper>
          </SimpleGrid>
          {sim.unplaced.length > 0 && (
            <Alert color="orange" title={t('whatIf.unplaced')}>
              <List>
                {sim.unplaced.map((u) => (
                  <List.Item key={u.actorId + u.code}>{u.reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
      <FairnessSimulation eventId={event.id} />
    </Stack>
  );
}
