import type { Metadata } from 'next';
import { OpsDashboard } from './_components/ops-dashboard';

export const metadata: Metadata = { title: 'Operations · jobstream' };

/**
 * The operator's dashboard. Who may see it is decided before this renders
 * (src/server/http/ops-page-gate.ts): Next's own notFound() would come too late for a
 * 404 status once the page streams.
 */
export default function OpsPage() {
  return <OpsDashboard />;
}
