import { useGatewayClient } from '../gateway/client-context';
import { CopyableCode } from '../components/CopyableCode';

/** What an empty gateway looks like: say so, and show how to push a first metric. */
export function EmptyGateway() {
  const { url } = useGatewayClient();
  const command = `echo 'some_metric 3.14' | curl --data-binary @- ${url('metrics/job/some_job')}`;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-8 text-center">
      <div aria-hidden="true" className="text-3xl text-slate-400 dark:text-slate-500">
        ∅
      </div>
      <h2 className="mt-2 text-lg font-semibold text-slate-800 dark:text-slate-100">
        This gateway holds no groups yet
      </h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Push a first metric and it appears here within one refresh:
      </p>
      <div className="mx-auto mt-4 max-w-full">
        <CopyableCode code={command} label="Copy command" className="bg-slate-900 dark:bg-slate-950 text-slate-100" />
      </div>
    </div>
  );
}
