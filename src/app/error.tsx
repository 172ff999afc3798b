'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';

/** Server errors arrive with a digest that matches the server's log line; worth quoting in a bug report. */
function digestOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return null;
  return typeof error.digest === 'string' ? error.digest : null;
}

export default function ErrorPage({ error, reset }: { error: unknown; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const queryClient = useQueryClient();
  const digest = digestOf(error);
  const tryAgain = () => {
    // The data that broke the render is still cached; re-rendering on it would fail the same way.
    void queryClient.resetQueries();
    reset();
  };
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-8">
      <h1 id="error-title" className="text-2xl font-bold tracking-tight text-slate-900">
        Something went wrong
      </h1>
      <p className="mt-3 text-slate-700">
        This page ran into a problem it could not get past. Your runs are not affected: they keep going on the server.
        Try again; if it keeps happening, reload the page or start again from the home page.
      </p>
      {digest ? <p className="mt-2 text-sm text-slate-600">Error reference: {digest}</p> : null}
      <div className="mt-5 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={tryAgain}
          className="inline-flex items-center justify-center rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Try again
        </button>
        <Link href="/" className="inline-flex items-center rounded border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100">
          Go to the home page
        </Link>
      </div>
    </section>
  );
}
