/**
 * Who used the CPU over a measured window: the server, this process (publisher and
 * clients), Redis, and everything else on the machine (PostgreSQL, the kernel's
 * loopback networking, other people's work on a shared machine). "Other" is what
 * tells a quiet machine's numbers from a busy one's.
 */
import { coreBusyPercent, readCoreTimes, readCpuMs } from './proc';

/** This process at or above this share of its core: the clients, not the server, set the pace. */
export const CLIENT_BOUND_PERCENT = 90;

export interface CpuShares {
  /** Each as % of one core over the window. */
  serverPercent: number | null;
  benchPercent: number;
  redisPercent: number | null;
  /** Every CPU's busy % over the window. */
  coreBusyPercent: number[];
  /** All cores' busy time minus server, bench and Redis, as % of one core. */
  otherPercent: number | null;
  serverCpuMs: number | null;
  benchCpuMs: number;
}

const delta = (before: number | null, after: number | null) => (before !== null && after !== null ? after - before : null);

/** Starts counting; stop(wallMs) turns the CPU time since into shares of that wall time. */
export function startCpuWindow(serverPid: number, redisPid: number | null) {
  const server = readCpuMs(serverPid);
  const redis = redisPid === null ? null : readCpuMs(redisPid);
  const cores = readCoreTimes();
  const bench = process.cpuUsage();
  return {
    stop(wallMs: number): CpuShares {
      const serverCpuMs = delta(server, readCpuMs(serverPid));
      const redisCpuMs = redisPid === null ? null : delta(redis, readCpuMs(redisPid));
      const busy = coreBusyPercent(cores, readCoreTimes());
      const used = process.cpuUsage(bench);
      const benchCpuMs = (used.user + used.system) / 1000;
      const percent = (ms: number | null) => (ms === null || wallMs <= 0 ? null : (ms / wallMs) * 100);
      const serverPercent = percent(serverCpuMs);
      const benchPercent = percent(benchCpuMs) ?? Number.NaN;
      const redisPercent = percent(redisCpuMs);
      const allBusy = busy.reduce((a, b) => a + b, 0);
      const otherPercent =
        busy.length && serverPercent !== null ? Math.max(0, allBusy - serverPercent - benchPercent - (redisPercent ?? 0)) : null;
      return { serverPercent, benchPercent, redisPercent, coreBusyPercent: busy, otherPercent, serverCpuMs, benchCpuMs };
    },
  };
}
