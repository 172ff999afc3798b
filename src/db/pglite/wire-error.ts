import { DriverAdapterError, isDriverAdapterError } from '@prisma/driver-adapter-utils';
import type { WireError } from './protocol';

/** Flattens an error from the thread so that it survives structured clone. */
export function toWireError(err: unknown): WireError {
  if (err instanceof Error && isDriverAdapterError(err)) return { kind: 'driver', payload: err.cause };
  return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Re-creates the thread's error on the main side. A DriverAdapterError must be one
 * again (Prisma recognises it by name and reads its `cause`), or a unique violation
 * would no longer surface as P2002.
 */
export function fromWireError(wire: WireError): Error {
  return wire.kind === 'driver' ? new DriverAdapterError(wire.payload) : new Error(wire.message);
}
