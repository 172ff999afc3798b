import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AuthOptions } from 'next-auth';
import type { WebSocket } from 'ws';
import type { Database } from '~/db';
import type { Env } from '~/env';
import type { Stores } from '~/store';
import type { PipelineJobData } from '~/store/queue';
import type { EventArchive } from '../archive/event-archive';
import type { AuthUser, SessionVerifier } from '../auth/session';
import type { Metrics } from '../metrics';
import { createFlowControl, type FlowControl } from '../realtime/flow-control';
import type { ChannelHub } from '../realtime/channel-hub';
import type { FrameHub } from '../realtime/frame-hub';
import { createFramePacer, type FramePacer } from '../realtime/frame-pacer';
import type { RunFeedHub } from '../realtime/run-feed-hub';

/** Everything a request handler may use, created once per web process. */
export interface ServerServices {
  env: Env;
  redis: Redis;
  db: Database;
  archive: EventArchive;
  stores: Stores;
  queue: Queue<PipelineJobData>;
  hub: RunFeedHub;
  channels: ChannelHub;
  /** Live browser frames, latest wins. */
  frames: FrameHub;
  metrics: Metrics;
  sessions: SessionVerifier;
  authOptions: AuthOptions;
  /** One flow-control gate per socket, shared by all its subscriptions. */
  flowControlFor: (ws: WebSocket) => FlowControl;
  /** One frame pacer per socket: live frames go out only as fast as the client reads them. */
  framePacerFor: (ws: WebSocket) => FramePacer;
  /** The session a socket was upgraded with; `ended` aborts when it signs out or expires. */
  socketSession: (ws: WebSocket) => SocketSession | null;
  bindSocketSession: (ws: WebSocket, session: SocketSession) => void;
  /** Takes one of a socket's WS_MAX_SUBSCRIPTIONS slots; null when none is left. Returns its release. */
  subscriptionSlot: (ws: WebSocket) => (() => void) | null;
}

export interface SocketSession {
  user: AuthUser;
  ended: AbortController;
}

type Deps = Omit<ServerServices, 'flowControlFor' | 'framePacerFor' | 'socketSession' | 'bindSocketSession' | 'subscriptionSlot'>;

export function createServerServices(deps: Deps): ServerServices {
  const gates = new WeakMap<WebSocket, FlowControl>();
  const pacers = new WeakMap<WebSocket, FramePacer>();
  const sessions = new WeakMap<WebSocket, SocketSession>();
  const subscriptions = new WeakMap<WebSocket, number>();
  const flowControlFor = (ws: WebSocket): FlowControl => {
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
  };
  return {
    ...deps,
    flowControlFor,
    framePacerFor(ws) {
      let pacer = pacers.get(ws);
      if (!pacer) {
        pacer = createFramePacer(ws, flowControlFor(ws));
        pacers.set(ws, pacer);
      }
      return pacer;
    },
    socketSession: (ws) => sessions.get(ws) ?? null,
    bindSocketSession: (ws, session) => sessions.set(ws, session),
    subscriptionSlot(ws) {
      const held = subscriptions.get(ws) ?? 0;
      if (held >= deps.env.WS_MAX_SUBSCRIPTIONS) return null;
      subscriptions.set(ws, held + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        subscriptions.set(ws, (subscriptions.get(ws) ?? 1) - 1);
      };
    },
  };
}
