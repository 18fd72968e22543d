import { useId, useRef, type ReactNode } from 'react';
import { CONTROL } from '../../components/styles';
import { useGlobalKeydown } from '../../lib/useGlobalKeydown';
import type { FindState } from './useFindState';
import { useGateways } from '../../config/ConfigContext';
import type { StateFilter } from '../states';
import { StateFilters } from './StateFilters';

interface Props {
  find: FindState;
  error: string | undefined;
  /** Each state quick filter's count within the other filters; null while the snapshot is loading. */
  stateCounts: Readonly<Record<StateFilter, number>> | null;
  /** Whether usual intervals are known (the Overdue filter). */
  overdueKnown: boolean;
  /** The rest, each a button with its panel at the end of the row: options, actions (export). */
  children?: ReactNode;
}

/**
 * The page's one toolbar row: the filter box (`/` focuses it, Esc clears it), the state quick
 * filters, and the menus given as children. The order and the row density are set-and-forget
 * choices, kept in the Options menu: at 1280 px the five quick filters need 560 px, and with the
 * order and density in the row they were cut off mid-word.
 */
export function FilterBar({ find, error, stateCounts, overdueKnown, children }: Props) {
  const gateways = useGateways();
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const change = find.setText;

  useGlobalKeydown((e) => {
    if (e.key !== '/') return false;
    input.current?.focus();
    input.current?.select();
    return true;
  });

  return (
    <div className="flex flex-wrap items-start gap-x-1.5 gap-y-1.5 xl:flex-nowrap [&>*]:shrink-0">
      <div className="min-w-[8rem] flex-1 !shrink basis-36 max-sm:basis-full md:min-w-[14rem]">
        <label className="sr-only" htmlFor={`${errorId}-input`}>
          Filter groups
        </label>
        <input
          id={`${errorId}-input`}
          ref={input}
          data-list-entry
          type="search"
          value={find.text}
          // Short enough to show whole in the narrowest box (14rem beside the chips from 768 px; a row of its
          // own on a phone); the fuller syntax is in its tooltip, the shortcut (/) in the
          // shortcuts dialog.
          placeholder={gateways ? 'Filter: text, @gateway' : 'Filter: text or job="x"'}
          title={`Free text, or matchers: job="backup", instance=~"db-.*"${gateways ? ', @gateway="name"' : ''} (press / to focus)`}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && find.text) {
              e.preventDefault();
              change('');
            }
          }}
          className={`${CONTROL} w-full font-mono aria-invalid:border-red-600`}
        />
        {error && (
          <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      {/* One row from 1280 px on, where the five chips fit whole; narrower, the chips take a line
          of their own under the filter and the menus, rather than being cut off. With more chips
          than room (a malformed group, four-digit counts) they scroll sideways. */}
      <div className="relative -mx-1 flex max-w-full min-w-0 !shrink items-center gap-2 overflow-x-auto px-1 pb-0.5 max-xl:order-last max-xl:w-full">
        <StateFilters find={find} counts={stateCounts} overdueKnown={overdueKnown} />
      </div>
      {children}
    </div>
  );
}
