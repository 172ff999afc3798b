import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED_TYPES = readFileSync(new URL('../fixtures/seed-000-event-types.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);

/**
 * Seed 000's types that are not agent work: they describe the connection or the fleet,
 * and travel the way tRPC and the rooms carry such things (the README's event table).
 */
const CARRIED_OTHERWISE: Record<string, string> = {
  connected: "the WebSocket's open state (wsLink), shown as Live in the header",
  disconnected: "the WebSocket's close and reconnect (wsLink), shown as Reconnecting/Offline",
  error: "typed tRPC errors (code and cause), on the call or subscription that failed",
  ping: "tRPC's keep-alive ping over the socket",
  pong: "tRPC's keep-alive pong",
  heartbeat: "tRPC's keep-alive and the server's WebSocket pings",
  browser_screenshot: 'pipeline.frames: live JPEG frames, latest wins, never in the log',
  system_startup: 'system.alerts / the dashboard room: a worker came up',
  system_shutdown: 'system.alerts / the dashboard room: a worker went away',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('every type of seed 000 that describes agent work has a producer', () => {
  const code = [...sources(join(ROOT, 'worker')), ...sources(join(ROOT, 'src/server')), ...sources(join(ROOT, 'src/store'))].join('\n');

  it.each(SEED_TYPES.filter((type) => !(type in CARRIED_OTHERWISE)))('%s is emitted by the worker or the server', (type) => {
    // An emit names its type as a literal: ctx.emit('scout_found', …) or { type: 'pipeline_complete', … }.
    expect(code).toMatch(new RegExp(`(emit\\(\\s*|type: )'${type}'`));
  });

  it('the others are carried by the connection or the rooms, and the README says how', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const type of Object.keys(CARRIED_OTHERWISE)) {
      expect(SEED_TYPES).toContain(type);
      expect(readme).toContain(`\`${type}\``);
    }
  });
});
