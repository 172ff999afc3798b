/** Skills as a labelled list; "none" is said rather than left as an empty row. */
export function SkillList({ label, skills, tone }: { label: string; skills: readonly string[]; tone: 'match' | 'miss' }) {
  const chip = tone === 'match' ? 'bg-emerald-50 text-emerald-900 border-emerald-300' : 'bg-amber-50 text-amber-900 border-amber-300';
  return (
    <div className="flex flex-wrap items-baseline gap-1 text-sm">
      <span className="mr-1 font-medium text-slate-800">{label}:</span>
      {skills.length === 0 ? (
        <span className="text-slate-700">none</span>
      ) : (
        <ul aria-label={label} className="contents">
          {skills.map((skill) => (
            <li key={skill} className={`rounded border px-1.5 py-0.5 text-xs ${chip}`}>
              {skill}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
