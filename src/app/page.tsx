import type { ReactNode } from 'react';
import { HomeCallToAction } from './_components/home-call-to-action';

interface Stage {
  name: string;
  what: string;
  /** Stages that run side by side, each switched on per run. */
  parts?: { name: string; what: string }[];
}

const STAGES: Stage[] = [
  {
    name: 'Scout',
    what: 'Searches the built-in sandbox board, Greenhouse and Lever at once, and drops the same job listed twice.',
  },
  {
    name: 'Analyst',
    what: 'Reads each posting’s skills, years and seniority and scores it 0–100 against your resume, with the reasons.',
  },
  {
    name: 'Research and documents',
    what: 'Optional, for the jobs that match:',
    parts: [
      { name: 'Company research', what: 'what the company says about itself' },
      { name: 'Tailored resume', what: 'reordered for the job, never adding a skill you lack' },
      { name: 'Cover letter', what: 'written from your real experience' },
    ],
  },
  {
    name: 'Applier',
    what: 'Fills in the application in a real Chromium browser from your profile, and asks you before anything is submitted.',
  },
];

const LIVE: { name: string; what: string }[] = [
  {
    name: 'Live events',
    what: 'Every step arrives as it happens. Lose the connection and the stream picks up where it left off: nothing missed, nothing twice.',
  },
  {
    name: 'Live browser view',
    what: 'Watch the applier’s page while it fills in a form, about five frames a second.',
  },
  {
    name: 'Questions from the agents',
    what: 'When an agent is unsure (a screening question, a resume to approve) it asks you and waits. Stop, pause or resume a run at any moment.',
  },
];

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-xl font-bold tracking-tight text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function HomePage() {
  return (
    <div className="pb-8">
      <div className="max-w-3xl pt-4 sm:pt-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">The live control room for your job search</p>
        <h1 className="mt-2 text-4xl font-extrabold tracking-tight text-slate-900 sm:text-5xl">jobstream</h1>
        <p className="mt-4 text-lg text-slate-700">
          Start a search and watch a team of AI agents work it: they find jobs, score them against your resume, research
          the company, tailor your resume, write the cover letter and fill in the application in a real browser, asking
          you whenever a decision is yours.
        </p>
        <div className="mt-6">
          <HomeCallToAction />
        </div>
      </div>

      <Section title="How a run works" id="home-stages">
        <ol className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-4">
          {STAGES.map((stage, index) => (
            <li key={stage.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="flex items-center gap-2 font-semibold text-slate-900">
                <span aria-hidden="true" className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-blue-700 text-sm text-white">
                  {index + 1}
                </span>
                {stage.name}
              </p>
              <p className="mt-2 text-sm text-slate-700">{stage.what}</p>
              {stage.parts ? (
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
                  {stage.parts.map((part) => (
                    <li key={part.name}>
                      <span className="font-medium text-slate-900">{part.name}</span>: {part.what}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Watch it live" id="home-live">
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {LIVE.map((item) => (
            <li key={item.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="font-semibold text-slate-900">{item.name}</p>
              <p className="mt-2 text-sm text-slate-700">{item.what}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="For developers" id="home-developers">
        <p className="mt-2 text-sm text-slate-700">
          Everything on these pages is one typed API: tRPC over HTTP at <code className="rounded bg-slate-100 px-1">/api/trpc</code>{' '}
          and live subscriptions over a WebSocket at <code className="rounded bg-slate-100 px-1">/api/trpc-ws</code>. Server
          status:{' '}
          <a href="/api/health" className="font-medium text-blue-800 underline">
            health
          </a>{' '}
          and{' '}
          <a href="/api/metrics" className="font-medium text-blue-800 underline">
            metrics
          </a>
          .
        </p>
      </Section>
    </div>
  );
}
