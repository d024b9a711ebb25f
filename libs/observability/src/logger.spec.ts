import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { PinoNestLogger, createLogger } from './logger';
import { runWithLogContext } from './log-context';

/** A logger writing JSON lines into an array. */
function capture(level: Parameters<typeof createLogger>[1] = 'log') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, nest: new PinoNestLogger(createLogger('test', level, sink)) };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('PinoNestLogger', () => {
  it('writes JSON lines with level, context and the ids of the current request or job', async () => {
    const { lines, nest } = capture();
    runWithLogContext({ requestId: 'req-1' }, () =>
      runWithLogContext({ jobId: 'j1', job: 'score-actor' }, () => nest.warn('slow', 'JobWorker')),
    );
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      service: 'test',
      context: 'JobWorker',
      requestId: 'req-1',
      jobId: 'j1',
      job: 'score-actor',
      msg: 'slow',
    });
  });

  it("puts Nest's start-up chatter at debug, so the default level shows only summary lines", async () => {
    const { lines, nest } = capture('log');
    nest.log('AuthCoreModule dependencies initialized', 'InstanceLoader');
    nest.log('Mapped {/graphql, POST} route', 'RouterExplorer');
    nest.log({ msg: 'api ready', startMs: 12 }, 'Maillage');
    await flush();
    expect(lines.map((l) => l.msg)).toEqual(['api ready']);
    expect(lines[0].startMs).toBe(12);

    const debug = capture('debug');
    debug.nest.log('AuthCoreModule dependencies initialized', 'InstanceLoader');
    await flush();
    expect(debug.lines[0]).toMatchObject({ level: 'debug', context: 'InstanceLoader' });
  });

  it('redacts credentials and personal data in logged objects, and logs an error by its kind', async () => {
    const { lines, nest } = capture();
    nest.log(
      {
        msg: 'oops',
        headers: { authorization: 'Bearer mk_secret', cookie: 'sid=1' },
        user: { email: 'a@b.fr', id: 'u1' },
        apiKey: 'mk_x',
      },
      'Test',
    );
    const err = new TypeError('connect ECONNREFUSED contact jean.dupont@example.org');
    nest.error(err);
    nest.error(err.message, err.stack, 'ExceptionsHandler'); // how Nest reports an unexpected error
    await flush();
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/mk_secret|sid=1|a@b\.fr|mk_x|jean\.dupont/);
    expect(lines[0]).toMatchObject({ user: { id: 'u1', email: '[redacted]' } });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'TypeError', err: { kind: 'TypeError' } });
    expect(lines[2]).toMatchObject({
      context: 'ExceptionsHandler',
      msg: 'TypeError',
      err: { kind: 'TypeError' },
    });
    expect((lines[2].err as { stack: string[] }).stack[0]).toMatch(/^at /);
  });

  it('serves as the Nest logger: new Logger(context) calls reach pino', async () => {
    const { lines, nest } = capture();
    Logger.overrideLogger(nest);
    new Logger('Sweeper').log('swept 2 runs');
    Logger.overrideLogger(false);
    await flush();
    expect(lines).toEqual([
      expect.objectContaining({ context: 'Sweeper', msg: 'swept 2 runs', level: 'info' }),
    ]);
  });
});
