/** Below this, copying is cheaper than the bookkeeping of a transfer. */
const MIN_TRANSFER_BYTES = 64 * 1024;

/**
 * A large buffer that `view` alone uses, which may be moved to the other thread. A view
 * into a shared buffer (Node's Buffer pool) must not be: moving detaches the whole buffer.
 */
export function movableBuffer(view: Uint8Array): ArrayBuffer | null {
  const { buffer } = view;
  const whole = view.byteOffset === 0 && view.byteLength === buffer.byteLength;
  return buffer instanceof ArrayBuffer && whole && buffer.byteLength >= MIN_TRANSFER_BYTES ? buffer : null;
}

function collect(value: unknown, into: Set<ArrayBuffer>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (value instanceof Uint8Array) {
    const buffer = movableBuffer(value);
    if (buffer) into.add(buffer);
  }
}

/**
 * The large byte buffers in a result's rows, to be moved to the main thread instead of
 * copied. The thread made them for this reply and keeps no reference to them.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null || !('rows' in value)) return [];
  const found = new Set<ArrayBuffer>();
  collect(value.rows, found);
  return [...found];
}
