import { createGitHubPeopleSource } from './github';
import { createSandboxPeopleSource, type SandboxPeopleSource } from './sandbox';
import { githubOrgFor } from './slug';
import type { PeopleSource } from './types';

export { createGitHubPeopleSource, nextPageUrl, roleFromBio, type GitHubPeopleOptions } from './github';
export { createSandboxPeopleSource, sandboxPostingId, type SandboxOpening, type SandboxPeopleSource } from './sandbox';
export { companySlug, githubOrgFor } from './slug';
export type { FindPeopleRequest, PeopleSource, Person } from './types';

export interface PeoplePlanInput {
  company: string;
  githubOrg?: string;
  appUrl: string;
  settings: { GITHUB_API_URL: string; SOURCE_TIMEOUT_MS: number };
}

export interface PeoplePlan {
  /** Every source, in the order events report them. */
  sources: PeopleSource[];
  /** Also answers which team a sandbox posting is for. */
  sandbox: SandboxPeopleSource;
}

/** The sandbox's team pages, and the company's GitHub organisation when its name can be one. */
export function planPeopleSources(input: PeoplePlanInput): PeoplePlan {
  const timeoutMs = input.settings.SOURCE_TIMEOUT_MS;
  const sandbox = createSandboxPeopleSource({ appUrl: input.appUrl, timeoutMs });
  const org = githubOrgFor(input.company, input.githubOrg);
  const github = org ? [createGitHubPeopleSource({ apiUrl: input.settings.GITHUB_API_URL, org, timeoutMs })] : [];
  return { sources: [sandbox, ...github], sandbox };
}
