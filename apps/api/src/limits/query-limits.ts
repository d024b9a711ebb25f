import { GraphQLError, GraphQLSchema, Lexer, Source, TokenKind, ValidationContext, validate } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ErrorCode } from '@maillage/common';

export interface QueryLimits {
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

/**
 * What one field costs, beyond 1 for every other field. The live computations are priced so that a
 * request holds at most a few of them: with the default maximum cost of 1000, four `localCauses`
 * or `triads`, one `simulateEvent` or `repairSchedule`. Keep this map in step with docs/SECURITY.md.
 */
export const FIELD_COSTS: Record<string, number> = {
  'Query.localCauses': 200,
  'Query.triads': 200,
  'Query.simulateEvent': 500,
  'Mutation.repairSchedule': 500,
  'Query.explainPair': 50,
  'Query.partners': 20,
  'Query.tablePlanPdf': 100,
  'Query.tablePlanCsv': 50,
  'Query.agendaIcs': 20,
  'Query.labStats': 50,
  'Query.eventStats': 50,
  'Query.showcaseAlliances': 50,
  'Mutation.importActorsCsv': 200,
  'Mutation.registerParticipantsCsv': 100,
};

function fieldCostEstimator({ type, field, childComplexity }: ComplexityEstimatorArgs): number | void {
  const cost = FIELD_COSTS[`${type.name}.${field.name}`];
  if (cost !== undefined) return cost + childComplexity;
}

/** An error a client can act on: which limit, its value and what the query reached. */
export function queryTooComplex(reason: string, limit: number, found: number): GraphQLError {
  return new GraphQLError(`Query over the ${reason.replace('max_', '')} limit: ${found} > ${limit}`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, reason, limit, found, http: { status: 400 } },
  });
}

/** Counts lexical tokens, stopping at limit + 1: a huge query costs no more than the limit to refuse. */
export function countTokens(query: string, limit: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return count; // a lexing error is reported by the parser, with its location
  }
  return count;
}

/** Depth and alias checks (GraphQL Armor's rules) on a parsed document; the first overrun, if any. */
export function shapeOverrun(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits) {
  let overrun: GraphQLError | undefined;
  const onReject = (reason: string, limit: number) => [
    (_ctx: ValidationContext | null, error: GraphQLError) => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? limit + 1);
      overrun ??= queryTooComplex(reason, limit, found);
    },
  ];
  validate(schema, document, [
    maxDepthRule({
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: onReject('max_depth', limits.maxDepth),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: onReject('max_aliases', limits.maxAliases),
    }),
  ]);
  return overrun;
}

/**
 * Apollo plugin refusing, before any resolver runs, queries over the depth, alias and cost limits
 * with QUERY_TOO_COMPLEX (HTTP 400): `extensions` carry `reason`, `limit` and `found`. Tokens are
 * counted before parsing, by the body reader (graphql-body.ts); Apollo hooks before parsing cannot
 * refuse a request (a throw there is a 500). GET requests have graphql's own `maxTokens` parse option.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const overrun = shapeOverrun(schema, document, limits);
          if (overrun) throw overrun;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldCostEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not coerce: nothing will execute; Apollo reports them (BAD_USER_INPUT).
            return;
          }
          if (cost > limits.maxCost) throw queryTooComplex('max_cost', limits.maxCost, cost);
        },
      };
    },
  };
}
