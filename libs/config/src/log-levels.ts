import { LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Nest log levels up to LOG_LEVEL (default "log"), shared by the API and the worker. */
export function logLevels(level = process.env.LOG_LEVEL ?? 'log'): LogLevel[] {
  const index = Math.max(0, LEVELS.indexOf(level as LogLevel));
  return LEVELS.slice(0, index + 1);
}
