import { isDriverAdapterError } from '@prisma/driver-adapter-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadConnection } from '~/db/pglite/thread-connection';

const fakeThread = { file: new URL('./fixtures/fake-pglite-thread.mjs', import.meta.url) };
const opened: ThreadConnection[] = [];

async function start(workerData: object = {}): Promise<ThreadConnection> {
  const connection = await ThreadConnection.start(fakeThread, workerData);
  opened.push(connection);
  return connection;
}

const query = (c: ThreadConnection, sql: string) => c.call('query', { sql, params: [] });

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
});

describe('the connection to the embedded database thread', () => {
  it('answers each call with its own reply', async () => {
    const c = await start();
    const replies = await Promise.all([query(c, 'echo'), c.call('query', { sql: 'echo', params: [1, 'two'] })]);
    expect(replies).toEqual([{ rows: [{ sql: 'echo', params: [] }] }, { rows: [{ sql: 'echo', params: [1, 'two'] }] }]);
  });

  it("re-creates a driver error as Prisma's DriverAdapterError, and anything else as a plain Error", async () => {
    const c = await start();
    const unique = await query(c, 'unique').catch((err: unknown) => err);
    expect(unique).toBeInstanceOf(Error);
    expect(isDriverAdapterError(unique)).toBe(true);
    expect((unique as Error).cause).toEqual({ kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } });

    const broken = await query(c, 'broken').catch((err: unknown) => err);
    expect(isDriverAdapterError(broken)).toBe(false);
    expect((broken as Error).message).toBe('syntax error at or near "SELEC"');
    expect(c.failure).toBeNull();
  });

  it('rejects every pending call, and every later one, when the thread crashes', async () => {
    const c = await start();
    const pending = query(c, 'hang');
    const crashing = query(c, 'crash');
    await expect(pending).rejects.toThrow('The embedded database stopped: boom');
    await expect(crashing).rejects.toThrow('The embedded database stopped: boom');
    expect(c.failure?.message).toBe('The embedded database stopped: boom');
    await expect(query(c, 'echo')).rejects.toThrow('The embedded database stopped: boom');
    await c.close();
  });

  it('says so when the thread exits without being asked to', async () => {
    const c = await start();
    const pending = query(c, 'hang');
    await expect(query(c, 'exit')).rejects.toThrow('The embedded database stopped: the thread exited with code 3');
    await expect(pending).rejects.toThrow(/exited with code 3/);
  });

  it('fails to start with the reason, instead of waiting forever', async () => {
    await expect(start({ failStart: true })).rejects.toThrow('The embedded database could not start: no space left on device');
  });

  it('closes once, however often it is asked to, and refuses calls afterwards', async () => {
    const c = await start();
    await Promise.all([c.close(), c.close()]);
    await c.close();
    await expect(query(c, 'echo')).rejects.toThrow('The embedded database is closed.');
    expect(c.failure).toBeNull();
  });
});
