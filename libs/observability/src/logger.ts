import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { currentLogContext } from './log-context';

/** LOG_LEVEL accepts Nest's names (log, verbose) and pino's (info, trace, fatal, silent). */
export const PINO_LEVEL_OF = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  info: 'info',
  debug: 'debug',
  verbose: 'trace',
  trace: 'trace',
  silent: 'silent',
} as const;
export type LogLevelName = keyof typeof PINO_LEVEL_OF;

/**
 * Never written, wherever they appear in a logged object: credentials and the personal data the
 * project keeps (contact persons, representatives, e-mails). Code logs ids and error kinds; this
 * is the safety net for an object logged by mistake.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'apiKey',
  'token',
  'secret',
  'email',
  'contact',
  'representative',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.email',
  '*.contact',
  '*.representative',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
];

/** One JSON line per event on stdout: `{"level":"info","time":"…","service":"api","requestId":…,"msg":…}`. */
export function createLogger(
  service: string,
  level: LogLevelName = 'log',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: PINO_LEVEL_OF[level] ?? 'info',
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...currentLogContext() }),
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/**
 * Nest's own start-up chatter ("X dependencies initialized", one line per route...): debug, not
 * info, so a process starts with one summary line at the default level.
 */
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'GraphQLModule',
]);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's LoggerService on pino: `new Logger('JobWorker').warn(...)` anywhere in the code becomes a
 * JSON line with `context`, plus the request or job ids of the current async context.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest, true);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest, true);
  }

  private write(level: Level, message: unknown, rest: unknown[], isError = false): void {
    // Nest calls (message, context) or, for errors, (message, stack, context).
    const args = [...rest];
    const context =
      args.length && typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    if (level === 'info' && context && BOOT_CONTEXTS.has(context)) level = 'debug';
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (isError && typeof args[0] === 'string' && args[0].includes('\n    at ')) {
      // Nest's exception handler passes (err.message, err.stack): keep the kind and the frames, not
      // the message (a driver's message may echo parameters).
      const kind = /^([A-Za-z_$][\w$]*)(:|\n)/.exec(args[0])?.[1] ?? 'Error';
      this.pino[level]({ ...fields, err: { kind, stack: frames(args[0]) } }, kind);
      return;
    }
    if (message instanceof Error) {
      // The kind and where, not the message: a driver's message may echo data.
      this.pino[level](
        { ...fields, err: { kind: message.name, stack: frames(message.stack) } },
        message.name,
      );
    } else if (message && typeof message === 'object') {
      const { msg, ...others } = message as Record<string, unknown>;
      this.pino[level]({ ...fields, ...others }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

/** A stack's frames without its first line (which repeats the message). */
function frames(stack: string | undefined): string[] | undefined {
  return stack
    ?.split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, 12);
}
