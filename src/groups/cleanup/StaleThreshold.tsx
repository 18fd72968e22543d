import { useId, useState } from 'react';
import { CONTROL } from '../../components/styles';

const SHORTCUTS = ['30s', '5m', '15m', '1h', '6h', '1d', '7d'];

/** "Stale after [1h]": a duration like 30s, 5m, 1h or 1d, applied on Enter or when leaving the box. */
export function StaleThreshold({ value, onChange }: { value: string; onChange: (text: string) => boolean }) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const listId = useId();
  const errorId = useId();
  const apply = () => setInvalid(!onChange(draft));
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-sm">
      <label className="inline-flex items-center gap-1 text-slate-600 dark:text-slate-300">
        Stale after
        <input
          type="text"
          list={listId}
          value={draft}
          size={5}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          className={`${CONTROL} font-mono aria-invalid:border-red-600`}
        />
      </label>
      <datalist id={listId}>
        {SHORTCUTS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {invalid && (
        <span id={errorId} className="text-red-700 dark:text-red-300">
          Use a duration like 30s, 5m, 1h or 1d.
        </span>
      )}
    </span>
  );
}
