import type { Metadata } from 'next';
import { InterviewScreen } from './_components/interview-screen';
import { interviewPrefillFrom } from './_lib/prefill';

export const metadata: Metadata = { title: 'Interview practice · jobstream' };

/**
 * Interview practice. Read on the server, the address fills the form on the first render,
 * so a link from a job card never flashes empty fields.
 */
export default async function InterviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <InterviewScreen prefill={interviewPrefillFrom(await searchParams)} />;
}
