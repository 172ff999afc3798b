import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { publicAddressOf } from './destination';
import type { Egress } from './dispatcher';
import { errorChain, findEgressRefusal } from './errors';

/**
 * The browser's only way out: an HTTP forward proxy on 127.0.0.1 inside the worker.
 * Chromium sends every http:// request to it as an absolute URI and opens every
 * https:// and ws(s):// connection through CONNECT, so navigations, redirects,
 * subresources, iframes, fetch/XHR and form posts all meet the same connect-time
 * policy as the worker's own fetches. Refusals are answered with 403 and the header
 * below, so the applier can tell a refused page from a site's own error.
 */

export const EGRESS_HEADER = 'x-jobstream-egress';
export type EgressHeaderValue = 'refused' | 'unreachable';

export interface EgressProxy {
  /** http://127.0.0.1:<port>, for --proxy-server. */
  readonly url: string;
  close(): Promise<void>;
}

const TUNNEL_CONNECT_TIMEOUT_MS = 10_000;
// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are never forwarded.
const HOP_BY_HOP = ['connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
const REFUSED_PAGE = '<!doctype html><title>Blocked by jobstream</title><p>jobstream does not open private or local addresses.</p>';

export async function startEgressProxy(egress: Egress): Promise<EgressProxy> {
  const server = createServer((req, res) => void forward(egress, req, res));
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => void tunnel(egress, req, socket, head));
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An http:// request: re-sent through the worker's guarded connection pool. */
async function forward(egress: Egress, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = URL.canParse(req.url ?? '') ? new URL(req.url ?? '') : null;
  if (!target || target.protocol !== 'http:') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('This is a forward proxy: send absolute http:// URLs.');
    return;
  }
  const aborted = new AbortController();
  res.on('close', () => aborted.abort());
  try {
    const upstream = await egress.dispatcher.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: req.method ?? 'GET',
      headers: forwardedHeaders(req.headers),
      body: hasBody(req) ? req : null,
      signal: aborted.signal,
    });
    res.writeHead(upstream.statusCode, returnedHeaders(upstream.headers));
    await pipeline(upstream.body, res);
  } catch (err) {
    if (aborted.signal.aborted) return; // the browser went away first
    answerFailure(res, err, target.host);
  }
}

/** A request without a length or chunked encoding has no body (RFC 9112 6.3), whatever its method. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
}

function answerFailure(res: ServerResponse, err: unknown, host: string): void {
  const refused = findEgressRefusal(err);
  logFailure(refused ? 'refused' : 'unreachable', host, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers = { 'content-type': 'text/html; charset=utf-8', [EGRESS_HEADER]: refused ? 'refused' : 'unreachable', 'cache-control': 'no-store' };
  res.writeHead(refused ? 403 : 502, headers).end(refused ? REFUSED_PAGE : '');
}

/** CONNECT host:port (https, wss, or ws through a proxy): a raw tunnel to a checked address. */
async function tunnel(egress: Egress, req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
  client.on('error', () => client.destroy());
  const target = URL.canParse(`http://${req.url ?? ''}`) ? new URL(`http://${req.url ?? ''}`) : null;
  if (!target || target.hostname === '') {
    client.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return;
  }
  const port = target.port === '' ? 80 : Number(target.port);
  try {
    const host = egress.allowlist.allowsHostPort(target.hostname, port)
      ? target.hostname.replace(/^\[|\]$/g, '')
      : (await publicAddressOf(target.hostname, port)).address;
    const upstream = await openTcp(host, port);
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    splice(client, upstream);
  } catch (err) {
    const refused = findEgressRefusal(err);
    logFailure(refused ? 'refused' : 'unreachable', target.host, err);
    const status = refused ? '403 Forbidden' : '502 Bad Gateway';
    client.end(`HTTP/1.1 ${status}\r\n${EGRESS_HEADER}: ${refused ? 'refused' : 'unreachable'}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  }
}

function openTcp(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host, port });
    socket.setTimeout(TUNNEL_CONNECT_TIMEOUT_MS, () => socket.destroy(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => {
      socket.setTimeout(0);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function splice(a: Duplex, b: Socket): void {
  const close = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', close).on('close', close);
  b.on('error', close).on('close', close);
  a.pipe(b);
  b.pipe(a);
}

function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  // undici sets Host from the origin, and refuses Expect: 100-continue.
  const dropped = new Set([...HOP_BY_HOP, 'host', 'expect', ...connectionTokens(headers.connection), ...connectionTokens(headers['proxy-connection'])]);
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined && !dropped.has(e[0])));
}

function returnedHeaders(headers: Dispatcher.ResponseData['headers']): OutgoingHttpHeaders {
  const connection = headers.connection;
  // A site cannot pretend that jobstream refused it.
  const dropped = new Set([...HOP_BY_HOP, EGRESS_HEADER, ...connectionTokens(connection)]);
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined && !dropped.has(e[0])));
}

function connectionTokens(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
}

/** Hosts whose failure was logged lately: a page retrying one host would otherwise fill the log. */
const recentlyLogged = new Map<string, number>();
const LOG_EVERY_MS = 60_000;

/**
 * Refusals are what the policy is for, and each is logged; failures to reach a site
 * are usually Chromium's own chatter on a closed network, so each host is logged at
 * most once a minute.
 */
function logFailure(kind: EgressHeaderValue, host: string, err: unknown): void {
  if (kind === 'refused') {
    console.warn(`[worker] browser egress refused ${host}: ${errorChain(err)}`);
    return;
  }
  const now = Date.now();
  if ((recentlyLogged.get(host) ?? 0) > now - LOG_EVERY_MS) return;
  if (recentlyLogged.size > 1000) recentlyLogged.clear();
  recentlyLogged.set(host, now);
  console.warn(`[worker] browser egress could not reach ${host}: ${errorChain(err)}`);
}
