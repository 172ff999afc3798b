import type { Metadata } from 'next';
import { NegotiateScreen } from './_components/negotiate-screen';
import { prefillFrom } from './_lib/prefill';

export const metadata: Metadata = { title: 'Negotiate · jobstream' };

/**
 * Salary negotiation practice and pay research. Read on the server, the address fills
 * the forms on the first render, so a prefilled link never flashes empty fields.
 */
export default async function NegotiatePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <NegotiateScreen prefill={prefillFrom(await searchParams)} />;
}
