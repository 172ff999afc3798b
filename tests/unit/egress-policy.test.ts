import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowlistFromSettings,
  classifyAddress,
  createEgress,
  EgressAllowlist,
  EgressRefused,
  findEgressRefusal,
  guardedConnector,
  guardedFetch,
  publicAddressOf,
  TooManyRedirects,
  type AddressKind,
} from '~worker/egress';

describe('the address classifier', () => {
  const refused: [string, AddressKind][] = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.255', 'shared (CGNAT)'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'], // Teredo
    ['2001:2::1', 'reserved'], // benchmarking
    ['100::1', 'reserved'],
    ['::127.0.0.1', 'reserved'], // IPv4-compatible, deprecated
    ['4000::1', 'reserved'], // outside global unicast
  ];

  it.each(refused)('refuses %s (%s)', (address, kind) => {
    expect(classifyAddress(address).kind).toBe(kind);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '2a00:1450:4001:800::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ];

  it.each(allowed)('allows the public address %s', (address) => {
    expect(classifyAddress(address).kind).toBe('public');
  });

  it('says which IPv4 address an IPv6 form carries', () => {
    expect(classifyAddress('::ffff:7f00:1')).toEqual({ address: '::ffff:7f00:1', kind: 'loopback', embeddedIPv4: '127.0.0.1' });
    expect(classifyAddress('64:ff9b::a9fe:a9fe').embeddedIPv4).toBe('169.254.169.254');
    expect(classifyAddress('2002:c0a8:101::1').embeddedIPv4).toBe('192.168.1.1');
  });

  it('knows a name is not an address', () => {
    expect(classifyAddress('example.com').kind).toBe('not an IP address');
    expect(classifyAddress('999.1.1.1').kind).toBe('not an IP address');
  });
});

describe('the origin allowlist', () => {
  const list = new EgressAllowlist(['http://127.0.0.1:3000', 'https://API.example.com/v1/boards', 'http://localhost:80/', 'http://[::1]:8080', 'nonsense']);

  it('matches scheme, host and port exactly', () => {
    expect(list.allowsOrigin('http://127.0.0.1:3000/sandbox/jobs/1')).toBe(true);
    expect(list.allowsOrigin('http://127.0.0.1:3001/')).toBe(false);
    expect(list.allowsOrigin('https://127.0.0.1:3000/')).toBe(false);
    expect(list.allowsOrigin('http://127.0.0.2:3000/')).toBe(false);
    expect(list.allowsOrigin('https://api.example.com:443/anything')).toBe(true);
    expect(list.allowsOrigin('http://api.example.com/')).toBe(false);
    expect(list.allowsOrigin('https://evil.api.example.com/')).toBe(false);
    expect(list.allowsOrigin('http://localhost/')).toBe(true);
    expect(list.allowsOrigin('http://[::1]:8080/x')).toBe(true);
    expect(list.allowsOrigin('file:///etc/passwd')).toBe(false);
    expect(list.allowsOrigin('not a url')).toBe(false);
    expect(list.list()).toEqual(['http://127.0.0.1:3000', 'https://api.example.com', 'http://localhost', 'http://[::1]:8080']);
  });

  it('matches a tunnel by host and port, whatever the scheme', () => {
    expect(list.allowsHostPort('127.0.0.1', 3000)).toBe(true);
    expect(list.allowsHostPort('api.example.com', 443)).toBe(true);
    expect(list.allowsHostPort('api.example.com', 80)).toBe(false);
    expect(list.allowsHostPort('localhost', 80)).toBe(true);
    expect(list.allowsHostPort('[::1]', 8080)).toBe(true);
    expect(list.allowsHostPort('::1', 8080)).toBe(true);
    expect(list.allowsHostPort('127.0.0.1', 6379)).toBe(false);
  });

  it('is built from the app, the configured APIs and EGRESS_ALLOW', () => {
    const fromSettings = allowlistFromSettings({
      APP_URL: 'http://localhost:3000',
      GREENHOUSE_API_URL: 'https://boards-api.greenhouse.io/v1/boards',
      LEVER_API_URL: 'https://api.lever.co/v0/postings',
      GITHUB_API_URL: 'https://api.github.com',
      LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      EGRESS_ALLOW: ['http://10.0.0.5:8080', 'https://jobs.intranet.example'],
    });
    expect(fromSettings.list()).toEqual([
      'http://localhost:3000',
      'https://boards-api.greenhouse.io',
      'https://api.lever.co',
      'https://api.github.com',
      'http://127.0.0.1:11434',
      'http://10.0.0.5:8080',
      'https://jobs.intranet.example',
    ]);
    const withoutLlm = allowlistFromSettings({ APP_URL: 'http://localhost:3000', GREENHOUSE_API_URL: 'https://a.example', LEVER_API_URL: 'https://b.example', GITHUB_API_URL: 'https://c.example', LLM_BASE_URL: undefined, EGRESS_ALLOW: [] });
    expect(withoutLlm.list()).toHaveLength(4);
  });
});

describe('resolving a host at connect time', () => {
  const resolver = (answers: string[]) => (name: string) => {
    expect(name).toBe('jobs.example');
    return Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  const neverAsked = () => Promise.reject(new Error('an IP literal must not be looked up'));

  it('connects to the checked address of a public name', async () => {
    await expect(publicAddressOf('jobs.example', 443, resolver(['93.184.216.34', '2606:2800:220:1::1']))).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('refuses a name when any of its addresses is not public', async () => {
    const err = await publicAddressOf('jobs.example', 80, resolver(['93.184.216.34', '10.0.0.7'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EgressRefused);
    expect((err as EgressRefused).verdict?.kind).toBe('private');
    await expect(publicAddressOf('jobs.example', 80, resolver(['::ffff:127.0.0.1']))).rejects.toBeInstanceOf(EgressRefused);
  });

  it('judges IP literals without a lookup', async () => {
    await expect(publicAddressOf('[::1]', 80, neverAsked)).rejects.toBeInstanceOf(EgressRefused);
    await expect(publicAddressOf('169.254.169.254', 80, neverAsked)).rejects.toBeInstanceOf(EgressRefused);
    await expect(publicAddressOf('8.8.8.8', 53, neverAsked)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
  });
});

describe('the connect function every fetch goes through', () => {
  type ConnectOptions = Parameters<ReturnType<typeof guardedConnector>>[0];
  const resolver = (address: string) => () => Promise.resolve([{ address, family: 4 }]);

  /** What the real connector would have been asked to open, or the error the callback got. */
  function connectWith(allow: string[], options: ConnectOptions, address: string): Promise<ConnectOptions | Error> {
    return new Promise((resolve) => {
      const connect = guardedConnector(new EgressAllowlist(allow), (opened) => resolve(opened), resolver(address));
      connect(options, (...args) => {
        if (args[0]) resolve(args[0]);
      });
    });
  }

  it('opens the socket to the checked address, keeping the name for TLS', async () => {
    const opened = await connectWith([], { hostname: 'jobs.example', host: 'jobs.example', protocol: 'https:', port: '' }, '93.184.216.34');
    expect(opened).toMatchObject({ hostname: '93.184.216.34', host: 'jobs.example', protocol: 'https:' });
  });

  it('refuses a name that resolves to a private address, without opening anything', async () => {
    const refused = await connectWith([], { hostname: 'rebound.example', host: 'rebound.example:8080', protocol: 'http:', port: '8080' }, '10.0.0.1');
    expect(refused).toBeInstanceOf(EgressRefused);
    expect((refused as EgressRefused).target).toBe('rebound.example:8080');
  });

  it('connects to an allowlisted origin as asked, wherever it is', async () => {
    const options = { hostname: 'localhost', host: 'localhost:3000', protocol: 'http:', port: '3000' };
    expect(await connectWith(['http://localhost:3000'], options, '127.0.0.1')).toEqual(options);
  });
});

describe('the guarded fetch', () => {
  let internal: Server;
  let board: Server;
  let internalOrigin = '';
  let boardOrigin = '';
  const internalHits: string[] = [];

  const listen = async (server: Server): Promise<string> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    internal = createServer((req, res) => {
      internalHits.push(req.url ?? '');
      res.end('INTERNAL_API_KEY=secret');
    });
    internalOrigin = await listen(internal);
    board = createServer((req, res) => {
      const hops = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (req.url === '/to-internal') res.writeHead(302, { location: `${internalOrigin}/metadata` }).end();
      else if (hops && Number(hops[1]) < 10) res.writeHead(302, { location: `/hop/${Number(hops[1]) + 1}` }).end();
      else res.end(`board page ${req.url ?? ''}`);
    });
    boardOrigin = await listen(board);
  });

  afterAll(async () => {
    for (const server of [internal, board]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  const egress = () => createEgress(new EgressAllowlist([boardOrigin]));

  it('fetches from an allowlisted origin even on loopback', async () => {
    const response = await guardedFetch(`${boardOrigin}/job`, {}, egress());
    expect(await response.text()).toBe('board page /job');
  });

  it('refuses a private address before connecting, whether or not anything listens there', async () => {
    const open = await guardedFetch(`${internalOrigin}/`, {}, egress()).catch((e: unknown) => e);
    const unused = createServer();
    const closedOrigin = await listen(unused);
    await new Promise<void>((resolve) => unused.close(() => resolve()));
    const closed = await guardedFetch(`${closedOrigin}/`, {}, egress()).catch((e: unknown) => e);
    const mapped = await guardedFetch(`http://[::ffff:127.0.0.1]:${new URL(internalOrigin).port}/`, {}, egress()).catch((e: unknown) => e);
    const metadata = await guardedFetch('http://169.254.169.254/latest/meta-data/', {}, egress()).catch((e: unknown) => e);
    for (const err of [open, closed, mapped, metadata]) expect(findEgressRefusal(err)).toBeInstanceOf(EgressRefused);
    // The same refusal for the open port and the closed one: nothing tells them apart.
    expect((open as Error).message).toBe((closed as Error).message);
    expect(internalHits).toEqual([]);
  });

  it('checks every redirect hop, and stops after five', async () => {
    const redirected = await guardedFetch(`${boardOrigin}/to-internal`, {}, egress()).catch((e: unknown) => e);
    expect(findEgressRefusal(redirected)).toBeInstanceOf(EgressRefused);
    expect(internalHits).toEqual([]);
    // /hop/N redirects to /hop/N+1 up to /hop/10, which answers.
    expect(await (await guardedFetch(`${boardOrigin}/hop/5`, {}, egress())).text()).toBe('board page /hop/10');
    await expect(guardedFetch(`${boardOrigin}/hop/4`, {}, egress())).rejects.toBeInstanceOf(TooManyRedirects);
    const first = await guardedFetch(`${boardOrigin}/hop/4`, { maxRedirects: 0 }, egress());
    expect(first.status).toBe(302);
  });

  it('refuses anything but http(s)', async () => {
    await expect(guardedFetch('file:///etc/passwd', {}, egress())).rejects.toBeInstanceOf(EgressRefused);
  });
});
