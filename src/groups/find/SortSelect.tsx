import { CONTROL } from '../../components/styles';
import { SORT_KEYS, SORT_LABELS, type SortKey } from './filter';
import type { FindState } from './useFindState';

/** The "Sort by" choices: the job overview in two orders, then the flat sorts of groups. */
const sortValue = (find: FindState) => (find.sort === 'job' && find.jobOrder === 'name' ? 'job-name' : find.sort);

/** The order of the list, in the Options menu: jobs by attention or name, or one flat list. */
export function SortSelect({
  find,
  overdueKnown,
  className,
}: {
  find: FindState;
  overdueKnown: boolean;
  className: string;
}) {
  return (
    <label className={className}>
      Sort by
      <select
        className={`${CONTROL} max-w-[14rem]`}
        value={sortValue(find)}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'job' || v === 'job-name') {
            find.setSort('job');
            find.setJobOrder(v === 'job' ? 'attention' : 'name');
          } else find.setSort(v as SortKey);
        }}
      >
        <option value="job">Jobs: attention first</option>
        <option value="job-name">Jobs: by name</option>
        {SORT_KEYS.filter((key) => key !== 'job' && (key !== 'overdue' || overdueKnown || find.sort === key)).map(
          (key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ),
        )}
      </select>
    </label>
  );
}
