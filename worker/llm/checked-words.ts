/**
 * Words from a model under an engine's control: the model's draft, streamed live as it
 * writes, is kept only when the finished draft passes the engine's check (no skill,
 * number or name the engine's data lacks); the engine's words otherwise. A model that
 * fails is treated like a refused draft, so a session never depends on it; only a stop
 * is thrown. Every session that lets a model reword its engine's reply goes through here.
 */
import type { TypingStream } from '../agent-context';
import { tryComplete } from './index';
import type { ChatMessage, LlmClient } from './types';

export interface Words {
  text: string;
  from: 'model' | 'engine';
  /** Why the model's draft was not used, for the worker log. */
  refused?: string;
}

export interface ModelWordsRequest {
  messages: ChatMessage[];
  check: (draft: string) => { ok: true; text: string } | { ok: false; reason: string };
  /** The engine's words. */
  fallback: string;
  /** Shows the draft live while it is written; it ends either way. */
  typing: TypingStream | null;
  signal: AbortSignal;
  maxTokens: number;
  temperature: number;
}

export async function checkedModelWords(llm: LlmClient, request: ModelWordsRequest): Promise<Words> {
  const { typing, signal } = request;
  try {
    const attempt = await tryComplete(llm, request.messages, {
      signal,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      ...(typing ? { onDelta: (delta: string) => typing.write(delta) } : {}),
    });
    if (!attempt.ok) return { text: request.fallback, from: 'engine', refused: `the model call failed: ${attempt.reason}` };
    const checked = request.check(attempt.text);
    return checked.ok ? { text: checked.text, from: 'model' } : { text: request.fallback, from: 'engine', refused: checked.reason };
  } finally {
    // Live text always ends; the durable reply with the same message id replaces whatever it showed.
    typing?.end();
  }
}
