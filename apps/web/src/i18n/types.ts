import type { fr } from './fr';

/** The shape of fr.ts with every leaf a string: en.ts must have the same keys. */
export type Translations<T = typeof fr> = {
  [K in keyof T]: T[K] extends string ? string : Translations<T[K]>;
};

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr };
  }
}
