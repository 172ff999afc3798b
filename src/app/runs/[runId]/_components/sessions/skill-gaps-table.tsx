import { gapsByShare, sharePercent, type SkillGaps } from '../../_lib/career-state';
import { safeHref } from '../../_lib/safe-href';
import { SkillList } from '../skill-list';

/**
 * What the postings for a role ask for that the resume does not show, the most common
 * first: the share of postings as a bar (decoration) and a number (what is read), and one
 * posting that asks for it. A narrow screen scrolls the table, never the page.
 */
export function SkillGapsTable({ gaps }: { gaps: SkillGaps }) {
  const rows = gapsByShare(gaps);
  const postings = `${gaps.postings} ${gaps.postings === 1 ? 'posting' : 'postings'}`;
  return (
    <section aria-labelledby="skill-gaps-title" data-skill-gaps="" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="skill-gaps-title" className="text-lg font-semibold text-slate-900">
        Skill gaps for {gaps.role}
      </h2>
      <p className="text-sm text-slate-700">Counted across {postings} for the role, against your resume.</p>
      {rows.length === 0 ? (
        <p className="text-slate-800">None: your resume shows every skill these postings ask for.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[20rem] border-collapse text-left text-sm">
            <caption className="sr-only">Skills the postings ask for that your resume does not show, most common first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Skill
                </th>
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Share of postings
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  For example
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((gap) => {
                const percent = sharePercent(gap.share);
                const href = safeHref(gap.example.url);
                const example = `${gap.example.title}${gap.example.company ? ` at ${gap.example.company}` : ''}`;
                return (
                  <tr key={gap.skill} data-gap={gap.skill} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                      {gap.skill}
                    </th>
                    <td className="whitespace-nowrap py-2 pr-3">
                      <span className="flex items-center gap-2">
                        <span aria-hidden="true" className="block h-2 w-16 shrink-0 overflow-hidden rounded bg-slate-200">
                          <span className="block h-full bg-amber-500" style={{ width: `${percent}%` }} />
                        </span>
                        <span className="tabular-nums text-slate-900">
                          {percent}%<span className="sr-only"> of postings</span>
                        </span>
                        <span className="text-xs text-slate-600">({gap.postings})</span>
                      </span>
                    </td>
                    <td className="min-w-[8rem] break-words py-2">
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                          {example}
                          <span className="sr-only"> (opens in a new tab)</span>
                        </a>
                      ) : (
                        <span className="text-slate-800">{example}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SkillList label="Skills you have" skills={gaps.have} tone="match" />
    </section>
  );
}
