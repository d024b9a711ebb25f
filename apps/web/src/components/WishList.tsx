import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../lib/format';
import { sdgLabel } from '../lib/sdg';
import { formatDateTime } from '../lib/time';

export const WISH_LEVELS = ['WANT', 'MAYBE', 'NO'] as const;
export type WishLevel = (typeof WISH_LEVELS)[number];

export interface WishCandidateView {
  actorId: string;
  name?: string | null;
  rank: number;
  score: number;
  theyBring: string[];
  youBring: string[];
  sharedCauses: number[];
  warnings: string[];
  wish?: WishLevel | null;
  note?: string | null;
}

export interface WishListProps {
  candidates: WishCandidateView[];
  /** Wishes are accepted until then (null: while registrations are open; undefined: not readable
   * by the caller, only the organising lab reads the event). */
  deadline: string | null | undefined;
  /** False once the deadline has passed or the event left OPEN/SCHEDULED. */
  open: boolean;
  timeZone: string;
  /** Saves one wish (null level removes it); rejects with the API's error (e.g. wishes_closed). */
  onSave(targetId: string, level: WishLevel | null, note: string): Promise<unknown>;
}

const NOTE_MAX = 280;

/** The participant's wish list: the other participants ranked by complementarity with their
 * reasons, and per participant « Je veux rencontrer » / « Pourquoi pas » / « Non merci » + a note. */
export function WishList({ candidates, deadline, open, timeZone, onSave }: WishListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack>
      <Alert color={open ? 'blue' : 'orange'} role="status">
        {deadline === undefined
          ? t('wishes.deadlineUnknown')
          : deadline
            ? t(open ? 'wishes.deadlineOpen' : 'wishes.deadlinePassed', {
                date: formatDateTime(deadline, timeZone, i18n.language),
              })
            : t(open ? 'wishes.noDeadline' : 'wishes.closed')}
      </Alert>
      {candidates.length === 0 && <Text>{t('wishes.noCandidates')}</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {candidates.map((c) => (
          <WishRow
            key={c.actorId}
            candidate={c}
            open={open}
            onSave={onSave}
            scoreText={formatScore(c.score, i18n.language)}
            causes={c.sharedCauses.map((n) => t('reasons.sdg', { n, label: sdgLabel(n, i18n.language) }))}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function WishRow({
  candidate: c,
  open,
  onSave,
  scoreText,
  causes,
}: {
  candidate: WishCandidateView;
  open: boolean;
  onSave: WishListProps['onSave'];
  scoreText: string;
  causes: string[];
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<string>(c.wish ?? '');
  const [note, setNote] = useState(c.note ?? '');
  const [saved, setSaved] = useState<WishLevel | null>(c.wish ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = c.name ?? c.actorId;
  const titleId = `wish-${c.actorId}`;

  const save = async (next: WishLevel | null) => {
    setBusy(true);
    setError(null);
    try {
      await onSave(c.actorId, next, next ? note.trim() : '');
      setSaved(next);
      if (!next) {
        setLevel('');
        setNote('');
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="li" aria-labelledby={titleId} data-testid="wish-candidate">
      <Group justify="space-between" mb={6} wrap="wrap">
        <Group gap="xs">
          <Text fw={700} aria-hidden>
            {c.rank}.
          </Text>
          <Title order={3} size="h4" id={titleId}>
            {name}
          </Title>
          {saved && <Badge color={saved === 'NO' ? 'gray' : 'teal'}>{t(`wishes.level.${saved}`)}</Badge>}
        </Group>
        <Badge size="lg" color="indigo">
          {t('partners.score', { score: scoreText })}
        </Badge>
      </Group>
      <Stack gap={2} mb="sm">
        {c.theyBring.length > 0 && (
          <Text size="sm">{t('wishes.theyBring', { list: c.theyBring.join(', ') })}</Text>
        )}
        {c.youBring.length > 0 && (
          <Text size="sm">{t('wishes.youBring', { list: c.youBring.join(', ') })}</Text>
        )}
        {causes.length > 0 && <Text size="sm">{t('wishes.causes', { list: causes.join(', ') })}</Text>}
        {c.warnings.map((w) => (
          <Text size="sm" c="orange.9" key={w}>
            {w.replace(/^[A-Z_]+:\s*/, '')}
          </Text>
        ))}
      </Stack>
      <Radio.Group label={t('wishes.choice', { name })} value={level} onChange={setLevel}>
        <Group mt={4}>
          {WISH_LEVELS.map((l) => (
            <Radio key={l} value={l} label={t(`wishes.level.${l}`)} disabled={!open || busy} />
          ))}
        </Group>
      </Radio.Group>
      <Group align="flex-end" mt="xs">
        <TextInput
          label={t('wishes.note')}
          description={t('wishes.noteHelp', { max: NOTE_MAX })}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          disabled={!open || busy}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button
          onClick={() => void save(level as WishLevel)}
          disabled={!open || !level}
          loading={busy}
          aria-label={t('wishes.saveFor', { name })}
        >
          {t('app.save')}
        </Button>
        {saved && (
          <Button
            variant="default"
            onClick={() => void save(null)}
            disabled={!open || busy}
            aria-label={t('wishes.removeFor', { name })}
          >
            {t('wishes.remove')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
