import { unavailableStore } from './store-errors';

const neo4jError = (code: string, message = 'x') =>
  Object.assign(new Error(message), { name: 'Neo4jError', code });

describe('unavailableStore', () => {
  it('recognises Neo4j outages, and only them', () => {
    expect(unavailableStore(neo4jError('ServiceUnavailable'))).toBe('neo4j');
    expect(unavailableStore(neo4jError('SessionExpired'))).toBe('neo4j');
    expect(
      unavailableStore(neo4jError('N/A', 'Connection acquisition timed out in 3000 ms. Pool status')),
    ).toBe('neo4j');
    expect(unavailableStore(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'))).toBe('neo4j');
    expect(unavailableStore(neo4jError('Neo.ClientError.Statement.SyntaxError'))).toBeNull();
  });

  it('recognises PostgreSQL outages, wrapped by TypeORM or Node', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(unavailableStore(refused)).toBe('postgresql');
    expect(
      unavailableStore(
        Object.assign(new Error('q'), { name: 'QueryFailedError', driverError: { code: '57P01' } }),
      ),
    ).toBe('postgresql');
    expect(unavailableStore(new Error('timeout exceeded when trying to connect'))).toBe('postgresql');
    expect(unavailableStore(Object.assign(new AggregateError([refused], ''), { code: undefined }))).toBe(
      'postgresql',
    );
    expect(
      unavailableStore(Object.assign(new Error('dup'), { name: 'QueryFailedError', code: '23505' })),
    ).toBeNull();
  });

  it('recognises Redis producer failures; ordinary errors are not outages', () => {
    expect(unavailableStore(Object.assign(new Error('r'), { name: 'RedisUnavailableError' }))).toBe('redis');
    expect(unavailableStore(new Error('Bad input'))).toBeNull();
    expect(unavailableStore(undefined)).toBeNull();
  });
});
