import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import type { Env } from '~/env';
import type { Stores } from '~/store';
import type { PipelineJobData } from '~/store/queue';
import type { Metrics } from '../metrics';
import { createFlowControl, type FlowControl } from '../realtime/flow-control';
import type { RunFeedHub } from '../realtime/run-feed-hub';

/** Everything a request handler may use, created once per web process. */
export interface ServerServices {
  env: Env;
  redis: Redis;
  stores: Stores;
  queue: Queue<PipelineJobData>;
  hub: RunFeedHub;
  metrics: Metrics;
  /** One flow-control gate per socket, shared by all its subscriptions. */
  flowControlFor: (ws: WebSocket) => FlowControl;
}

export function createServerServices(deps: Omit<ServerServices, 'flowControlFor'>): ServerServices {
  const gates = new WeakMap<WebSocket, FlowControl>();
  return {
    ...deps,
    flowControlFor(ws) {
      let gate = gates.get(ws);
      if (!gate) {
        gate = createFlowControl(ws, {
          maxBufferedBytes: deps.env.WS_MAX_BUFFERED_BYTES,
          stallTimeoutMs: deps.env.WS_STALL_TIMEOUT_MS,
          onClosed: () => deps.metrics.slowConsumersClosed.inc(),
        });
        gates.set(ws, gate);
      }
      return gate;
    },
  };
}
