import { WebSocket } from 'ws';

/** The inspector URL a process started with --inspect printed. */
export function inspectorUrl(output: string): string {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error('the process was not started with --inspect');
  return url;
}

/**
 * The process's live heap after a full garbage collection, through the inspector
 * protocol: what the process really holds, without the noise of garbage not yet collected.
 */
export async function heapUsedAfterGc(url: string): Promise<number> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      const onMessage = (data: Buffer) => {
        const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown };
        if (reply.id !== id) return;
        ws.off('message', onMessage);
        resolve(reply.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const result = (await call('Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    })) as { result: { value: number } };
    return result.result.value;
  } finally {
    ws.close();
  }
}
