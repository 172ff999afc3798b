'use client';

import { useConnectionStatus, type ConnectionStatus } from '~/trpc/react';

const LOOK: Record<ConnectionStatus, { label: string; dot: string; text: string }> = {
  idle: { label: 'Ready', dot: 'bg-slate-400', text: 'text-slate-700' },
  connected: { label: 'Live', dot: 'bg-emerald-600', text: 'text-emerald-800' },
  connecting: { label: 'Connecting…', dot: 'bg-amber-500', text: 'text-amber-900' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-amber-500 animate-pulse', text: 'text-amber-900' },
  offline: { label: 'Offline', dot: 'bg-red-600', text: 'text-red-800' },
};

/** Always visible: whether the live stream is up, so a quiet page is never mistaken for a quiet run. */
export function ConnectionBadge() {
  const status = useConnectionStatus();
  const look = LOOK[status];
  return (
    <span role="status" data-connection={status} className={`inline-flex items-center gap-2 text-sm font-medium ${look.text}`}>
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}
