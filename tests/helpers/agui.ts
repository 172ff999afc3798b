import { HttpAgent, type RunAgentParameters } from '@ag-ui/client';
import { EventType, type BaseEvent, type RunFinishedEvent } from '@ag-ui/core';
import { EventSchema } from '@ag-ui/core/schemas';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { expect } from 'vitest';
import type { Client } from './client';

/** A personal API token of the client's user, made as the profile page makes one. */
export async function apiToken(client: Client): Promise<string> {
  const { token } = await client.apiTokens.create.mutate({ name: `agui ${Math.random().toString(36).slice(2, 8)}` });
  return token;
}

export function aguiAgent(baseUrl: string, token: string, opts: { threadId?: string; fetch?: typeof fetch } = {}): HttpAgent {
  return new HttpAgent({
    url: `${baseUrl}/api/agui`,
    headers: { Authorization: `Bearer ${token}` },
    ...(opts.threadId ? { threadId: opts.threadId } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}

/** One AG-UI run: every event the agent received, each checked against @ag-ui/core's own schema. */
export async function runOnce(agent: HttpAgent, params: RunAgentParameters = {}): Promise<BaseEvent[]> {
  const events: BaseEvent[] = [];
  await agent.runAgent(params, {
    onEvent: ({ event }) => {
      events.push(event);
    },
  });
  for (const event of events) expect(EventSchema.safeParse(event).success, `${event.type} validates`).toBe(true);
  return events;
}

export function finishedEvent(events: readonly BaseEvent[]): RunFinishedEvent {
  const last = events.at(-1);
  if (last?.type !== EventType.RUN_FINISHED) throw new Error(`the run ended with ${last?.type ?? 'nothing'}: ${JSON.stringify(last)}`);
  return last as RunFinishedEvent;
}

export function runError(events: readonly BaseEvent[]): { code?: string; message: string } {
  const last = events.at(-1);
  if (last?.type !== EventType.RUN_ERROR) throw new Error(`the run ended with ${last?.type ?? 'nothing'}, not RUN_ERROR`);
  return last as unknown as { code?: string; message: string };
}

/**
 * The first STATE_SNAPSHOT with every STATE_DELTA after it applied (RFC 6902) equals
 * every later STATE_SNAPSHOT, the last one included. Returns the final state.
 */
export function expectDeltasMatchSnapshots(events: readonly BaseEvent[]): unknown {
  const snapshots = events.filter((e) => e.type === EventType.STATE_SNAPSHOT);
  expect(snapshots.length).toBeGreaterThanOrEqual(2);
  const first = snapshots[0]!;
  let state: unknown = structuredClone(first.snapshot);
  let deltas = 0;
  for (const event of events.slice(events.indexOf(first) + 1)) {
    if (event.type === EventType.STATE_DELTA) {
      state = jsonPatch.applyPatch(state, structuredClone(event.delta as Operation[]), true, false).newDocument;
      deltas++;
    } else if (event.type === EventType.STATE_SNAPSHOT) {
      expect(state).toEqual(event.snapshot);
    }
  }
  return { state, deltas };
}

/** What the HTTP endpoint answered before any stream began. */
export async function refusal(res: Response): Promise<{ status: number; code: string; reason: string | null; message: string }> {
  const body = (await res.json()) as { error: { message: string; data: { code: string; reason: string | null } } };
  return { status: res.status, code: body.error.data.code, reason: body.error.data.reason, message: body.error.message };
}
