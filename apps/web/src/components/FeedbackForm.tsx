import { Button, Checkbox, Group, NativeSelect, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './QueryState';

export const OUTCOMES = ['NONE', 'CONTACT', 'NEGOTIATION', 'AGREEMENT'] as const;
export const ALLIANCE_FORMS = ['RESOURCES', 'CO_PRODUCTION', 'POOLING', 'POSITIONING'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type AllianceFormValue = (typeof ALLIANCE_FORMS)[number];

export interface FeedbackValues {
  rating: number;
  outcome: Outcome;
  wantsFollowUp: boolean;
  /** Only with an AGREEMENT; null: the event's default form. */
  allianceForm: AllianceFormValue | null;
}

/** After a meeting: the participant's feedback on one partner (rating 1-5, what came of it, whether
 * it wants a follow-up). Saving again replaces the previous answer (recordFeedback upserts). */
export function FeedbackForm({
  partnerName,
  onSubmit,
}: {
  partnerName: string;
  onSubmit: (values: FeedbackValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [rating, setRating] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('NONE');
  const [allianceForm, setAllianceForm] = useState<AllianceFormValue | null>(null);
  const [wantsFollowUp, setWantsFollowUp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!rating) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSubmit({
        rating: Number(rating),
        outcome,
        wantsFollowUp,
        allianceForm: outcome === 'AGREEMENT' ? allianceForm : null,
      });
      setSaved(true);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('feedback.formTitle', { name: partnerName })}
        </Title>
        <Radio.Group
          label={t('feedback.rating')}
          description={t('feedback.ratingHint')}
          value={rating}
          onChange={setRating}
          error={missing ? t('feedback.ratingRequired') : undefined}
          withAsterisk
        >
          <Group mt="xs">
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={t(`feedback.ratings.r${n as 1 | 2 | 3 | 4 | 5}`)} />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          label={t('feedback.outcome')}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`feedback.outcomes.${o}`) }))}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}
        />
        {outcome === 'AGREEMENT' && (
          <NativeSelect
            label={t('feedback.allianceForm')}
            description={t('feedback.allianceFormHint')}
            data={[
              { value: '', label: t('feedback.defaultForm') },
              ...ALLIANCE_FORMS.map((f) => ({ value: f, label: t(`actor.form.${f}`) })),
            ]}
            value={allianceForm ?? ''}
            onChange={(e) => setAllianceForm((e.currentTarget.value || null) as AllianceFormValue | null)}
          />
        )}
        <Checkbox
          label={t('feedback.wantsFollowUp')}
          checked={wantsFollowUp}
          onChange={(e) => setWantsFollowUp(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('feedback.submit')}
          </Button>
          {saved && (
            <Text role="status" c="teal.9">
              {t('feedback.saved')}
            </Text>
          )}
        </Group>
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}
