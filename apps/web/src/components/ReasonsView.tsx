import { List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { explainInWords, type ExplanationInput, type ReasonKind } from '../lib/reasons';

const ICON: Record<ReasonKind, { mark: string; color: string }> = {
  gets: { mark: '←', color: 'teal' },
  gives: { mark: '→', color: 'indigo' },
  causes: { mark: '♥', color: 'grape' },
  proximity: { mark: '◎', color: 'blue' },
  family: { mark: '◇', color: 'violet' },
  forms: { mark: '∞', color: 'cyan' },
  trust: { mark: '✓', color: 'green' },
  warning: { mark: '!', color: 'orange' },
};

/** A partner's reasons as plain sentences (« couvre votre besoin « Comptabilité » »…). */
export function ReasonsView({ explanation }: { explanation: ExplanationInput }) {
  const { t, i18n } = useTranslation();
  const reasons = explainInWords(explanation, t, i18n.language);
  if (!reasons.length) return <Text size="sm">{t('reasons.noReason')}</Text>;
  return (
    <List spacing={4} size="sm" center aria-label={t('reasons.title')}>
      {reasons.map((r, i) => (
        <List.Item
          key={i}
          data-kind={r.kind}
          icon={
            <ThemeIcon size={20} radius="xl" color={ICON[r.kind].color} aria-hidden>
              <span>{ICON[r.kind].mark}</span>
            </ThemeIcon>
          }
        >
          <span data-reason>{r.text}</span>
        </List.Item>
      ))}
    </List>
  );
}
