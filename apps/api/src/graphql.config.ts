import { ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError } from '@maillage/common';
import { AppConfig } from '@maillage/config';
import { queryLimitsPlugin } from './limits/query-limits';

/**
 * Apollo settings: no stack traces to clients, one error formatter, schema file when asked, the
 * query limits, and neither introspection nor landing page in production.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    autoSchemaFile: process.env.GRAPHQL_SCHEMA_FILE || true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    plugins: [
      queryLimitsPlugin({
        maxCost: config.GRAPHQL_MAX_COST,
        maxDepth: config.GRAPHQL_MAX_DEPTH,
        maxAliases: config.GRAPHQL_MAX_ALIASES,
        maxTokens: config.GRAPHQL_MAX_TOKENS,
      }),
    ],
    // res: the sign-in mutations set and clear the session cookie.
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
