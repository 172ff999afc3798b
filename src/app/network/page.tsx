import type { Metadata } from 'next';
import { NetworkScreen } from './_components/network-screen';
import { networkPrefillFrom } from './_lib/prefill';

export const metadata: Metadata = { title: 'Contacts · jobstream' };

/**
 * Finding people to contact at a company. Read on the server, the address fills the form
 * on the first render, so a link from a job card never flashes empty fields.
 */
export default async function NetworkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <NetworkScreen prefill={networkPrefillFrom(await searchParams)} />;
}
