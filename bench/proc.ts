import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../tests/helpers/ports';
import { ROOT } from '../tests/helpers/processes';

/** A child process the benchmark started and must kill, however it ends. */
export interface Child {
  pid: number;
  url: string;
  output: () => string;
  kill9: () => Promise<void>;
}

/** A server process of the benchmark's own (a relay), run by tsx like the web server. */
export interface ServerSpec {
  /** For error messages. */
  name: string;
  /** The entry file, relative to the repository root. */
  entry: string;
  /** The line the process prints once it serves. */
  readyMarker: string;
  env: Record<string, string>;
  nodeArgs?: string[];
}

/**
 * Starts a relay as its own process, as the real web server is, so that no system
 * shares an event loop with the benchmark's publisher and clients.
 */
export async function startServerProcess(spec: ServerSpec): Promise<Child & { port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), '--import', 'tsx', spec.entry], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-50_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle = {
    pid: child.pid ?? -1,
    port,
    url: `ws://127.0.0.1:${port}`,
    output: () => log,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + 30_000;
  while (!log.includes(spec.readyMarker)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await handle.kill9();
      throw new Error(`${spec.name} did not start:\n${log}`);
    }
    await sleep(50);
  }
  return handle;
}

/** The raw ws + ioredis relay (bench/baseline-relay.ts). */
export function startBaselineRelay(redisUrl: string, nodeArgs: string[] = []): Promise<Child & { port: number }> {
  return startServerProcess({
    name: 'baseline relay',
    entry: 'bench/baseline-relay.ts',
    readyMarker: '[baseline] ready',
    env: { REDIS_URL: redisUrl },
    nodeArgs,
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A field of /proc/<pid>/status in KiB (VmRSS: resident now; VmHWM: the peak so far). */
export function readMemoryKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null; // not Linux, or the process is gone
  }
}

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux default
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its ')' are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : null;
  } catch {
    return null;
  }
}

/** Bytes the kernel holds on the connections to one server port, both ends. */
export interface TcpQueues {
  /** Server side: written by the server, not yet acknowledged by the peer's kernel. */
  serverSendBytes: number;
  /** Client side: arrived, not yet read by the client process. */
  clientUnreadBytes: number;
}

/**
 * Sums the kernel's queues of every established connection to `port` on this
 * machine, from /proc/net/tcp(6): what a server's sockets hold beyond its own heap.
 */
export function readTcpQueues(port: number): TcpQueues | null {
  const lines: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      lines.push(...readFileSync(table, 'utf8').split('\n').slice(1));
    } catch {
      // not Linux, or no IPv6: whatever was read still counts
    }
  }
  if (lines.length === 0) return null;
  const queues: TcpQueues = { serverSendBytes: 0, clientUnreadBytes: 0 };
  for (const line of lines) {
    // sl local rem st tx_queue:rx_queue … ; addresses and queues are hex
    const [, local, remote, state, txRx] = line.trim().split(/\s+/);
    if (state !== '01' || !local || !remote || !txRx) continue; // 01: ESTABLISHED
    const [tx, rx] = txRx.split(':').map((h) => parseInt(h, 16));
    if (portOf(local) === port) queues.serverSendBytes += tx ?? 0;
    else if (portOf(remote) === port) queues.clientUnreadBytes += rx ?? 0;
  }
  return queues;
}

const portOf = (address: string) => parseInt(address.slice(address.lastIndexOf(':') + 1), 16);

/** This process's soft limit on open files (/proc/self/limits), or null when unknown. */
export function openFilesLimit(): number | null {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!match?.[1]) return null;
    return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return null;
  }
}

/** Per CPU, jiffies busy and in all since boot (/proc/stat cpuN lines); empty when unreadable. */
export function readCoreTimes(): { busy: number; total: number }[] {
  try {
    return readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((line) => /^cpu\d+ /.test(line))
      .map((line) => {
        // user nice system idle iowait irq softirq steal …: idle and iowait are the idle ones
        const v = line.trim().split(/\s+/).slice(1).map(Number);
        const total = v.reduce((a, b) => a + b, 0);
        return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
      });
  } catch {
    return [];
  }
}

/** Busy % of each CPU between two readCoreTimes() readings. */
export function coreBusyPercent(before: { busy: number; total: number }[], after: { busy: number; total: number }[]): number[] {
  return after.map((a, i) => {
    const b = before[i];
    const total = b ? a.total - b.total : 0;
    return b && total > 0 ? ((a.busy - b.busy) / total) * 100 : Number.NaN;
  });
}
