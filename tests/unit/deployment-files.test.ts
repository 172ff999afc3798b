import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes';

// The deployment files (Dockerfile, deploy/, compose.yaml) cannot be built or started
// where the tests run (no Docker engine): this checks what they promise by reading them.

type Node = string | Node[] | Mapping;
interface Mapping {
  [key: string]: Node;
}
interface Line {
  indent: number;
  text: string;
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * Reads the YAML that compose.yaml is written in (no YAML parser is installed): block
 * mappings and sequences, flow sequences written as JSON, `{ key: value }` flow mappings,
 * quoted and folded (`>-`) scalars, anchors, aliases and merge keys (`<<: *name`).
 */
function readYaml(source: string): Mapping {
  const lines: Line[] = source.split('\n').flatMap((raw) => {
    const text = raw.trimEnd().trimStart();
    return text === '' || text.startsWith('#') ? [] : [{ indent: raw.length - raw.trimStart().length, text }];
  });
  const anchors = new Map<string, Node>();
  let i = 0;

  const scalar = (raw: string): Node => {
    if (raw.startsWith('*')) {
      const node = anchors.get(raw.slice(1));
      if (node === undefined) throw new Error(`compose.yaml: unknown alias ${raw}`);
      return node;
    }
    if (raw.startsWith('[')) return JSON.parse(raw) as Node[];
    if (raw.startsWith('{')) {
      const pairs = raw.slice(1, -1).split(',').map((pair) => pair.split(':').map((part) => part.trim()));
      return Object.fromEntries(pairs.map(([key = '', value = '']) => [key, scalar(value)]));
    }
    if (raw.startsWith('"')) return JSON.parse(raw) as string;
    if (raw.startsWith("'")) return raw.slice(1, -1).replaceAll("''", "'");
    return raw;
  };
  /** A folded scalar: the lines deeper than `indent`, joined by spaces. */
  const folded = (indent: number): string => {
    const parts: string[] = [];
    while (i < lines.length && (lines[i]?.indent ?? 0) > indent) parts.push(lines[i++]?.text ?? '');
    return parts.join(' ');
  };
  const value = (raw: string, indent: number): Node => {
    if (raw === '>-' || raw === '>') return folded(indent);
    if (raw !== '') return scalar(raw);
    const next = lines[i];
    return next && next.indent > indent ? block(next.indent) : '';
  };
  function block(indent: number): Node {
    if (lines[i]?.text.startsWith('- ')) {
      const items: Node[] = [];
      while (lines[i]?.indent === indent && lines[i]?.text.startsWith('- ')) {
        const text = lines[i++]?.text ?? '';
        items.push(value(text.slice(2).trim(), indent));
      }
      return items;
    }
    const own: Mapping = {};
    const merged: Mapping[] = [];
    while (lines[i]?.indent === indent) {
      const text = lines[i++]?.text ?? '';
      const match = /^([^:]+?):(?:\s+(.*))?$/.exec(text);
      if (!match?.[1]) throw new Error(`compose.yaml: cannot read "${text}"`);
      const anchored = /^&([\w-]+)\s*(.*)$/.exec(match[2] ?? '');
      const node = value(anchored ? (anchored[2] ?? '') : (match[2] ?? ''), indent);
      if (anchored?.[1]) anchors.set(anchored[1], node);
      if (match[1] === '<<') merged.push(node as Mapping);
      else own[match[1]] = node;
    }
    return Object.assign({}, ...merged, own) as Mapping;
  }
  const doc = block(0);
  if (i !== lines.length) throw new Error(`compose.yaml: stopped reading at "${lines[i]?.text ?? ''}"`);
  return doc as Mapping;
}

const compose = readYaml(read('compose.yaml'));
const services = compose.services as Record<string, Mapping>;
const haproxy = read('deploy/haproxy.cfg');
const dockerfile = read('Dockerfile');
const entrypoint = read('deploy/entrypoint.sh');

const command = (service: Mapping | undefined): string[] => (Array.isArray(service?.command) ? (service.command as string[]) : []);
const environment = (service: Mapping | undefined): Record<string, string> => (service?.environment ?? {}) as Record<string, string>;
const role = (name: string) => Object.keys(services).filter((s) => command(services[s])[0] === name);
const APP_ROLES = ['web', 'worker', 'migrate'];
const appServices = Object.keys(services).filter((s) => APP_ROLES.includes(command(services[s])[0] ?? ''));

/** HAProxy durations: `65s`, `1h`, `5000` (ms). */
function millis(duration: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms'] ?? 1;
  return Number(match[1]) * unit;
}
const timeout = (name: string) => millis(new RegExp(`^\\s*timeout ${name}\\s+(\\S+)`, 'm').exec(haproxy)?.[1] ?? '0');

describe('compose.yaml', () => {
  it('runs Redis with an AOF synced every second and no eviction, on a volume', () => {
    const redis = command(services.redis);
    const flag = (name: string) => redis[redis.indexOf(name) + 1];
    expect(redis[0]).toBe('redis-server');
    expect(flag('--appendonly')).toBe('yes');
    expect(flag('--appendfsync')).toBe('everysec');
    expect(flag('--maxmemory-policy')).toBe('noeviction');
    expect(services.redis?.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/data$/)]));
  });

  it('has two web instances, two workers and a one-shot migration', () => {
    expect(role('web').length).toBeGreaterThanOrEqual(2);
    expect(role('worker').length).toBeGreaterThanOrEqual(2);
    expect(role('migrate')).toHaveLength(1);
    expect(services[role('migrate')[0] ?? '']?.restart).toBe('no');
  });

  it('checks the health of every long-running service', () => {
    const longRunning = Object.keys(services).filter((s) => services[s]?.restart !== 'no');
    expect(longRunning).toEqual(expect.arrayContaining(['postgres', 'redis', 'lb', ...role('web'), ...role('worker')]));
    for (const name of longRunning) {
      const check = services[name]?.healthcheck as Mapping | undefined;
      expect(check?.disable, name).toBeUndefined();
      expect(Array.isArray(check?.test) && check.test.length > 1, `${name} has a healthcheck test`).toBe(true);
    }
    for (const name of role('web')) expect(JSON.stringify(services[name]?.healthcheck)).toContain('/api/health');
  });

  it('starts the app only after its database is migrated and Redis is up', () => {
    const migrate = role('migrate')[0] ?? '';
    expect(services[migrate]?.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    for (const name of role('web')) {
      expect(services[name]?.depends_on).toMatchObject({
        [migrate]: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
    }
    for (const name of role('worker')) expect(services[name]?.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
  });

  it('configures the app through variables that .env.example documents', () => {
    const documented = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const used = new Set(appServices.flatMap((s) => Object.keys(environment(services[s]))));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
    for (const name of appServices) expect(environment(services[name]).AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
  });

  it('trusts the balancer on the web instances, archives on at least one, and gives workers room for Chromium', () => {
    for (const name of role('web')) {
      expect(environment(services[name]).TRUST_PROXY).toBe('true');
      expect(environment(services[name]).NEXTAUTH_URL).toBe(environment(services[name]).APP_URL);
    }
    expect(role('web').some((name) => (environment(services[name]).ARCHIVER_ENABLED ?? 'true') === 'true')).toBe(true);
    for (const name of role('worker')) {
      expect(services[name]?.shm_size).toBeTruthy();
      expect(['auto', 'on', 'off']).toContain(environment(services[name]).BROWSER_SANDBOX ?? 'auto');
      // Workers fetch and open the sandbox board at APP_URL: the same origin the users see.
      expect(environment(services[name]).APP_URL).toBe(environment(services[role('web')[0] ?? '']).APP_URL);
    }
  });

  it('puts HAProxy with deploy/haproxy.cfg in front, reachable under APP_URL from inside the network too', () => {
    const lb = services.lb;
    expect(lb?.image).toEqual(expect.stringMatching(/^haproxy:/));
    expect(lb?.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/^\.\/deploy\/haproxy\.cfg:.*haproxy\.cfg/)]));
    const appUrl = environment(services[role('web')[0] ?? '']).APP_URL ?? '';
    const publicUrl = new URL(/^\$\{APP_URL:-(.*)\}$/.exec(appUrl)?.[1] ?? appUrl);
    expect(lb?.ports).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^"?${publicUrl.port}:`))]));
    const aliases = ((lb?.networks as Mapping | undefined)?.default as Mapping | undefined)?.aliases;
    expect(aliases).toContain(publicUrl.hostname);
  });
});

describe('deploy/haproxy.cfg', () => {
  it('balances over every web instance, round robin, checked on its health endpoint, without sticky sessions', () => {
    expect(haproxy).toMatch(/^\s*balance roundrobin$/m);
    expect(haproxy).toMatch(/^\s*option httpchk GET \/api\/health/m);
    for (const name of role('web')) expect(haproxy).toMatch(new RegExp(`^\\s*server ${name} ${name}:3000\\b`, 'm'));
    expect(haproxy).not.toMatch(/^\s*(cookie|stick|stick-table|balance source)\b/m);
  });

  it("passes WebSocket upgrades and keeps them open past the app's keep-alive pings", () => {
    const keepalive = Number(environment(services[role('web')[0] ?? '']).WS_KEEPALIVE_MS ?? 30_000);
    expect(haproxy).toMatch(/^\s*mode http$/m);
    expect(timeout('tunnel')).toBeGreaterThanOrEqual(3_600_000);
    expect(timeout('client')).toBeGreaterThan(keepalive);
    expect(timeout('server')).toBeGreaterThan(keepalive);
  });

  it('tells the app the client address and admits ~20,000 sockets', () => {
    expect(haproxy).toMatch(/^\s*option forwardfor/m);
    const global = /^global\n((?:[ \t].*\n|\n)*)/m.exec(haproxy)?.[1] ?? '';
    expect(Number(/maxconn (\d+)/.exec(global)?.[1])).toBeGreaterThanOrEqual(20_000);
    // HAProxy refuses to start when it cannot open two descriptors per connection.
    const nofile = (services.lb?.ulimits as Mapping | undefined)?.nofile as Mapping | undefined;
    expect(Number(nofile?.hard)).toBeGreaterThan(2 * Number(/maxconn (\d+)/.exec(global)?.[1]));
  });
});

describe('Dockerfile and deploy/entrypoint.sh', () => {
  it('builds on node:20-bookworm-slim, installs Debian Chromium, and runs as a user other than root', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/apt-get install[^\n]*\bchromium\b/);
    expect(dockerfile).toMatch(/^ENV[\s\S]*BROWSER_EXECUTABLE_PATH=\/usr\/bin\/chromium/m);
    expect(dockerfile).toMatch(/^USER (?!root\b)\S+$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \[.*"\/app\/deploy\/entrypoint\.sh"\]$/m);
  });

  it('maps web, worker and migrate to the bundles and the migrator that exist', () => {
    expect(entrypoint).toMatch(/^\s*web\) exec node [^\n]*dist\/server\.js/m);
    expect(entrypoint).toMatch(/^\s*worker\) exec node [^\n]*dist\/worker\.js/m);
    expect(entrypoint).toMatch(/^\s*migrate\) exec node_modules\/\.bin\/tsx scripts\/db-migrate\.ts/m);
    const bundles = read('scripts/build-server.mjs');
    expect(bundles).toMatch(/\bserver: 'src\/server\/main\.ts'/);
    expect(bundles).toMatch(/\bworker: 'worker\/main\.ts'/);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['db:migrate']).toBe('tsx scripts/db-migrate.ts');
    for (const name of appServices) expect(APP_ROLES).toContain(command(services[name])[0]);
  });

  it('keeps local state, secrets and installed output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.next', 'dist', '.data', '.tmp', '.git', '.env', 'e2e/screenshots', 'bench/results']));
  });
});
