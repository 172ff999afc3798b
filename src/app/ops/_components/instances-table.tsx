import type { OpsOverview } from '~/shared/ops';
import { ageText } from '../_lib/feed-text';

const th = 'py-1.5 pr-3 font-semibold';

/** Every web instance that beat recently: where it runs and the sockets it serves. */
export function InstancesTable({ instances }: { instances: OpsOverview['instances'] }) {
  return (
    <section aria-labelledby="ops-instances-title" className="min-w-0 space-y-2">
      <h2 id="ops-instances-title" className="text-xl font-semibold text-slate-950">
        Web instances <span className="text-base font-normal text-slate-600">({instances.length})</span>
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3">
        <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
          <caption className="sr-only">Web instances, oldest first</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className={th}>Instance</th>
              <th scope="col" className={th}>Port</th>
              <th scope="col" className={th}>Sockets</th>
              <th scope="col" className={th}>Subscriptions</th>
              <th scope="col" className={th}>Archiving</th>
              <th scope="col" className={th}>Heartbeat</th>
            </tr>
          </thead>
          <tbody>
            {instances.map((i) => (
              <tr key={i.instanceId} data-instance={i.instanceId} className="border-b border-slate-200 align-top">
                <th scope="row" className="break-all py-2 pr-3 font-medium text-slate-900">
                  {i.instanceId}
                  <span className="block text-xs font-normal text-slate-600">since {new Date(i.startedAt).toLocaleString()}</span>
                </th>
                <td className="py-2 pr-3 tabular-nums">{i.port}</td>
                <td className="py-2 pr-3 tabular-nums" data-sockets={i.socketsOpen}>{i.socketsOpen}</td>
                <td className="py-2 pr-3 tabular-nums">{i.subscriptions}</td>
                <td className="py-2 pr-3">{i.archivePending === null ? 'no' : `yes, ${i.archivePending} pending`}</td>
                <td className="py-2 tabular-nums">{ageText(i.heartbeatAgeMs)} ago</td>
              </tr>
            ))}
          </tbody>
        </table>
        {instances.length === 0 ? <p className="py-2 text-slate-700">No web instance has reported in.</p> : null}
      </div>
    </section>
  );
}
