import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown;

interface NextCustomServerInternals {
  getUpgradeHandler(): UpgradeHandler;
  /** The router-level handler, which serves hot reload in development. */
  upgradeHandler?: UpgradeHandler;
  /** Set, Next stops attaching a second 'upgrade' listener of its own on first request. */
  didWebSocketSetup?: boolean;
}

/**
 * Next's handler for every upgrade that is not ours (hot reload in development).
 * Next's public getUpgradeHandler() does not reach hot reload in a custom server,
 * and on its first request Next would attach its own 'upgrade' listener beside
 * ours; so we take its router-level handler and tell it not to attach. If a later
 * Next drops these internals, this falls back to the public handler.
 */
export function takeNextUpgradeHandler(app: unknown): UpgradeHandler {
  const next = app as NextCustomServerInternals;
  const routerLevel = next.upgradeHandler;
  if (typeof routerLevel === 'function' && 'didWebSocketSetup' in next) {
    next.didWebSocketSetup = true;
    return routerLevel;
  }
  return next.getUpgradeHandler();
}
