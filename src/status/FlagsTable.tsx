import { byCodeUnits } from '../../core/selector';

export function FlagsTable({
  flags,
  caption = 'Command-line flags of the gateway',
}: {
  flags: Readonly<Record<string, string>>;
  caption?: string;
}) {
  const names = Object.keys(flags).sort(byCodeUnits);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th className="px-2 py-1 text-left text-xs font-medium text-slate-500 dark:text-slate-400">Flag</th>
            <th className="px-2 py-1 text-left text-xs font-medium text-slate-500 dark:text-slate-400">Value</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-2 py-1 font-mono">--{name}</td>
              <td className="px-2 py-1 font-mono break-all">
                {flags[name] === '' ? <span className="text-slate-500 dark:text-slate-400">(empty)</span> : flags[name]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
