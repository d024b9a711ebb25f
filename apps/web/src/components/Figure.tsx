import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One key figure with its label (what-if, statistics, overview). */
export function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && <Text size="xs">{hint}</Text>}
    </Paper>
  );
}
