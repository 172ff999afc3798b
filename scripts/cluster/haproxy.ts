import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Member, waitUntil } from './member';

/**
 * The balancer's configuration: round robin over the web instances without sticky
 * sessions (any instance serves any socket and resumes it from lastEventId), each
 * instance checked on /api/health/ready every second. HAProxy passes WebSocket
 * upgrades in HTTP mode; `timeout tunnel` keeps an upgraded socket open for as long
 * as the app's keep-alive pings flow.
 */
export function haproxyConfig(opts: { port: number; webPorts: number[]; maxconn: number; statsSocket: string }): string {
  const servers = opts.webPorts.map((port, i) => `  server web${i + 1} 127.0.0.1:${port} check`).join('\n');
  return `global
  maxconn ${opts.maxconn}
  stats socket ${opts.statsSocket} mode 600 level operator

defaults
  mode http
  option forwardfor
  option http-server-close
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  timeout http-request 10s
  timeout client-fin 5s
  maxconn ${opts.maxconn}

frontend jobstream
  bind 127.0.0.1:${opts.port}
  default_backend web

backend web
  balance roundrobin
  option httpchk GET /api/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 1 maxconn ${opts.maxconn}
  retry-on conn-failure empty-response
  retries 3
  option redispatch
${servers}
`;
}

async function serves(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`, { signal: AbortSignal.timeout(1000) });
  return res.status === 200;
}

/** A server's state as HAProxy's checks see it ("UP", "DOWN", "UP 1/2", …), from its runtime socket. */
export function serverState(statsSocket: string, backend: string, server: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(statsSocket);
    let text = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => resolve(null));
    socket.on('close', () => {
      const line = text.split('\n').find((l) => l.startsWith(`${backend},${server},`));
      // Column 18 of `show stat` is the status.
      resolve(line?.split(',')[17] ?? null);
    });
    socket.end('show stat\n');
  });
}

export function haproxyMember(opts: { program: string; name: string; port: number; webPorts: number[]; configFile: string; statsSocket: string; logFile: string; pidDir: string; maxconn: number }): Member {
  writeFileSync(opts.configFile, haproxyConfig(opts));
  return new Member({
    name: opts.name,
    command: opts.program,
    args: ['-db', '-f', opts.configFile],
    logFile: opts.logFile,
    pidDir: opts.pidDir,
    ready: () => waitUntil('HAProxy', () => serves(opts.port), 60_000),
  });
}
