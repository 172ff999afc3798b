import type { EventData, RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { inSeqOrder, sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/**
 * A search for people to contact, folded from the run's events alone: where it looked,
 * whom it found (ranked by the agent) and, at the end, the notes the user kept. The
 * notes themselves are reviewed as questions, which the run's own fold (run-state) tracks.
 */

export type NetworkRequest = EventData<'network_start'>;
export type Contact = EventData<'network_found'>['contacts'][number];
export type ContactRelation = Contact['relation'];
export type NetworkResult = EventData<'network_complete'>;
export type OutreachNote = NetworkResult['notes'][number];

export const RELATION_LABEL: Record<ContactRelation, string> = {
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  peer: 'Peer',
  other: 'Other',
};

export interface SourceSearched {
  source: string;
  found: number;
  /** The agent's sentence about it: a source that failed says why here. */
  message: string;
}

export interface NetworkState {
  status: RunStatus | null;
  request: NetworkRequest | null;
  sources: readonly SourceSearched[];
  /** In the agent's ranking, best first. */
  contacts: readonly Contact[];
  result: NetworkResult | null;
  end: SessionEnd | null;
}

export const initialNetworkState: NetworkState = {
  status: null,
  request: null,
  sources: [],
  contacts: [],
  result: null,
  end: null,
};

/** One event into the search. */
export function foldNetwork(state: NetworkState, event: RunEvent): NetworkState {
  const next: NetworkState = {
    ...state,
    status: sessionStatusAfter(state.status, event),
    end: sessionEndAfter(state.end, event),
  };
  switch (event.type) {
    case 'network_start':
      // A retried attempt searches from the beginning.
      return { ...initialNetworkState, status: next.status, end: next.end, request: event.data };
    case 'network_searching': {
      const { source, found } = event.data;
      const entry: SourceSearched = { source, found, message: event.message };
      // A source reports as it goes: its newest count replaces the last, in its place.
      const known = state.sources.some((s) => s.source === source);
      return { ...next, sources: known ? state.sources.map((s) => (s.source === source ? entry : s)) : [...state.sources, entry] };
    }
    case 'network_found':
      // The ranking is the agent's whole list: a later one replaces it.
      return { ...next, contacts: event.data.contacts };
    case 'network_complete':
      return { ...next, result: event.data };
    default:
      return next;
  }
}

export function networkStateOf(events: readonly RunEvent[]): NetworkState {
  return inSeqOrder(events).reduce(foldNetwork, initialNetworkState);
}

/** The notes the user kept (approved as written, or edited), in the ranking's order. */
export function keptNotes(state: NetworkState): OutreachNote[] {
  return (state.result?.notes ?? []).filter((n) => n.status !== 'skipped');
}

export function skippedCount(state: NetworkState): number {
  return (state.result?.notes ?? []).filter((n) => n.status === 'skipped').length;
}
