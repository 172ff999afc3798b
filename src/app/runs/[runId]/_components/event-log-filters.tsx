'use client';

import { useId } from 'react';
import type { Agent, EventType } from '~/shared/events';
import { agentLabel } from '../_lib/describe-event';

interface Props {
  agents: readonly Agent[];
  types: readonly EventType[];
  agent: Agent | '';
  type: EventType | '';
  follow: boolean;
  onAgent: (agent: Agent | '') => void;
  onType: (type: EventType | '') => void;
  onFollow: (follow: boolean) => void;
}

const SELECT = 'mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-slate-900';

/** Options come from what has arrived, so no filter can ever show an empty list by construction. */
export function EventLogFilters({ agents, types, agent, type, follow, onAgent, onType, onFollow }: Props) {
  const id = useId();
  return (
    <div className="mt-3 grid grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
      <div>
        <label htmlFor={`${id}-agent`} className="text-sm font-medium text-slate-800">
          Agent
        </label>
        <select
          id={`${id}-agent`}
          value={agent}
          onChange={(e) => onAgent(agents.find((a) => a === e.target.value) ?? '')}
          className={SELECT}
        >
          <option value="">All agents</option>
          {agents.map((a) => (
            <option key={a} value={a}>
              {agentLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-type`} className="text-sm font-medium text-slate-800">
          Type
        </label>
        <select
          id={`${id}-type`}
          value={type}
          onChange={(e) => onType(types.find((t) => t === e.target.value) ?? '')}
          className={SELECT}
        >
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 py-1.5 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          checked={follow}
          onChange={(e) => onFollow(e.target.checked)}
          className="h-4 w-4 accent-blue-700"
        />
        Follow new events
      </label>
    </div>
  );
}
