import { readFile } from 'node:fs/promises';
import { ParseArgsConfig } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@maillage/config';
import { migrate } from '@maillage/database';
import { AuthService } from '@maillage/auth';
import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder } from '@maillage/reference';
import { DemoSeeder } from '@maillage/synthetic';
import {
  ActorImportModule,
  ActorImportService,
  decodeCsvBytes,
  formatImportReport,
} from '@maillage/actor-import';
import { CliModule } from './cli.module';

@Module({ imports: [CliModule, ActorImportModule] })
class ImportCsvModule {}

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
      const { applied, pending } = await migrate(config.DATABASE_URL);
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
      const { pending } = await migrate(config.DATABASE_URL);
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
    async run(config, options) {
      const neo4j = new Neo4jService(config);
      try {
        const departements =
          typeof options.departements === 'string'
            ? options.departements.split(',').map((d) => d.trim())
            : undefined;
        const seeder = new ReferenceSeeder(neo4j);
        const force = options.force === true;
        // Reference data, then the migration of stored search names (actors included).
        const results = [
          ...(await seeder.seedAll({ departements, force })),
          await seeder.seedSearchNames({ force }),
        ];
        for (const r of results) {
          const counts = Object.entries(r.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ');
          out(
            `${r.skipped ? 'up to date' : 'loaded    '} ${r.name} v${r.version} (${counts}) in ${(r.durationMs / 1000).toFixed(1)} s`,
          );
        }
      } finally {
        await neo4j.onApplicationShutdown();
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
    async run(config, options) {
      const neo4j = new Neo4jService(config);
      try {
        const r = await new DemoSeeder(neo4j).seedDemoTerritory({
          departements: String(options.departements).split(','),
          count: Number(options.count),
          force: options.force === true,
        });
        const counts = Object.entries(r.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        out(
          `${r.skipped ? 'up to date' : 'loaded    '} ${r.name} v${r.version} ${counts ? `(${counts}) ` : ''}in ${(r.durationMs / 1000).toFixed(1)} s`,
        );
      } finally {
        await neo4j.onApplicationShutdown();
      }
    },
  },
  'create-admin': {
    description: 'Create the first admin (organisation + user) and print its API key',
    options: { org: { type: 'string', default: 'Labo des partenariats' }, email: { type: 'string' } },
    async run(_config, options) {
      const email = String(options.email ?? 'admin@maillage.local');
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        const { user, apiKey } = await app.get(AuthService).createFirstAdmin(String(options.org), email);
        out(`admin ${user.id} (organisation ${user.organisationId})`);
        out(`API key (shown once): ${apiKey}`);
      } finally {
        await app.close();
      }
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
      const app = await NestFactory.createApplicationContext(ImportCsvModule, { logger: ['error', 'warn'] });
      try {
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
      } finally {
        await app.close();
      }
    },
  },
};
