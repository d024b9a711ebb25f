import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { COMMON_ERRORS } from './common-errors';
import { ErrorCode } from './domain-errors';
import { formatGraphQLError } from './graphql-error-formatter';

const formatted = (code?: string): GraphQLFormattedError => ({
  message: 'boom',
  path: ['q'],
  ...(code ? { extensions: { code } } : {}),
});

describe('formatGraphQLError', () => {
  it('sends a domain error’s code, field, reason and problems', () => {
    const err = COMMON_ERRORS.badInput('first: too big', {
      field: ['first'],
      reason: 'page_size',
      problems: [{ field: ['first'], reason: 'page_size', message: 'first: too big' }],
    });
    expect(formatGraphQLError(formatted(), { originalError: err })).toEqual({
      message: 'first: too big',
      path: ['q'],
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: ['first'],
        reason: 'page_size',
        problems: [{ field: ['first'], reason: 'page_size', message: 'first: too big' }],
      },
    });
  });

  it.each([
    ['BAD_USER_INPUT', 'invalid_value'],
    ['GRAPHQL_VALIDATION_FAILED', 'graphql_validation_failed'],
    ['GRAPHQL_PARSE_FAILED', 'graphql_parse_failed'],
  ])('maps GraphQL’s %s to BAD_USER_INPUT with reason %s', (code, reason) => {
    expect(formatGraphQLError(formatted(code), new Error('x')).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason,
    });
  });

  it('maps HTTP 401 and 403 to UNAUTHENTICATED and FORBIDDEN without a reason', () => {
    const http = (status: number) => Object.assign(new Error('Forbidden resource'), { status });
    expect(formatGraphQLError(formatted(), http(401)).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(formatGraphQLError(formatted(), http(403)).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const out = formatGraphQLError(
      formatted('SOMETHING'),
      Object.assign(new Error('secret'), { status: 500 }),
    );
    expect(out).toEqual({
      message: 'Internal error: the server could not complete this request',
      path: ['q'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
