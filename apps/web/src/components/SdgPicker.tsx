import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sdgColour, sdgLabel, sdgTextColour } from '../lib/sdg';
import classes from './SdgPicker.module.css';

/** The 17 SDGs (ODD) as toggle buttons in their official colours, with their numbers. */
export function SdgPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number[];
  onChange(v: number[]): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <Text fw={500} size="sm" id="sdg-label" mb={4}>
        {label}
      </Text>
      <Group gap={6} role="group" aria-labelledby="sdg-label">
        {Array.from({ length: 17 }, (_, i) => i + 1).map((sdg) => {
          const on = value.includes(sdg);
          return (
            <UnstyledButton
              key={sdg}
              className={classes.sdg}
              aria-pressed={on}
              data-on={on || undefined}
              style={
                on
                  ? { background: sdgColour(sdg), color: sdgTextColour(sdg), borderColor: sdgColour(sdg) }
                  : { borderColor: sdgColour(sdg) }
              }
              onClick={() =>
                onChange(on ? value.filter((v) => v !== sdg) : [...value, sdg].sort((a, b) => a - b))
              }
            >
              <span className={classes.number}>{t('reasons.sdgNumber', { n: sdg })}</span>{' '}
              {sdgLabel(sdg, i18n.language)}
            </UnstyledButton>
          );
        })}
      </Group>
    </div>
  );
}

/** A cause as a badge in its SDG colour. */
export function SdgBadge({ sdg }: { sdg: number }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={classes.badge} style={{ background: sdgColour(sdg), color: sdgTextColour(sdg) }}>
      {t('reasons.sdg', { n: sdg, label: sdgLabel(sdg, i18n.language) })}
    </span>
  );
}
