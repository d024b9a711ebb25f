/**
 * Fault injection on real services: a throwaway redis-server the test can kill and restart (empty,
 * as a Redis without persistence comes back), and an embedded Neo4j it can stop and start again on
 * the same data directory. Waits poll; nothing sleeps for a fixed time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/** `redis-server --port <free> --save ''`: no persistence, so a restart comes back empty. */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await until('redis-server listening', () => portOpen(this.port), 15_000);
  }

  /** A crash: SIGKILL, nothing flushed. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    this.child = undefined;
  }

  /** A hung Redis (SIGSTOP): connections are accepted by the kernel, nothing answers. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT: the hung Redis answers again, with everything it held. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** The machine's Redis restarted without persistence: every queue, job and lock is gone. */
  async restartEmpty(): Promise<void> {
    await this.kill();
    await this.start();
  }
}

/**
 * The embedded Neo4j (scripts/lib/services.mjs startNeo4j) in a small Node child, so a CommonJS
 * test can drive the ES module: closing the child's stdin stops Neo4j cleanly; the same data
 * directory and port survive a restart.
 */
export class Neo4jServer {
  private child: ChildProcess | undefined;
  uri = '';

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<Neo4jServer> {
    const server = new Neo4jServer(await freePort(), mkdtempSync(path.join(tmpdir(), 'maillage-neo4j-')));
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const services = path.resolve(__dirname, '../../scripts/lib/services.mjs');
    const script = `
      const { startNeo4j } = await import(${JSON.stringify(services)});
      const neo = await startNeo4j({ dataDir: ${JSON.stringify(this.dataDir)}, port: ${this.port}, heap: '512m', pageCacheMb: 32 });
      process.stdout.write('READY ' + neo.uri + '\\n');
      process.stdin.on('end', async () => { await neo.stop({ graceMs: 10000 }); process.exit(0); });
      process.stdin.resume();`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    this.uri = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`Neo4j child exited (${code}) before it was ready`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.stdin!.end();
    await exited(child);
    this.child = undefined;
    await until('Neo4j port closed', async () => !(await portOpen(this.port)), 15_000);
  }
}
