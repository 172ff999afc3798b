import type { Env } from '~/env';
import { createOpenAiCompatibleClient } from './openai-compatible';
import type { ChatMessage, CompletionOptions, LlmClient } from './types';

export type { ChatMessage, CompletionOptions, LlmClient } from './types';
export { LlmError } from './openai-compatible';

export type LlmSettings = Pick<Env, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS'>;

/** The configured chat model, or null so that agents use their deterministic engines. */
export function createLlmClient(env: LlmSettings): LlmClient | null {
  if (!env.LLM_BASE_URL) return null;
  return createOpenAiCompatibleClient({
    baseUrl: env.LLM_BASE_URL,
    apiKey: env.LLM_API_KEY,
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
  });
}

export type LlmAttempt = { ok: true; text: string } | { ok: false; reason: string };

/**
 * One model call for an agent that has a fallback: any failure becomes a reason to
 * report, except a stop of the run, which must still end the agent.
 */
export async function tryComplete(llm: LlmClient, messages: ChatMessage[], options: CompletionOptions): Promise<LlmAttempt> {
  try {
    return { ok: true, text: await llm.complete(messages, options) };
  } catch (err) {
    if (options.signal.aborted) throw err;
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
