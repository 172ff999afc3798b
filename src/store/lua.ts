import type { Redis } from 'ioredis';

type ScriptFn = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/**
 * Registers a Lua script on a connection (ioredis sends EVALSHA and falls back to
 * EVAL) and returns a typed caller for it.
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number, lua: string): ScriptFn {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[name];
  if (!command) throw new Error(`Lua script ${name} failed to register`);
  return (keys, args) => command.call(redis, ...keys, ...args);
}
