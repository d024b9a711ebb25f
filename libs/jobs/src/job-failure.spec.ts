import { describeFailure, errorKind } from './job-failure';

describe('describeFailure', () => {
  it("names a failure by the error's class and code", () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(describeFailure(err)).toEqual({ name: 'Error', code: 'ECONNREFUSED', kind: 'Error ECONNREFUSED' });
  });

  it("names the Redis client's code-less errors by their fixed message", () => {
    expect(errorKind(new Error('Command timed out'))).toBe('Error COMMAND_TIMEOUT');
    expect(errorKind(new Error('Connection is closed.'))).toBe('Error CONNECTION_CLOSED');
  });

  it('never repeats any other message, which may echo parameters', () => {
    const kind = errorKind(new Error('Invalid input for Alice Martin <alice@example.org>'));
    expect(kind).toBe('Error');
    class Neo4jError extends Error {
      override name = 'Neo4jError';
    }
    expect(errorKind(new Neo4jError('Command timed out for user bob'))).toBe('Neo4jError');
  });

  it('tolerates values that are not errors', () => {
    expect(errorKind(undefined)).toBe('Error');
    expect(errorKind('boom')).toBe('Error');
  });
});
