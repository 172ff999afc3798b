import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { Member, waitUntil } from './member';

/** Sends PING over a plain socket and waits for +PONG (no client library, no retries). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.write('PING\r\n');
  });
}

/**
 * Redis as a queue and an event log must be: every write appended to a file that is
 * synced each second (AOF everysec), and never an eviction (noeviction: a full Redis
 * refuses writes instead of silently dropping a run's events or a queued job).
 */
export function redisArgs(port: number, dataDir: string): string[] {
  return [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dataDir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--maxmemory-policy', 'noeviction',
    '--save', '',
  ];
}

export function redisMember(opts: { program: string; port: number; dataDir: string; logFile: string; pidDir: string }): Member {
  mkdirSync(opts.dataDir, { recursive: true });
  return new Member({
    name: 'redis',
    command: opts.program,
    args: redisArgs(opts.port, opts.dataDir),
    logFile: opts.logFile,
    pidDir: opts.pidDir,
    ready: () => waitUntil('Redis', () => pong(opts.port), 30_000),
  });
}
