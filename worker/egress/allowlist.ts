import type { Env } from '~/env';

/**
 * Origins (scheme://host:port) the worker may reach even when they resolve to a
 * private address: the services the operator configured. Matching is by exact
 * origin, so allowing http://127.0.0.1:3000 allows nothing else on that machine.
 */
export class EgressAllowlist {
  private readonly origins: ReadonlySet<string>;

  constructor(origins: Iterable<string>) {
    this.origins = new Set([...origins].flatMap((o) => normalizeOrigin(o) ?? []));
  }

  /** The allowed origins, normalized (for logs and tests). */
  list(): string[] {
    return [...this.origins];
  }

  /** A request to this URL or origin; false for anything that is not http(s). */
  allowsOrigin(urlOrOrigin: string): boolean {
    const origin = normalizeOrigin(urlOrOrigin);
    return origin !== null && this.origins.has(origin);
  }

  /**
   * A tunnel (CONNECT host:port) carries any scheme, so it is allowed when some
   * allowed origin has that host and port, whatever its scheme.
   */
  allowsHostPort(host: string, port: number): boolean {
    return [...this.origins].some((origin) => {
      const url = new URL(origin);
      return url.hostname === normalizeHost(host) && effectivePort(url) === port;
    });
  }

  /** This list plus more origins. */
  with(origins: Iterable<string>): EgressAllowlist {
    return new EgressAllowlist([...this.origins, ...origins]);
  }
}

export type EgressSettings = Pick<Env, 'APP_URL' | 'GREENHOUSE_API_URL' | 'LEVER_API_URL' | 'GITHUB_API_URL' | 'LLM_BASE_URL' | 'EGRESS_ALLOW'>;

/** The app's own origin (the sandbox board), the configured APIs and EGRESS_ALLOW. */
export function allowlistFromSettings(settings: EgressSettings): EgressAllowlist {
  const configured = [settings.APP_URL, settings.GREENHOUSE_API_URL, settings.LEVER_API_URL, settings.GITHUB_API_URL, settings.LLM_BASE_URL];
  return new EgressAllowlist([...configured.filter((u): u is string => Boolean(u)), ...settings.EGRESS_ALLOW]);
}

/** scheme://host[:port] as URL.origin writes it (default ports dropped, IPv6 in brackets), or null. */
export function normalizeOrigin(urlOrOrigin: string): string | null {
  try {
    const url = new URL(urlOrOrigin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The port a URL connects to, its scheme's default when it names none. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80;
}

/** A host as URL.hostname writes it (lower case, IPv6 in brackets, IPv4 canonical). */
function normalizeHost(host: string): string {
  try {
    return new URL(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}`).hostname;
  } catch {
    return host.toLowerCase();
  }
}
