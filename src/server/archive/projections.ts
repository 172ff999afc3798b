import type { Prisma } from '~/db';
import type { RunEvent } from '~/shared/events';
import type { HitlRequest } from '~/shared/hitl';
import type { RunStatus } from '~/shared/pipeline';

type Tx = Prisma.TransactionClient;

/** Where the live truth of a question is (Redis), for events archived out of order. */
export type QuestionLookup = (hitlId: string) => Promise<HitlRequest | null>;

/** A run's row as a batch of its events leaves it. */
interface RunUpdate {
  lastSeq: number;
  status?: RunStatus;
  stage?: string;
  progress?: number;
  attempt?: number;
  startedAt?: Date;
  finishedAt?: Date;
  error?: string;
}

function runUpdate(events: readonly RunEvent[]): RunUpdate {
  const u: RunUpdate = { lastSeq: 0 };
  for (const e of events) {
    u.lastSeq = Math.max(u.lastSeq, e.seq);
    const at = new Date(e.timestamp);
    switch (e.type) {
      case 'task_started':
        Object.assign(u, { status: 'running', attempt: e.data.attempt, startedAt: at });
        break;
      case 'task_progress':
        Object.assign(u, { progress: e.data.progress, stage: e.data.stage });
        break;
      case 'pipeline_paused':
        u.status = 'paused';
        break;
      case 'pipeline_resumed':
        u.status = 'running';
        break;
      case 'pipeline_complete':
      case 'session_complete':
        Object.assign(u, { status: 'completed', stage: 'done', progress: 100, finishedAt: at });
        break;
      case 'pipeline_stopped':
        Object.assign(u, { status: 'stopped', stage: 'done', finishedAt: at });
        break;
      case 'pipeline_error':
        if (!e.data.retrying) Object.assign(u, { status: 'failed', stage: 'done', finishedAt: at, error: e.data.error });
        break;
      default:
        break;
    }
  }
  return u;
}

/**
 * Keeps the database's view of a run in step with its events: the run's status and
 * progress, every question and its answer (for audit), and every application.
 */
export async function project(
  tx: Tx,
  runId: string,
  userId: string,
  events: readonly RunEvent[],
  question: QuestionLookup,
): Promise<void> {
  const update = runUpdate(events);
  // Instances archive a run's batches side by side: a batch that commits after a
  // later one must not move the run back, so the row only ever moves forward.
  await tx.pipelineRun.updateMany({ where: { id: runId, lastSeq: { lt: update.lastSeq } }, data: update });
  for (const e of events) await projectOne(tx, runId, userId, e, question);
}

async function projectOne(tx: Tx, runId: string, userId: string, e: RunEvent, question: QuestionLookup): Promise<void> {
  const at = new Date(e.timestamp);
  switch (e.type) {
    case 'hitl_request': {
      const d = e.data;
      // Its answer may have been archived first (another instance's batch): start from the truth.
      const truth = await question(d.hitlId);
      const settled = truth && truth.status !== 'pending' ? truth : null;
      const row = {
        runId,
        userId,
        agent: e.agent,
        question: d.question,
        context: d.context,
        options: d.options,
        defaultAnswer: d.defaultAnswer,
        timeoutMs: d.timeoutMs,
        createdAt: at,
        expiresAt: new Date(d.expiresAt),
        ...(settled
          ? {
              status: settled.status,
              answer: settled.answer,
              answeredBy: settled.status === 'answered' ? userId : settled.status === 'timed_out' ? 'timeout' : null,
              resolvedAt: settled.resolvedAt ? new Date(settled.resolvedAt) : at,
            }
          : {}),
      };
      await tx.hitlRequest.upsert({ where: { id: d.hitlId }, create: { id: d.hitlId, ...row }, update: {} });
      return;
    }
    case 'hitl_response':
      await settleQuestion(tx, e.data.hitlId, { status: 'answered', answer: e.data.response, answeredBy: userId, resolvedAt: at });
      return;
    case 'hitl_timeout':
      await settleQuestion(tx, e.data.hitlId, { status: 'timed_out', answer: e.data.appliedDefault, answeredBy: 'timeout', resolvedAt: at });
      return;
    case 'hitl_cancelled':
      await settleQuestion(tx, e.data.hitlId, { status: 'cancelled', resolvedAt: at });
      return;
    case 'applier_draft_ready': {
      const { jobUrl, title, company, fields } = e.data;
      await tx.application.upsert({
        where: { userId_jobUrl: { userId, jobUrl } },
        create: { userId, runId, jobUrl, title, company, fields, status: 'draft' },
        update: { runId, fields, ...(await keepSubmitted(tx, userId, jobUrl)) },
      });
      return;
    }
    case 'applier_submitted': {
      // Upserted: the draft's event may not be archived yet; the draft will not downgrade it.
      const { jobUrl, title, company } = e.data;
      await tx.application.upsert({
        where: { userId_jobUrl: { userId, jobUrl } },
        create: { userId, runId, jobUrl, title, company, status: 'submitted', submittedAt: at },
        update: { status: 'submitted', submittedAt: at },
      });
      return;
    }
    case 'applier_error':
      await tx.application.updateMany({
        where: { userId, jobUrl: e.data.jobUrl, status: 'draft' },
        data: { status: 'failed', error: e.data.error },
      });
      return;
    default:
      return;
  }
}

async function settleQuestion(tx: Tx, id: string, data: Prisma.HitlRequestUpdateManyMutationInput): Promise<void> {
  await tx.hitlRequest.updateMany({ where: { id, status: 'pending' }, data });
}

/** A draft filled again never turns a submitted application back into a draft. */
async function keepSubmitted(tx: Tx, userId: string, jobUrl: string): Promise<{ status?: 'draft' }> {
  const existing = await tx.application.findUnique({ where: { userId_jobUrl: { userId, jobUrl } }, select: { status: true } });
  return existing?.status === 'submitted' ? {} : { status: 'draft' };
}
