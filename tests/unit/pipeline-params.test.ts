import { describe, expect, it } from 'vitest';
import { type ZodError } from 'zod';
import { formatZodError } from '~/server/api/trpc';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { parseEnv } from '~/env';

describe('pipeline.start input', () => {
  it('fills seed 000’s defaults, with draft mode on', () => {
    expect(pipelineParamsSchema.parse({ query: ' Python developer ' })).toEqual({
      query: 'Python developer',
      location: 'Remote',
      autoApply: false,
      minMatchScore: 70,
      useCompanyResearch: false,
      useResumeTailoring: false,
      useCoverLetter: false,
      draftMode: true,
    });
  });

  it('explains every problem in one readable message', () => {
    const result = pipelineParamsSchema.safeParse({ query: '', autoApply: 'yes', maxApplications: 0 });
    expect(result.success).toBe(false);
    const message = formatZodError(result.error as ZodError);
    expect(message).toContain('query: say what job to search for');
    expect(message).toMatch(/autoApply: .*boolean/);
    expect(message).toContain('maxApplications: at least 1');
  });
});

describe('configuration', () => {
  it('fails at start-up with a message naming each bad variable', () => {
    const attempt = () => parseEnv({ REDIS_URL: 'http://x', PORT: 'abc' });
    expect(attempt).toThrow(/REDIS_URL: REDIS_URL must start with redis:\/\//);
    expect(attempt).toThrow(/PORT: expected a whole number/);
    expect(attempt).toThrow(/see \.env\.example/);
  });

  it('defaults to a local Redis and port 3000', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', PORT: 3000, APP_URL: 'http://localhost:3000' });
  });
});
