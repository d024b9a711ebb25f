import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { theme } from '../src/theme';

/** Renders a component the way main.tsx provides it (Mantine theme; i18n is loaded by setup.ts). */
export function renderWithProviders(ui: ReactElement) {
  return render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  );
}
