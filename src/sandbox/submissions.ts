import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AcceptedApplication } from './forms/validate';

/** Submissions are demo data: kept long enough for a test or a demo, then forgotten. */
export const SUBMISSION_TTL_SECONDS = 7 * 24 * 3600;

const RECEIPT_ID = /^sbx_[0-9a-f]{32}$/;

const storedSubmissionSchema = z.object({
  receiptId: z.string().regex(RECEIPT_ID),
  jobId: z.string(),
  layout: z.string(),
  submittedAt: z.string(),
  fields: z.record(z.string(), z.string()),
  files: z.array(z.object({ field: z.string(), fileName: z.string(), bytes: z.number(), contentType: z.string() })),
});

export type StoredSubmission = z.infer<typeof storedSubmissionSchema>;

export function sandboxKeys(prefix: string) {
  return {
    submission: (receiptId: string) => `${prefix}:sandbox:application:${receiptId}`,
    jobSubmissions: (jobId: string) => `${prefix}:sandbox:job:${jobId}:submissions`,
  };
}

/** Unguessable: the receipt URL is the only capability to read what was submitted. */
export function newReceiptId(): string {
  return `sbx_${randomBytes(16).toString('hex')}`;
}

export function isReceiptId(value: string): boolean {
  return RECEIPT_ID.test(value);
}

export class SubmissionStore {
  private readonly keys: ReturnType<typeof sandboxKeys>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = sandboxKeys(prefix);
  }

  /** Stores the submission and counts it for its job, in one transaction. */
  async save(jobId: string, layout: string, application: AcceptedApplication, now = new Date()): Promise<StoredSubmission> {
    const record: StoredSubmission = {
      receiptId: newReceiptId(),
      jobId,
      layout,
      submittedAt: now.toISOString(),
      fields: application.fields,
      files: application.files,
    };
    const count = this.keys.jobSubmissions(jobId);
    const results = await this.redis
      .multi()
      .set(this.keys.submission(record.receiptId), JSON.stringify(record), 'EX', SUBMISSION_TTL_SECONDS)
      .incr(count)
      .expire(count, SUBMISSION_TTL_SECONDS)
      .exec();
    const failed = results?.find(([err]) => err !== null);
    if (!results || failed) throw new Error(`could not store the submission: ${failed?.[0]?.message ?? 'transaction aborted'}`);
    return record;
  }

  async find(receiptId: string): Promise<StoredSubmission | undefined> {
    if (!isReceiptId(receiptId)) return undefined;
    const raw = await this.redis.get(this.keys.submission(receiptId));
    if (raw === null) return undefined;
    const parsed = storedSubmissionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  async count(jobId: string): Promise<number> {
    const raw = await this.redis.get(this.keys.jobSubmissions(jobId));
    return raw === null ? 0 : Number(raw);
  }
}
