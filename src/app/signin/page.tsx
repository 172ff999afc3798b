import type { Metadata } from 'next';
import { safeNextPath } from '../_components/safe-next-path';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in · jobstream' };

/**
 * Also the app's 401 page: pages that need a user send people here with `?next=`, and
 * they come back to that page once signed in.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, error } = await searchParams;
  const destination = safeNextPath(next);
  return <SignInForm next={destination} needed={destination !== null} error={typeof error === 'string' ? error : null} />;
}
