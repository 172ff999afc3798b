import { escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';
import type { CompanyTeam } from '../team';

function personHtml(p: CompanyTeam['people'][number]): string {
  return (
    `<li class="person" id="${escapeHtml(p.id)}"><a class="name" href="#${escapeHtml(encodeURIComponent(p.id))}">${escapeHtml(p.name)}</a>` +
    `<span class="title">${escapeHtml(p.title)}</span></li>`
  );
}

function teamSection(team: string, people: CompanyTeam['people']): string {
  const mine = people.filter((p) => p.team === team);
  if (mine.length === 0) return '';
  return `<section class="team"><h2>${escapeHtml(team)}</h2><ul class="people">${mine.map(personHtml).join('')}</ul></section>`;
}

function openingsHtml(team: CompanyTeam): string {
  if (team.openings.length === 0) return '<p class="muted">No open roles right now.</p>';
  const items = team.openings.map(
    (o) =>
      `<li><a href="/sandbox/jobs/${escapeHtml(encodeURIComponent(o.id))}">${escapeHtml(o.title)}</a> <span class="muted">· ${escapeHtml(o.team)}</span></li>`,
  );
  return `<ul class="openings">${items.join('')}</ul>`;
}

/** GET /sandbox/companies/:slug/team: who works where, and the company's open roles. */
export function teamPage(team: CompanyTeam): HtmlPage {
  return {
    title: `Meet the team at ${team.company} · Sandbox Jobs`,
    main:
      `<p class="crumbs"><a href="/sandbox">All jobs</a></p><h1>Meet the team at ${escapeHtml(team.company)}</h1>` +
      `<p class="about">${escapeHtml(team.about)}</p>` +
      `<p class="muted">Everyone here is fictional. Team pages list names, titles and teams only, never contact details.</p>` +
      team.teams.map((t) => teamSection(t, team.people)).join('') +
      `<section class="open-roles"><h2>Open roles</h2>${openingsHtml(team)}</section>`,
    css: CSS,
  };
}

const CSS = `
.team,.open-roles{background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:14px 22px;margin:0 0 16px}
.team h2,.open-roles h2{font-size:1.1rem;margin:0 0 8px}
.people,.openings{list-style:none;padding:0;margin:0}
.person{display:flex;flex-wrap:wrap;gap:2px 12px;padding:6px 0;border-top:1px solid #eef1f4}
.person:first-child{border-top:0}
.person .name{font-weight:600;text-decoration:none;color:#1d2329}
.person .title{color:#4a545e}
.person:target{background:#fff8d6}
.openings li{padding:4px 0}
.crumbs{margin:0 0 8px}
`;
