import { ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError } from '@maillage/common';

/** Apollo settings: no stack traces to clients, one error formatter, schema file when asked. */
export function graphqlOptions(): ApolloDriverConfig {
  return {
    autoSchemaFile: process.env.GRAPHQL_SCHEMA_FILE || true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    context: ({ req }: { req: unknown }) => ({ req }),
  };
}
