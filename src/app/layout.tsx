import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/trpc/react';
import { AppShell } from './_components/app-shell';
import './globals.css';

export const metadata: Metadata = {
  title: 'jobstream',
  description: 'The live control room for your AI job-search pipeline',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each gets its own
  // CSP nonce (src/proxy.ts); Next puts it on its scripts by itself.
  await headers();
  return (
    <html lang="en">
      <body className="antialiased">
        <TRPCReactProvider>
          <AppShell>{children}</AppShell>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
