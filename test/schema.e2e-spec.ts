import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The committed schema.gql is the API contract clients read: it must match the code. */
describe('schema.gql', () => {
  it('is current (regenerate with UPDATE_SCHEMA=1 npm test -- test/schema)', async () => {
    const file =
      process.env.UPDATE_SCHEMA === '1'
        ? path.resolve(__dirname, '..', 'schema.gql')
        : path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.gql');
    process.env.GRAPHQL_SCHEMA_FILE = file;
    // The GraphQL options are read when the app module loads: import it after setting the path.
    const { TestApi } = await import('./support/api');
    const api = await TestApi.start();
    try {
      const generated = readFileSync(file, 'utf8');
      const committed = readFileSync(path.resolve(__dirname, '..', 'schema.gql'), 'utf8');
      expect(generated).toEqual(committed);
    } finally {
      delete process.env.GRAPHQL_SCHEMA_FILE;
      await api.close();
    }
  });
});
