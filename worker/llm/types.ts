export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionOptions {
  signal: AbortSignal;
  maxTokens?: number;
  temperature?: number;
  /** Ask for a JSON object (response_format json_object). */
  json?: boolean;
  /** Called with each streamed piece of text, in order. */
  onDelta?: (text: string) => void;
}

/** An OpenAI-compatible chat model; agents use it when LLM_BASE_URL is set. */
export interface LlmClient {
  readonly model: string;
  complete(messages: ChatMessage[], options: CompletionOptions): Promise<string>;
}
