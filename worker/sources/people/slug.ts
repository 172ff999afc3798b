import { companySlug } from '~/shared/company-slug';

export { companySlug };

/** GitHub's rule for organisation names: letters, digits and single hyphens, at most 39 characters. */
const GITHUB_ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** The organisation to ask GitHub about: the one the user named, else the company's slug; null when neither can be one. */
export function githubOrgFor(company: string, githubOrg?: string): string | null {
  if (githubOrg && GITHUB_ORG.test(githubOrg)) return githubOrg;
  const slug = companySlug(company).slice(0, 39).replace(/-+$/, '');
  return GITHUB_ORG.test(slug) ? slug : null;
}
