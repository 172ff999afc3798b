/** Where tRPC's WebSocket listens, on the web server's own port and origin. */
export const WS_PATH = '/api/trpc-ws';
