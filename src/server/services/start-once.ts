import { setTimeout as delay } from 'node:timers/promises';
import { TRPCError } from '@trpc/server';
import type { ServerServices } from './index';

/** How long a retried request waits for the run its twin is starting. */
const TWIN_WAIT_MS = 5_000;

/**
 * Starts something once per key, across every web instance: a retried request (a
 * double click, a reconnect) finds the id its first delivery made instead of starting
 * another. `first` says whether this call did the starting.
 */
export async function startOnce(
  s: ServerServices,
  key: string,
  busy: string,
  start: () => Promise<string>,
): Promise<{ id: string; first: boolean }> {
  const claimed = await s.redis.set(key, 'pending', 'EX', s.env.RUN_TTL_SECONDS, 'NX');
  if (claimed !== 'OK') return { id: await startedBy(s, key, busy), first: false };
  try {
    const id = await start();
    await s.redis.set(key, id, 'EX', s.env.RUN_TTL_SECONDS);
    return { id, first: true };
  } catch (err) {
    // Nothing was started: a retry may try again.
    await s.redis.del(key);
    throw err;
  }
}

/** The id a key's start made, waiting a moment while it is still being made; null when none was. */
export async function startedUnder(s: ServerServices, key: string, busy: string): Promise<string | null> {
  const value = await s.redis.get(key);
  if (!value) return null;
  return value === 'pending' ? startedBy(s, key, busy) : value;
}

async function startedBy(s: ServerServices, key: string, busy: string): Promise<string> {
  const deadline = Date.now() + TWIN_WAIT_MS;
  for (;;) {
    const value = await s.redis.get(key);
    if (value && value !== 'pending') return value;
    if (!value || Date.now() > deadline) throw new TRPCError({ code: 'CONFLICT', message: busy });
    await delay(50);
  }
}
