import { ParseArgsConfig } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@maillage/config';
import { migrate } from '@maillage/database';
import { AuthService } from '@maillage/auth';
import { Neo4jService } from '@maillage/neo4j';
import { ReferenceSeeder } from '@maillage/reference';
import { DemoSeeder } from '@maillage/synthetic';
import { CliModule } from './cli.module';

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
        const results = await new ReferenceSeeder(neo4j).seedAll({
          departements,
          force: options.force === true,
        });
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
        out(`${r.skipped ? 'up to date' : 'loaded    '} ${r.name} v${r.version} ${counts ? `(${counts}) ` : ''}in ${(r.durationMs / 1000).toFixed(1)} s`);
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
};
