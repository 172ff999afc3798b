import { LANES, type Lane, type LaneState } from '~/shared/run-state';
import { StageLane } from './stage-lane';

/** One lane per stage, in pipeline order; side by side on wide screens, stacked on a phone. */
export function StageLanes({ lanes }: { lanes: Readonly<Record<Lane, LaneState>> }) {
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title" className="sr-only">
        Stages
      </h2>
      <ol aria-label="Stages" className="grid grid-cols-1 gap-2 sm:grid-cols-2 sm:gap-3 lg:grid-cols-3 xl:grid-cols-6">
        {LANES.map((lane) => (
          <StageLane key={lane} lane={lane} state={lanes[lane]} />
        ))}
      </ol>
    </section>
  );
}
