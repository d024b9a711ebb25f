import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Mantine theme: shades picked for WCAG AA contrast (white on indigo 8 is 6.3:1; dimmed text uses
 * gray 7, 7.4:1 on white, instead of Mantine's gray 6 at 3.3:1; light badges' text darker than shade
 * 9 where shade 9 is under 4.5:1 on its tinted background). */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    Badge: { defaultProps: { variant: 'light' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-9)',
    '--mantine-color-green-light-color': '#1b5e20',
    '--mantine-color-red-light-color': '#a51111',
    '--mantine-color-orange-light-color': '#8a2c00',
    '--mantine-color-yellow-light-color': '#6b4e00',
    '--mantine-color-teal-light-color': '#045c45',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-violet-light-color': 'var(--mantine-color-violet-9)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
  },
  dark: {},
});
