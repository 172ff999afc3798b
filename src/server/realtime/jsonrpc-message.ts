/** Reading the fields of a client's JSON-RPC message (tRPC's WebSocket protocol) before any schema has seen it. */

export type CallId = string | number;

export function methodOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { method?: unknown }).method : undefined;
}

/** The call's id, or null when it has none a reply could carry. */
export function idOf(message: unknown): CallId | null {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** params.path of a call, or undefined. */
export function pathOf(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return undefined;
  const params = (message as { params?: unknown }).params;
  return typeof params === 'object' && params !== null ? (params as { path?: unknown }).path : undefined;
}
