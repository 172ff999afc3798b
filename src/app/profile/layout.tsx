import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// The page itself is a client component (it needs the session), so its title is set here.
export const metadata: Metadata = { title: 'Your profile · jobstream' };

export default function ProfileLayout({ children }: { children: ReactNode }) {
  return children;
}
