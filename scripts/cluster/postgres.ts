import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { Member, waitUntil } from './member';

/**
 * PostgreSQL refuses to run as root. When the cluster is started by root (a container,
 * CI), its data folder belongs to the `postgres` user and the server runs as that user.
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]];
}

function prepareDataDir(dataDir: string, initdb: string): void {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dataDir, uid, gid);
    // The server user must be able to reach its folder through the cluster's own.
    const parent = dirname(dataDir);
    chmodSync(parent, statSync(parent).mode | 0o011);
  }
  const [command, args] = asServerUser(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-instructions', '-E', 'UTF8']);
  execFileSync(command, args, { stdio: 'pipe' });
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the app's database once; a second start finds it there. */
async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export interface PostgresMember {
  member: Member;
  url: string;
}

/** A PostgreSQL server of the cluster's own on `port`, its data in `dataDir`. */
export async function startPostgres(opts: { programs: { postgres: string; initdb: string }; dataDir: string; port: number; logFile: string; pidDir: string }): Promise<PostgresMember> {
  prepareDataDir(opts.dataDir, opts.programs.initdb);
  const adminUrl = `postgresql://postgres@127.0.0.1:${opts.port}/postgres`;
  const [command, args] = asServerUser(opts.programs.postgres, [
    '-D', opts.dataDir,
    '-p', String(opts.port),
    '-c', 'listen_addresses=127.0.0.1',
    // The socket folder must be writable by the server user; TCP is what the cluster uses.
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=200',
  ]);
  const member = new Member({
    name: 'postgres',
    command,
    args,
    execs: opts.programs.postgres,
    logFile: opts.logFile,
    pidDir: opts.pidDir,
    ready: () => waitUntil('PostgreSQL', () => answers(adminUrl), 30_000),
  });
  await member.start();
  await ensureDatabase(adminUrl, 'jobstream');
  return { member, url: `postgresql://postgres@127.0.0.1:${opts.port}/jobstream` };
}
