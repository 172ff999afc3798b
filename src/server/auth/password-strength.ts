import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** zxcvbn's verdict: 0 (guessed at once) to 4 (very hard), and whether it leaned on the user's own name or email. */
export interface Strength {
  score: number;
  personal: boolean;
  /** How long zxcvbn took, inside its thread (ms). */
  elapsedMs: number;
}

/** More checks than this waiting for the thread means a flood: refuse instead of queueing. */
const MAX_QUEUED = 64;
/** No check takes this long (the slowest measured is well under a second); past it the thread is replaced. */
const CHECK_TIMEOUT_MS = 10_000;

/** Too many checks queued at once. */
export class StrengthCheckBusy extends Error {}

/**
 * The zxcvbn options. Only the first 64 characters are rated (longer passwords are
 * strong by length, and rating cost grows fast with length), and l33t substitutions
 * are capped at 20: together they bound the slowest check. No Levenshtein matching:
 * it made every check 10–100 times slower for little gain over the dictionaries.
 */
const OPTIONS = { maxLength: 64, l33tMaxSubstitutions: 20, useLevenshteinDistance: false };

/**
 * Runs in its own thread: zxcvbn is synchronous and a check takes from a few to a few
 * hundred milliseconds, and loading the dictionaries about half a second, which would
 * stall every socket on this instance if done on the main thread. Plain CommonJS given
 * as source (not a file), so it works the same under tsx and in the esbuild bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let factory = null;
function zxcvbn() {
  if (!factory) {
    const { ZxcvbnFactory } = require(workerData.core);
    const common = require(workerData.common);
    const en = require(workerData.en);
    factory = new ZxcvbnFactory({
      ...workerData.options,
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  }
  return factory;
}
parentPort.on('message', ({ id, password, userInputs }) => {
  try {
    const rater = zxcvbn();
    const started = performance.now();
    const result = rater.check(password, userInputs);
    const personal = result.sequence.some((m) => m.dictionaryName === 'userInputs');
    parentPort.postMessage({ id, score: result.score, personal, elapsedMs: performance.now() - started });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
`;

interface Reply {
  id: number;
  score?: number;
  personal?: boolean;
  elapsedMs?: number;
  error?: string;
}

interface Pending {
  resolve: (strength: Strength) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function modulePaths(): Record<'core' | 'common' | 'en', string> {
  const require = createRequire(import.meta.url);
  return {
    core: require.resolve('@zxcvbn-ts/core'),
    common: require.resolve('@zxcvbn-ts/language-common'),
    en: require.resolve('@zxcvbn-ts/language-en'),
  };
}

/** The checking thread, started on first use; it never keeps the process alive. */
function checker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...modulePaths(), options: OPTIONS } });
  started.unref();
  started.on('message', (reply: Reply) => settle(reply));
  started.on('error', (err) => failAll(err));
  started.on('exit', () => {
    if (worker === started) worker = null;
    failAll(new Error('password strength thread exited'));
  });
  worker = started;
  return started;
}

function settle(reply: Reply): void {
  const waiting = pending.get(reply.id);
  if (!waiting) return;
  pending.delete(reply.id);
  clearTimeout(waiting.timer);
  if (typeof reply.score === 'number') {
    waiting.resolve({ score: reply.score, personal: reply.personal === true, elapsedMs: reply.elapsedMs ?? 0 });
  } else {
    waiting.reject(new Error(`password strength check failed: ${reply.error ?? 'no answer'}`));
  }
}

function failAll(err: Error): void {
  for (const [id, waiting] of pending) {
    clearTimeout(waiting.timer);
    waiting.reject(err);
    pending.delete(id);
  }
}

/**
 * Rates a password with zxcvbn (the common-password dictionaries of language-common
 * and language-en), treating `userInputs` (the email, its local part, the name) as
 * words an attacker would try first.
 */
export function ratePassword(password: string, userInputs: readonly string[]): Promise<Strength> {
  if (pending.size >= MAX_QUEUED) return Promise.reject(new StrengthCheckBusy('too many password checks queued'));
  const thread = checker();
  const id = nextId++;
  return new Promise<Strength>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('password strength check timed out'));
      // A check that never ends would hold up every later one: start a fresh thread.
      void thread.terminate();
    }, CHECK_TIMEOUT_MS);
    timer.unref();
    pending.set(id, { resolve, reject, timer });
    thread.postMessage({ id, password, userInputs: [...userInputs] });
  });
}
