'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppRouter } from '~/server/api/root';

/** The typed React hooks for the whole API: `api.pipeline.start.useMutation()` and so on. */
export const api = createTRPCReact<AppRouter>();

/** What the page shows in its header: is the live stream up? */
export type ConnectionStatus = 'idle' | 'connected' | 'connecting' | 'reconnecting' | 'offline';

const ConnectionContext = createContext<ConnectionStatus>('connecting');

/** The live connection's state: connected, (re)connecting, or offline (no network). */
export function useConnectionStatus(): ConnectionStatus {
  return useContext(ConnectionContext);
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/trpc-ws`;
}

/**
 * Queries and mutations go over HTTP (cookies included, batched); subscriptions over
 * the one WebSocket, which reconnects by itself and resumes every subscription from
 * its last event id (tRPC's tracked()).
 */
function createClients(onStatus: (s: ConnectionStatus) => void) {
  const ws = createWSClient({
    url: socketUrl,
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 5000),
    // Opened by the first subscription and closed a while after the last: a signed-out
    // page never knocks on a socket that would refuse it.
    lazy: { enabled: true, closeMs: 30_000 },
    keepAlive: { enabled: true, intervalMs: 20_000, pongTimeoutMs: 10_000 },
  });
  let everOpen = false;
  const subscription = ws.connectionState.subscribe({
    next(state) {
      if (state.state === 'idle') {
        onStatus('idle');
      } else if (state.state === 'pending') {
        everOpen = true;
        onStatus('connected');
      } else {
        onStatus(everOpen ? 'reconnecting' : 'connecting');
      }
    },
  });
  const trpc = api.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        false: httpBatchLink({ url: '/api/trpc' }),
      }),
    ],
  });
  const close = () => {
    subscription.unsubscribe();
    void ws.close();
  };
  return { trpc, close };
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [socketStatus, setSocketStatus] = useState<ConnectionStatus>('connecting');
  const [online, setOnline] = useState(true);
  // Created after mount: the socket needs a window, and server and first client render must match.
  const [clients, setClients] = useState<ReturnType<typeof createClients> | null>(null);
  useEffect(() => {
    const created = createClients(setSocketStatus);
    setClients(created);
    return () => created.close();
  }, []);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  if (!clients) return null;
  const status: ConnectionStatus = online ? socketStatus : 'offline';
  return (
    <api.Provider client={clients.trpc} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <ConnectionContext.Provider value={status}>{children}</ConnectionContext.Provider>
      </QueryClientProvider>
    </api.Provider>
  );
}
