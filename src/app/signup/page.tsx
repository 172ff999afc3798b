import type { Metadata } from 'next';
import { safeNextPath } from '../_components/safe-next-path';
import { SignUpForm } from './_components/sign-up-form';

export const metadata: Metadata = { title: 'Create your account · jobstream' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  return <SignUpForm next={safeNextPath(next)} />;
}
