import { gatewayUrl } from '../gateway/client';

/** What an empty gateway looks like: say so, and show how to push a first metric. */
export function EmptyGateway() {
  const command = `echo 'some_metric 3.14' | curl --data-binary @- ${gatewayUrl('metrics/job/some_job')}`;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-8 text-center">
      <h2 className="text-lg font-semibold text-slate-800 dark:text-slate-100">This gateway holds no groups yet</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Push a first metric and it appears here within one refresh:
      </p>
      <pre className="mx-auto mt-4 max-w-full overflow-x-auto rounded bg-slate-900 dark:bg-slate-800 p-3 text-left font-mono text-sm text-slate-100 dark:text-slate-900">
        <code>{command}</code>
      </pre>
    </div>
  );
}
