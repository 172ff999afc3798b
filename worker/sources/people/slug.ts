/**
 * The slug of a company name: "Northwind Labs" → "northwind-labs". The sandbox's team
 * pages are addressed by it (src/sandbox/team.ts spells it the same way, and a test
 * holds them together), and it is the first guess at a GitHub organisation's name.
 */
export function companySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** GitHub's rule for organisation names: letters, digits and single hyphens, at most 39 characters. */
const GITHUB_ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** The organisation to ask GitHub about: the one the user named, else the company's slug; null when neither can be one. */
export function githubOrgFor(company: string, githubOrg?: string): string | null {
  if (githubOrg && GITHUB_ORG.test(githubOrg)) return githubOrg;
  const slug = companySlug(company).slice(0, 39).replace(/-+$/, '');
  return GITHUB_ORG.test(slug) ? slug : null;
}
