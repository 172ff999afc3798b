import { randomUUID } from 'node:crypto';
import type { Agent, NewEvent } from '~/shared/events';
import type { HitlStore } from '~/store/hitl-store';
import type { Notifier } from '~/store/notifier';
import { FILE_ANSWER_PREFIX } from '~/shared/hitl';
import type { HitlAnswer, HitlAskOptions, ResumeFile } from './agent-context';
import type { WorkerBus } from './worker-bus';

type Settlement = { kind: 'answered'; answer: string; savedToProfile: boolean } | { kind: 'timeout' } | { kind: 'cancelled' };

export interface HitlDeps {
  store: HitlStore;
  bus: WorkerBus;
  publish(event: NewEvent): Promise<void>;
  notifier: Notifier;
  defaultTimeoutMs: number;
}

/**
 * Asks the human and waits without polling: the answer is announced on Redis by
 * whichever web instance took it; the timeout and a stop settle the question through
 * the same atomic store call, so exactly one of the three wins.
 */
export async function askHuman(
  deps: HitlDeps,
  run: { runId: string; userId: string; signal: AbortSignal },
  agent: Agent,
  question: string,
  context: string,
  options: string[],
  opts: HitlAskOptions,
): Promise<HitlAnswer> {
  run.signal.throwIfAborted();
  const hitlId = `hitl_${randomUUID().replaceAll('-', '')}`;
  const timeoutMs = opts.timeoutMs ?? deps.defaultTimeoutMs;
  const request = await deps.store.create({
    hitlId,
    runId: run.runId,
    userId: run.userId,
    agent,
    question,
    context,
    options,
    answerKind: opts.answerKind ?? (options.length > 0 ? 'choice' : 'text'),
    multiple: opts.multiple ?? false,
    saveAs: opts.saveAs ?? null,
    defaultAnswer: opts.default,
    timeoutMs,
  });
  const settled = waitForSettlement(deps, hitlId, timeoutMs, run.signal);
  try {
    await opts.announce?.(hitlId);
  } catch (err) {
    // Nobody saw the question; withdraw it so it never waits in the user's inbox.
    settled.catch(() => undefined);
    await deps.store.settle(hitlId, 'cancelled', null, 'system').catch(() => undefined);
    throw err;
  }
  await deps.publish({
    runId: run.runId,
    type: 'hitl_request',
    agent,
    message: question,
    data: {
      hitlId,
      question,
      context,
      options,
      answerKind: request.answerKind,
      multiple: request.multiple,
      saveAs: request.saveAs,
      timeoutMs,
      expiresAt: request.expiresAt,
      defaultAnswer: opts.default,
    },
  });
  notify(deps, run, { type: 'hitl_request', runId: run.runId, hitlId, question, expiresAt: request.expiresAt });
  const outcome = await settled;
  const status = outcome.kind === 'answered' ? 'answered' : outcome.kind === 'timeout' ? 'timed_out' : 'cancelled';
  notify(deps, run, { type: 'hitl_settled', runId: run.runId, hitlId, status });
  const base = { runId: run.runId, agent } as const;
  switch (outcome.kind) {
    case 'answered':
      await deps.publish({
        ...base,
        type: 'hitl_response',
        message: `Answer received: ${outcome.answer}`,
        data: { hitlId, response: outcome.answer },
      });
      return { answer: outcome.answer, by: 'human', savedToProfile: outcome.savedToProfile, file: await answeredFile(deps, hitlId, outcome.answer) };
    case 'timeout':
      await deps.publish({
        ...base,
        type: 'hitl_timeout',
        message: `No answer within ${Math.round(timeoutMs / 1000)} s; ${opts.default === null ? 'going on without one' : `using "${opts.default}"`}`,
        data: { hitlId, timeoutMs, appliedDefault: opts.default },
      });
      return { answer: opts.default, by: 'timeout', savedToProfile: false, file: null };
    case 'cancelled':
      await deps.publish({
        ...base,
        type: 'hitl_cancelled',
        message: 'Question withdrawn: the run is stopping',
        data: { hitlId, reason: (run.signal.reason as Error | undefined)?.message ?? 'run stopped' },
      });
      throw run.signal.reason;
  }
}

/** A file question's file, when its answer says one was uploaded. */
async function answeredFile(deps: HitlDeps, hitlId: string, answer: string): Promise<ResumeFile | null> {
  return answer.startsWith(FILE_ANSWER_PREFIX) ? deps.store.file(hitlId) : null;
}

/** The owner's inbox hears of every question and its end; a lost notice never blocks the agent. */
function notify(deps: HitlDeps, run: { userId: string }, note: Parameters<Notifier['toUser']>[1]): void {
  void deps.notifier.toUser(run.userId, note).catch(() => undefined);
}

function waitForSettlement(deps: HitlDeps, hitlId: string, timeoutMs: number, signal: AbortSignal) {
  return new Promise<Settlement>((resolve, reject) => {
    let done = false;
    const settleOnce = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stopWatching();
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    const finish = (s: Settlement) => settleOnce(() => resolve(s));
    const fail = (err: unknown) => settleOnce(() => reject(err instanceof Error ? err : new Error(String(err))));
    const readAnswer = async () => {
      const r = await deps.store.get(hitlId);
      if (r?.status === 'answered') finish({ kind: 'answered', answer: r.answer ?? '', savedToProfile: r.savedToProfile });
    };
    // Settling and losing the race to an answer means the answer counts.
    const settleAs = async (status: 'timed_out' | 'cancelled', kind: 'timeout' | 'cancelled') => {
      const outcome = await deps.store.settle(hitlId, status, null, 'system');
      if (outcome === 'ok') finish({ kind });
      else if (kind === 'cancelled') finish({ kind });
      else await readAnswer();
    };
    const stopWatching = deps.bus.watchHitl(hitlId, () => void readAnswer().catch(fail));
    const timer = setTimeout(() => void settleAs('timed_out', 'timeout').catch(fail), timeoutMs);
    const onAbort = () => void settleAs('cancelled', 'cancelled').catch(fail);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort(); // stopped while the question was being stored
  });
}
