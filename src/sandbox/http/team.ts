import { messagePage } from '../pages/message-page';
import { teamPage } from '../pages/team-page';
import { teamForSlug, toTeamJson } from '../team';
import type { RouteContext } from './context';
import { sendHtml, sendJson } from './respond';

/** GET /sandbox/api/companies/:slug/team: the company's people and open roles, as JSON. */
export function handleTeamApi(ctx: RouteContext, slug: string): void {
  const team = teamForSlug(slug);
  if (!team) return sendJson(ctx.res, 404, { error: `no company ${slug} on the sandbox board` });
  sendJson(ctx.res, 200, toTeamJson(team, ctx.appUrl));
}

/** GET /sandbox/companies/:slug/team: the same people as a page, each with an anchor to link to. */
export function handleTeamPage(ctx: RouteContext, slug: string): void {
  const team = teamForSlug(slug);
  if (!team) return sendHtml(ctx.res, 404, messagePage('Company not found', 'No company on the sandbox board has this address.'));
  sendHtml(ctx.res, 200, teamPage(team));
}
