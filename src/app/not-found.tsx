import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found · jobstream' };

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-8">
      <p className="text-sm font-semibold text-slate-600">Error 404</p>
      <h1 id="not-found-title" className="mt-1 text-2xl font-bold tracking-tight text-slate-900">
        Page not found
      </h1>
      <p className="mt-3 text-slate-700">
        There is nothing at this address. The link may be mistyped, or the page may have moved.
      </p>
      <ul className="mt-5 flex flex-wrap gap-3">
        <li>
          <Link href="/dashboard" className="inline-flex rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
            Go to your dashboard
          </Link>
        </li>
        <li>
          <Link href="/" className="inline-flex rounded border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100">
            Go to the home page
          </Link>
        </li>
      </ul>
    </section>
  );
}
