import client from 'prom-client';

/**
 * The web process's Prometheus metrics. Numbers that only Redis knows cluster-wide
 * (HITL totals, pending questions) are read at scrape time by /api/metrics.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'jobstream_' });

  return {
    registry,
    openSockets: new client.Gauge({
      name: 'jobstream_ws_open_sockets',
      help: 'WebSocket connections open on this instance',
      registers: [registry],
    }),
    activeSubscriptions: new client.Gauge({
      name: 'jobstream_active_subscriptions',
      help: 'Event subscriptions being served by this instance',
      registers: [registry],
    }),
    eventsRelayed: new client.Counter({
      name: 'jobstream_events_relayed_total',
      help: 'Events sent to subscribers by this instance',
      registers: [registry],
    }),
    relayLag: new client.Histogram({
      name: 'jobstream_relay_lag_seconds',
      help: 'Time from an event being published to this instance receiving it',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    slowConsumersClosed: new client.Counter({
      name: 'jobstream_ws_slow_consumers_closed_total',
      help: 'Sockets closed because the client stopped reading',
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: 'jobstream_ws_calls_rate_limited_total',
      help: 'Client calls refused by the WebSocket rate limit or the calls-per-message limit',
      registers: [registry],
    }),
    archiveLag: new client.Gauge({
      name: 'jobstream_archive_lag_events',
      help: 'Events published but not yet written to the database archive, across the cluster',
      registers: [registry],
    }),
    eventsArchived: new client.Counter({
      name: 'jobstream_events_archived_total',
      help: 'Events this instance wrote to the database archive',
      registers: [registry],
    }),
    hitlPending: new client.Gauge({
      name: 'jobstream_hitl_pending',
      help: 'Questions waiting for an answer, across the cluster',
      registers: [registry],
    }),
    hitlSettled: new client.Gauge({
      name: 'jobstream_hitl_settled',
      help: 'Questions settled since the counters began, by outcome, across the cluster',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
