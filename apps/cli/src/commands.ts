import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ParseArgsConfig } from 'node:util';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@maillage/config';
import { migrate } from '@maillage/database';
import { ENTITIES } from '@maillage/entities';
import { AuthService, randomPassword } from '@maillage/auth';
import { ReferenceSeeder } from '@maillage/reference';
import { ComplementsRepository, EDGE_LAYOUT_VERSION } from '@maillage/complementarity';
import { Neo4jService } from '@maillage/neo4j';
import { DemoSeeder } from '@maillage/synthetic';
import { ActorImportService, decodeCsvBytes, formatImportReport } from '@maillage/actor-import';
import { CliDemoModule, CliImportModule, CliModule, CliReferenceModule } from './cli.module';

/** Every command gets its services from a Nest application context (DI), closed when it ends. */
async function withContext<T>(
  module: Type<unknown>,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

export interface Command {
  description: string;
  options?: ParseArgsConfig['options'];
  run(
    config: AppConfig,
    options: Record<string, string | boolean | undefined>,
    args: string[],
  ): Promise<number | void>;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

export const COMMANDS: Record<string, Command> = {
  'db:migrate': {
    description: 'Apply pending PostgreSQL migrations',
    async run(config) {
      const { applied, pending } = await migrate(config.DATABASE_URL, ENTITIES);
      out(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
      if (pending.length) {
        out(`entities and migrations disagree (${pending.length} statements missing):`);
        pending.forEach((q) => out(`  ${q};`));
        return 3;
      }
    },
  },
  'db:diff': {
    description: 'Print the SQL a new migration needs (entities vs migrations)',
    async run(config) {
      const { pending } = await migrate(config.DATABASE_URL, ENTITIES);
      pending.forEach((q) => out(`${JSON.stringify(q)},`));
    },
  },
  seed: {
    description: 'Load graph constraints, SDGs, competences and French geography (idempotent)',
    options: {
      // comma-separated, e.g. 38,73 (default: all of France)
      departements: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    async run(_config, options) {
      const departements =
        typeof options.departements === 'string'
          ? options.departements.split(',').map((d) => d.trim())
          : undefined;
      const force = options.force === true;
      // Reference data, then the migrations of stored search names (actors included) and of
      // stored partner lists written in an older edge layout.
      const results = await withContext(CliReferenceModule, async (app) => {
        const seeder = app.get(ReferenceSeeder);
        const edges = new ComplementsRepository(app.get(Neo4jService));
        const lists = { lists: 0 };
        return [
          ...(await seeder.seedAll({ departements, force })),
          await seeder.seedSearchNames({ force }),
          await seeder.versioned('partner-edges', EDGE_LAYOUT_VERSION, { force }, lists, async () => {
            lists.lists = await edges.migrateLayout();
          }),
        ];
      });
      for (const r of results) {
        const counts = Object.entries(r.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        out(
          `${r.skipped ? 'up to date' : 'loaded    '} ${r.name} v${r.version} (${counts}) in ${(r.durationMs / 1000).toFixed(1)} s`,
        );
      }
    },
  },
  'seed-demo': {
    description: 'Load the demo territory: generated actors of Isère (idempotent)',
    options: {
      departements: { type: 'string', default: '38' },
      count: { type: 'string', default: '400' },
      force: { type: 'boolean', default: false },
    },
    async run(_config, options) {
      const r = await withContext(CliDemoModule, (app) =>
        app.get(DemoSeeder).seedDemoTerritory({
          departements: String(options.departements).split(','),
          count: Number(options.count),
          force: options.force === true,
        }),
      );
      const counts = Object.entries(r.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      out(
        `${r.skipped ? 'up to date' : 'loaded    '} ${r.name} v${r.version} ${counts ? `(${counts}) ` : ''}in ${(r.durationMs / 1000).toFixed(1)} s`,
      );
    },
  },
  'create-admin': {
    description:
      'Create the first admin (organisation + user) and print its API key, or write it to --key-file (mode 0600)',
    options: {
      org: { type: 'string', default: 'Labo des partenariats' },
      email: { type: 'string' },
      'key-file': { type: 'string' },
    },
    async run(_config, options) {
      const email = String(options.email ?? 'admin@maillage.local');
      const { user, apiKey } = await withContext(CliModule, (app) =>
        app.get(AuthService).createFirstAdmin(String(options.org), email),
      );
      out(`admin ${user.id} (organisation ${user.organisationId})`);
      if (typeof options['key-file'] === 'string') {
        await writeSecretFile(options['key-file'], apiKey);
        out(`API key written to ${options['key-file']} (mode 0600)`);
      } else {
        out(`API key (shown once): ${apiKey}`);
      }
    },
  },
  'admin-password': {
    description:
      'Give an existing user (default the demo admin) a new random password for the console, written to --password-file (mode 0600)',
    options: { email: { type: 'string' }, 'password-file': { type: 'string' } },
    async run(_config, options) {
      const file = options['password-file'];
      if (typeof file !== 'string') {
        out('usage: admin-password --password-file <file> [--email <e-mail>]');
        return 2;
      }
      const email = String(options.email ?? 'admin@maillage.local');
      const password = randomPassword();
      const found = await withContext(CliModule, async (app) => {
        const auth = app.get(AuthService);
        const user = await auth.findForSignIn(email);
        if (!user) return false;
        await auth.setPassword(user, password);
        return true;
      });
      if (!found) {
        out('no user has this e-mail (create it first: create-admin)');
        return 2;
      }
      await writeSecretFile(file, password);
      out(`password written to ${file} (mode 0600)`);
    },
  },
  'import-csv': {
    description:
      'Import actors from a CSV file (docs/csv-import.md): import-csv <file> [--dry-run] [--org <id>]',
    // --org: organisation recorded as managing the created actors; exit 4 when some rows were rejected
    options: { 'dry-run': { type: 'boolean', default: false }, org: { type: 'string' } },
    async run(_config, options, args) {
      const [file] = args;
      if (!file) {
        out('usage: import-csv <file.csv> [--dry-run] [--org <organisationId>]');
        return 2;
      }
      const csv = decodeCsvBytes(await readFile(file));
      return withContext(CliImportModule, async (app) => {
        const org =
          typeof options.org === 'string'
            ? (await app.get(AuthService).getOrganisation(options.org)).id
            : null;
        const report = await app.get(ActorImportService).importCsv(csv, {
          dryRun: options['dry-run'] === true,
          managedBy: org,
          onChunk: async (c) =>
            void (process.stderr.isTTY && process.stderr.write(`\r${c.processed}/${c.total} rows`)),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        formatImportReport(report, file).forEach(out);
        return report.rejected ? 4 : 0;
      });
    },
  },
};

/**
 * Writes a secret atomically with mode 0600 from the start: a temporary file created exclusively
 * (never readable by others, even for an instant), flushed, then renamed over the target.
 */
export async function writeSecretFile(file: string, secret: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(`${secret}\n`);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(tmp, file);
}
