import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/QueryState';
import type { VariablesOf } from '../../graphql/graphql';
import { useGqlMutation } from '../../graphql/hooks';
import { ACTOR_FAMILIES, ACTOR_KINDS } from '../../lib/actors';
import { DEFAULT_TIME_ZONE, TIME_ZONES, zonedWallTimeToUtc } from '../../lib/time';
import { CREATE_EVENT } from './operations';

type Input = VariablesOf<typeof CREATE_EVENT>['input'];
type Format = Input['format'];

function inAWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** /events/new — a DRAFT event of the organiser's lab. The start is typed in the event's time zone. */
export default function EventCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useGqlMutation(CREATE_EVENT, [['events']]);
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<Format>('ONE_TO_ONE');
  const [date, setDate] = useState<string | null>(inAWeek());
  const [time, setTime] = useState('09:00');
  const [timeZone, setTimeZone] = useState<string>(DEFAULT_TIME_ZONE);
  const [venue, setVenue] = useState('');
  const [rounds, setRounds] = useState<number | string>(6);
  const [roundMinutes, setRoundMinutes] = useState<number | string>(7);
  const [changeMinutes, setChangeMinutes] = useState<number | string>(2);
  const [tables, setTables] = useState<number | string>('');
  const [seats, setSeats] = useState<number | string>(4);
  const [sideRule, setSideRule] = useState<'FAMILY' | 'KIND'>('FAMILY');
  const [sideA, setSideA] = useState<string[]>(['PEER']);
  const [sideB, setSideB] = useState<string[]>(['PRIVATE']);
  const [pauses, setPauses] = useState<{ afterRound: number | string; minutes: number | string }[]>([]);

  const sideOptions = (sideRule === 'FAMILY' ? ACTOR_FAMILIES : ACTOR_KINDS).map((v) => ({
    value: v,
    label: sideRule === 'FAMILY' ? t(`actor.family.${v as 'PEER'}`) : t(`actor.kind.${v as 'ASSOCIATION'}`),
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date) return;
    const input: Input = {
      title: title.trim(),
      format,
      venue: venue.trim(),
      startsAt: zonedWallTimeToUtc(date, time, timeZone),
      timeZone,
      rounds: Number(rounds),
      roundMinutes: Number(roundMinutes),
      changeMinutes: Number(changeMinutes),
      tables: tables === '' ? undefined : Number(tables),
      pauses: pauses
        .filter((p) => p.afterRound !== '' && p.minutes !== '')
        .map((p) => ({ afterRound: Number(p.afterRound), minutes: Number(p.minutes) })),
      ...(format === 'TABLES' ? { seats: Number(seats) } : {}),
      ...(format === 'BIPARTITE' ? { sideRule, sideA, sideB } : {}),
    };
    create.mutate({ input }, { onSuccess: (d) => navigate(`/events/${d.createEvent.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate={false}>
      <Title order={1} mb="md">
        {t('events.create')}
      </Title>
      <Stack maw={760}>
        {create.error && <ErrorAlert error={create.error} />}
        <TextInput
          label={t('event.fields.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text fw={500} size="sm" id="format-label">
            {t('event.fields.format')}
          </Text>
          <SegmentedControl
            aria-labelledby="format-label"
            value={format}
            onChange={(v) => setFormat(v as Format)}
            data={(['ONE_TO_ONE', 'BIPARTITE', 'TABLES'] as const).map((f) => ({
              value: f,
              label: t(`events.format.${f}`),
            }))}
          />
          <Text size="sm" c="dimmed">
            {t(`event.formatHelp.${format}`)}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DatePickerInput
            label={t('event.fields.date')}
            required
            value={date}
            onChange={setDate}
            valueFormat="DD/MM/YYYY"
          />
          <TimeInput
            label={t('event.fields.start')}
            required
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
          />
          <Select
            label={t('event.fields.timeZone')}
            data={[...TIME_ZONES]}
            value={timeZone}
            onChange={(v) => setTimeZone(v ?? DEFAULT_TIME_ZONE)}
            allowDeselect={false}
            searchable
          />
        </SimpleGrid>
        <TextInput
          label={t('event.fields.venue')}
          value={venue}
          onChange={(e) => setVenue(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('event.fields.rounds')}
            required
            min={1}
            max={30}
            value={rounds}
            onChange={setRounds}
          />
          <NumberInput
            label={t('event.fields.roundMinutes')}
            required
            min={1}
            max={120}
            value={roundMinutes}
            onChange={setRoundMinutes}
          />
          <NumberInput
            label={t('event.fields.changeMinutes')}
            min={0}
            max={30}
            value={changeMinutes}
            onChange={setChangeMinutes}
          />
          <NumberInput
            label={t('event.fields.tables')}
            description={t('event.fields.tablesHelp')}
            min={1}
            value={tables}
            onChange={setTables}
          />
        </SimpleGrid>
        {format === 'TABLES' && (
          <NumberInput
            label={t('event.fields.seats')}
            min={3}
            max={6}
            value={seats}
            onChange={setSeats}
            maw={200}
          />
        )}
        {format === 'BIPARTITE' && (
          <Fieldset legend={t('event.fields.sides')}>
            <Stack>
              <Select
                label={t('event.fields.sideRule')}
                data={[
                  { value: 'FAMILY', label: t('event.sideRule.FAMILY') },
                  { value: 'KIND', label: t('event.sideRule.KIND') },
                ]}
                value={sideRule}
                allowDeselect={false}
                onChange={(v) => {
                  setSideRule((v as 'FAMILY' | 'KIND') ?? 'FAMILY');
                  setSideA([]);
                  setSideB([]);
                }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  label={t('event.fields.sideA')}
                  data={sideOptions}
                  value={sideA}
                  onChange={setSideA}
                />
                <MultiSelect
                  label={t('event.fields.sideB')}
                  data={sideOptions}
                  value={sideB}
                  onChange={setSideB}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        )}
        <Fieldset legend={t('event.fields.pauses')}>
          <Stack>
            {pauses.map((p, i) => (
              <Group key={i} align="flex-end">
                <NumberInput
                  label={t('event.fields.pauseAfter')}
                  min={1}
                  value={p.afterRound}
                  onChange={(v) => setPauses(pauses.map((q, j) => (j === i ? { ...q, afterRound: v } : q)))}
                />
                <NumberInput
                  label={t('event.fields.pauseMinutes')}
                  min={1}
                  value={p.minutes}
                  onChange={(v) => setPauses(pauses.map((q, j) => (j === i ? { ...q, minutes: v } : q)))}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('event.fields.removePause', { n: i + 1 })}
                  onClick={() => setPauses(pauses.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="default"
              onClick={() => setPauses([...pauses, { afterRound: 3, minutes: 10 }])}
              w="fit-content"
            >
              {t('event.fields.addPause')}
            </Button>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('event.actions.create')}
          </Button>
          <Button variant="default" onClick={() => navigate('/events')}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
