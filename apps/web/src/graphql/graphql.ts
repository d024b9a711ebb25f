import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

/**
 * Typed GraphQL documents: `graphql(\`query …\`)` is checked against schema.gql (through the
 * generated graphql-env.d.ts, rebuilt by `npm run typecheck` and `npm run build:web`), and its
 * result and variables types are inferred, so a schema change that breaks a page fails the typecheck.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
  // Fragments share field lists between operations; pages read them unmasked.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
