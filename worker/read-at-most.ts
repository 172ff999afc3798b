import type { ReadableStream } from 'node:stream/web';

/**
 * Reads a response body up to `maxBytes` and drops the rest, so a huge page cannot
 * fill the worker's memory; used wherever an agent reads a web page as text.
 */
export async function readAtMost(response: { body: ReadableStream<Uint8Array> | null }, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
