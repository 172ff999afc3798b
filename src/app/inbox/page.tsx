'use client';

import { useRef } from 'react';
import { ServerDown } from '~/app/_components/server-down';
import { useRequireUser } from '~/app/_components/session';
import { QuestionList } from './_components/question-list';

/** Every question your agents are waiting on, across all your runs, live. */
export default function InboxPage() {
  const session = useRequireUser();
  const heading = useRef<HTMLHeadingElement>(null);
  if (session.kind === 'server-down') return <ServerDown message={session.message} />;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        {/* Focusable from script only: where focus lands when the last question goes. */}
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-950 focus:outline-none">
          Inbox
        </h1>
        <p className="text-slate-700">
          Questions your agents are waiting on, across all your runs. A question left unanswered gets its default
          when time runs out.
        </p>
      </div>
      {session.kind === 'signed-in' ? (
        <QuestionList heading={heading} />
      ) : (
        <p role="status" className="text-slate-700">
          {session.kind === 'loading' ? 'Loading…' : 'Taking you to sign in…'}
        </p>
      )}
    </div>
  );
}
