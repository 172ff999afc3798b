import type { IncomingMessage } from 'node:http';

/** The body, refused (with `tooLarge()`) as soon as it passes `max` bytes. */
export async function readBody(req: IncomingMessage, max: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Lets the client finish sending what is left, so that it reads the refusal instead of
 * a reset connection, but no more than `limit` bytes of it.
 */
export function discardRest(req: IncomingMessage, limit: number): void {
  if (req.readableEnded) return;
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limit) req.destroy();
  });
  req.resume();
}
