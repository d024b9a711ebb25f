import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import type { ObservedRequest } from './request-observer';

/** "query:partners", "mutation:updateActor", "query:actor+partners"; more than 3 root fields: "query:multiple". */
export function operationLabel(operation: OperationDefinitionNode): string {
  const fields = [
    ...new Set(
      operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : 'fragment')),
    ),
  ]
    .filter((f) => f !== '__typename')
    .sort();
  const root = fields.length === 0 ? 'typename' : fields.length > 3 ? 'multiple' : fields.join('+');
  return `${operation.operation}:${root}`;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Tells the request observer which operation a request ran and how it ended (first error code or
 * 'ok'). Listed first among the plugins, so a request the query limits refuse is still labelled.
 */
export function graphqlObserverPlugin(): ApolloServerPlugin<{ req?: ObservedRequest }> {
  return {
    async requestDidStart({ contextValue }) {
      const observed = contextValue.req?.observed;
      if (!observed) return {};
      return {
        async didResolveOperation({ operation, operationName }) {
          if (operation) observed.operation = operationLabel(operation);
          if (operationName && PLAIN_NAME.test(operationName)) observed.operationName = operationName;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          observed.outcome = errors?.length ? String(errors[0].extensions?.code ?? 'ERROR') : 'ok';
        },
      };
    },
  };
}
