import type { AddressVerdict } from './address';

/**
 * A connection the egress policy did not allow. Its message is for the worker's log
 * (it names the address); what the user reads is written by the caller in their own
 * words, and is the same whether anything listens at that address or not.
 */
export class EgressRefused extends Error {
  readonly code = 'EGRESS_REFUSED';

  constructor(
    /** host:port, or the URL, that was refused. */
    readonly target: string,
    /** The address that decided it; null when the URL was not http(s) at all. */
    readonly verdict: AddressVerdict | null,
  ) {
    super(verdict ? `egress refused: ${target} is ${describe(verdict)}` : `egress refused: ${target} is not an http(s) address`);
    this.name = 'EgressRefused';
  }
}

function describe(verdict: AddressVerdict): string {
  const via = verdict.embeddedIPv4 ? ` (carrying ${verdict.embeddedIPv4})` : '';
  return `${verdict.address}${via}, a ${verdict.kind} address`;
}

/** The refusal behind an error, however deep libraries wrapped it (fetch puts it in `cause`). */
export function findEgressRefusal(err: unknown): EgressRefused | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof EgressRefused) return e;
  }
  return null;
}

/**
 * The system error code behind a failed request (ECONNREFUSED, ENOTFOUND…), which is
 * safe to show; null when there is none, so that no library's wording reaches a user.
 */
export function networkErrorCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z0-9]{2,}$/.test(code)) return code;
  }
  return null;
}

/** Why a connection failed, in a user's words; the system code itself goes to the worker's log. */
export function networkFailureWords(err: unknown): string {
  switch (networkErrorCode(err)) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its address could not be found';
    case 'ECONNREFUSED':
      return 'it refused the connection';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut';
    case 'ETIMEDOUT':
      return 'it did not answer';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'there is no network route to it';
    default:
      return 'the network failed';
  }
}

/** One line for the worker's log: every message in the cause chain, no stack. */
export function errorChain(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (!(e instanceof Error)) {
      parts.push(typeof e === 'string' ? e : `a thrown ${typeof e}`);
      break;
    }
    const code = (e as NodeJS.ErrnoException).code;
    parts.push(code ? `${e.message} [${code}]` : e.message);
    e = e.cause;
  }
  return parts.join(' <- ').replace(/\s+/g, ' ').slice(0, 1000);
}
