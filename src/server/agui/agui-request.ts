import type { Message, RunAgentInput } from '@ag-ui/core';
import { RunAgentInputSchema } from '@ag-ui/core/schemas';
import { z } from 'zod';
import { hitlIdSchema, runParamsSchemas } from '~/shared/pipeline';
import { hitlResponseSchema, MULTIPLE_CHOICE_SEPARATOR } from '~/shared/hitl';
import { sessionTurnSchema } from '~/shared/sessions/salary';
import type { RunStart } from '~/store/run-store';

/**
 * What an AG-UI request asks of us, read from HttpAgent's RunAgentInput. The run to
 * start is validated by the same schemas as pipeline.start and the session mutations.
 */

/** A run to start: its kind and the parameters its own start procedure takes. */
export const aguiStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pipeline'), params: runParamsSchemas.pipeline }),
  z.object({ kind: z.literal('salary_research'), params: runParamsSchemas.salary_research }),
  z.object({ kind: z.literal('salary_battle'), params: runParamsSchemas.salary_battle }),
  z.object({ kind: z.literal('interview'), params: runParamsSchemas.interview }),
  z.object({ kind: z.literal('career_chat'), params: runParamsSchemas.career_chat }),
  z.object({ kind: z.literal('network'), params: runParamsSchemas.network }),
]) satisfies z.ZodType<RunStart>;

const aguiCommandSchema = z.enum(['stop', 'pause', 'resume']);

/** Our part of `forwardedProps`; anything else a front end forwards is left alone. */
const forwardedPropsSchema = z
  .object({
    start: aguiStartSchema.optional(),
    command: aguiCommandSchema.optional(),
    reason: z.string().trim().max(500, 'reason: at most 500 characters').optional(),
    /** Keep an answer where its question says, so that it is not asked again (as hitl.respond's saveToProfile). */
    saveToProfile: z.boolean().optional(),
    /** The amount a negotiation turn names (as sessions.say's offer). */
    offer: sessionTurnSchema.shape.offer,
  });

/** The cursor HttpAgent hands back: the state it holds names the run and the last event folded in. */
const cursorStateSchema = z
  .object({ runId: z.string(), lastSeq: z.number().int().min(0).max(2_147_483_647) })
  .nullable()
  .catch(null);

const ids = z.string().min(1).max(200).regex(/^[\w.:-]+$/, 'an id of letters, digits, "_", "-", ".", ":"');

/** An answer to a question: its text, or several of its choices (sent one per line, as hitl.respond takes them). */
const answerPayloadSchema = z.union([
  hitlResponseSchema,
  z.array(hitlResponseSchema).min(1).max(20).transform((choices) => choices.join(MULTIPLE_CHOICE_SEPARATOR)),
]);

const resumeEntrySchema = z.discriminatedUnion('status', [
  z.object({ interruptId: hitlIdSchema, status: z.literal('resolved'), payload: answerPayloadSchema }),
  z.object({ interruptId: hitlIdSchema, status: z.literal('cancelled') }),
]);
export type AguiAnswer = z.infer<typeof resumeEntrySchema>;

export interface AguiRequest {
  threadId: string;
  runId: string;
  /** Where the client's state says it was, when that state is this thread's. */
  cursor: { runId: string; lastSeq: number } | null;
  forwarded: z.infer<typeof forwardedPropsSchema>;
  /** The conversation's last message when it is the user's: a new run's request, or a turn. */
  userMessage: { id: string; text: string } | null;
  /** The conversation as the client holds it. */
  messages: readonly Message[];
  resume: AguiAnswer[];
}

export type ParsedRequest = { ok: true; request: AguiRequest } | { ok: false; message: string };

/** Reads the body: AG-UI's own schema first, then ours for the parts we act on. */
export function parseAguiRequest(body: unknown): ParsedRequest {
  const input = RunAgentInputSchema.safeParse(body);
  if (!input.success) return { ok: false, message: `Not an AG-UI RunAgentInput: ${problems(input.error)}` };
  const data = input.data as RunAgentInput;
  const { threadId, runId } = data;
  const badId = [ids.safeParse(threadId), ids.safeParse(runId)].find((r) => !r.success)?.error;
  if (badId) return { ok: false, message: `threadId and runId: ${problems(badId)}` };
  const answers = z.array(resumeEntrySchema).max(20, 'resume: at most 20 answers').safeParse(data.resume ?? []);
  if (!answers.success) return { ok: false, message: `resume: ${problems(answers.error)}` };
  const props: unknown = data.forwardedProps;
  // Front ends forward props of their own; only an object can carry ours.
  const forwarded = forwardedPropsSchema.safeParse(typeof props === 'object' && props !== null && !Array.isArray(props) ? props : {});
  if (!forwarded.success) return { ok: false, message: `forwardedProps: ${problems(forwarded.error)}` };
  return {
    ok: true,
    request: {
      threadId,
      runId,
      cursor: cursorStateSchema.parse(data.state ?? null),
      forwarded: forwarded.data,
      userMessage: lastUserMessage(data),
      messages: data.messages,
      resume: answers.data,
    },
  };
}

function problems(error: z.core.$ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

function lastUserMessage(input: RunAgentInput): { id: string; text: string } | null {
  const last = input.messages.at(-1);
  if (last?.role !== 'user') return null;
  const text =
    typeof last.content === 'string'
      ? last.content
      : last.content
          .map((part) => (part.type === 'text' ? part.text : ''))
          .join('')
          .trim();
  return text ? { id: last.id, text } : null;
}

/**
 * The run a user's message asks for: a JSON object naming the kind and its parameters
 * (`{"kind":"pipeline","params":{…}}`), or plain words, which open a career chat.
 */
export function startFromMessage(text: string): { ok: true; start: RunStart } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) {
    const chat = aguiStartSchema.safeParse({ kind: 'career_chat', params: { opening: trimmed } });
    return chat.success ? { ok: true, start: chat.data } : { ok: false, message: problems(chat.error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ok: false, message: 'The message starts like JSON but is not valid JSON; send {"kind": …, "params": {…}} or plain words.' };
  }
  const start = aguiStartSchema.safeParse(json);
  return start.success ? { ok: true, start: start.data } : { ok: false, message: problems(start.error) };
}
