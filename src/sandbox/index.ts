/** The sandbox job board's public surface, for the web server, the agents and the tests. */
export { handleSandbox, type SandboxDeps } from './http-handler';
export { boardPostings, findPosting, postingIdsForLayout } from './board';
export { generatePostings, layoutForId, type Posting, type PostingSection, type Seniority } from './postings';
export { searchPostings } from './search';
export { toSandboxJob, type SandboxJob } from './job-json';
export { layoutNames, type LayoutName, isLayoutName } from './forms/layout-names';
export { sandboxFormFields, layoutSummaries } from './forms/registry';
export type { FormContext, SandboxField, SandboxFieldKind, SandboxProfileKey } from './forms/field-types';
export { SUBMISSION_TTL_SECONDS, type StoredSubmission } from './submissions';
export { MAX_APPLICATION_BYTES } from './http/apply';
export {
  companySlug,
  companyTeam,
  findSandboxCompany,
  teamForSlug,
  teamPageUrl,
  toTeamJson,
  type CompanyTeam,
  type TeamJson,
  type TeamMember,
  type TeamOpening,
} from './team';
