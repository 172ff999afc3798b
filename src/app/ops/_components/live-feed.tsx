'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { OpsFeedEvent } from '~/shared/ops';
import { FEED_LABEL, FEED_LIMIT, feedRunId, feedText } from '../_lib/feed-text';
import { useOpsFeed } from './use-ops-feed';

const SEVERITY_LOOK = {
  info: 'border-slate-200',
  warning: 'border-amber-400 bg-amber-50',
  critical: 'border-red-400 bg-red-50',
} as const;

function rowLook(event: OpsFeedEvent): string {
  return event.type === 'system_alert' ? SEVERITY_LOOK[event.severity] : 'border-slate-200';
}

/** seed 004's dashboard events as they happen, newest first. */
export function LiveFeed() {
  const id = useId();
  const [showHeartbeats, setShowHeartbeats] = useState(false);
  const feed = useOpsFeed(showHeartbeats);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-950">
          Live feed
        </h2>
        <p className="text-sm text-slate-600">The latest {FEED_LIMIT} events, newest first.</p>
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={showHeartbeats} onChange={(e) => setShowHeartbeats(e.target.checked)} className="h-4 w-4" />
          Show heartbeats
        </label>
      </div>
      {feed.status === 'error' ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          The live feed stopped: {feed.error?.message}
        </p>
      ) : null}
      {feed.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          {feed.status === 'pending' ? 'Listening. Events appear here as they happen.' : 'Connecting to the live feed…'}
        </p>
      ) : (
        <ol aria-live="polite" aria-relevant="additions" className="space-y-1">
          {feed.entries.map(({ key, event }) => (
            <FeedRow key={key} event={event} />
          ))}
        </ol>
      )}
    </section>
  );
}

function FeedRow({ event }: { event: OpsFeedEvent }) {
  const runId = feedRunId(event);
  const agentId = 'agentId' in event ? event.agentId : null;
  return (
    <li data-feed-type={event.type} className={`flex flex-wrap items-baseline gap-x-3 rounded border bg-white px-3 py-1.5 text-sm ${rowLook(event)}`}>
      <time dateTime={event.at} className="tabular-nums text-slate-600">
        {new Date(event.at).toLocaleTimeString()}
      </time>
      <span className="font-mono text-xs text-slate-700">
        {FEED_LABEL[event.type]}
        {event.type === 'system_alert' ? ` · ${event.severity}` : ''}
      </span>
      <span className="text-slate-900">{feedText(event)}</span>
      {runId ? (
        <Link href={`/runs/${runId}`} className="break-all text-blue-800 underline underline-offset-2 hover:text-blue-950">
          {runId}
        </Link>
      ) : null}
      {agentId && event.type !== 'task_assigned' ? <span className="break-all text-xs text-slate-600">{agentId}</span> : null}
    </li>
  );
}
