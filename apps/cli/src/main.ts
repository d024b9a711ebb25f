import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '@maillage/config';
import { COMMANDS } from './commands';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.description}`)
  .join('\n')}
`;

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stdout.write(USAGE);
    return name ? 2 : 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options ?? {},
    allowPositionals: true,
  });
  const config = parseEnv(process.env);
  return (
    (await command.run(config, values as Record<string, string | boolean | undefined>, positionals)) ?? 0
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`,
    );
    if (process.env.DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);
