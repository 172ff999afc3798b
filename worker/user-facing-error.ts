/**
 * A failure whose message is written for the person watching the run: what happened
 * and what to do. Only these messages reach events; any other error's text (a
 * library's, a stack) goes to the worker log, and the event says something general.
 */
export class UserFacingError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The message to show for `err`: its own when it was written for users, else `fallback`, logged. */
export function userMessage(err: unknown, fallback: string, logContext: string): string {
  if (err instanceof UserFacingError) return err.message;
  console.error(`[worker] ${logContext}:`, err);
  return fallback;
}
