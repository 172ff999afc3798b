'use client';

import { skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import type { LiveFrame } from '~/shared/frames';
import { api } from '~/trpc/react';

/** The newest frame of the applier's browser; the server already skips frames a slow viewer missed. */
export function useLiveFrame(runId: string, enabled: boolean): LiveFrame | null {
  const [frame, setFrame] = useState<LiveFrame | null>(null);
  api.pipeline.frames.useSubscription(enabled ? { runId } : skipToken, {
    onData: setFrame,
  });
  return frame;
}
