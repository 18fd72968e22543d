import { formatValue } from '../../core/values';
import { Tip } from './Tip';

/** A sample value in readable form; the exact value on hover/focus when the two differ. */
export function Value({ raw }: { raw: string }) {
  const readable = formatValue(raw);
  const text = (
    <data value={raw} className="font-mono tabular-nums">
      {readable}
    </data>
  );
  return readable === raw ? text : <Tip tip={`exact: ${raw}`}>{text}</Tip>;
}
