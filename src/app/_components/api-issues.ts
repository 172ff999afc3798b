import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '~/server/api/root';

export type ApiError = TRPCClientErrorLike<AppRouter>;

/** One problem the server reported: which input (a dotted path, "" for none) and what to say. */
export interface ApiIssue {
  path: string;
  text: string;
}

/** The "field: " the server puts in front of its messages; the page already shows which field. */
const FIELD_PREFIX = /^[A-Za-z][\w.]*:\s+/;

function withoutPrefix(message: string): string {
  return message.replace(FIELD_PREFIX, '');
}

/**
 * The server's complaints, one per input. Validation failures carry zod's issues in
 * `data.zodError` (paths like "jobSources.0.board"); other errors are one message that
 * may still name its field ("contentBase64: this file is not a PDF").
 */
export function apiIssues(error: ApiError): ApiIssue[] {
  const zodIssues = error.data?.zodError;
  if (zodIssues && zodIssues.length > 0) {
    return zodIssues.map((issue) => ({ path: issue.path, text: withoutPrefix(issue.message) }));
  }
  const named = FIELD_PREFIX.exec(error.message);
  return [{ path: named ? named[0].replace(/:\s+$/, '') : '', text: withoutPrefix(error.message) }];
}

/** True when the request never got an answer (server down, network gone). */
export function isUnreachable(error: ApiError): boolean {
  return !error.data;
}
