import { button } from '../components/styles';

/** The whole app failed to render: say what happened and offer a reload, instead of a blank page. */
export function AppCrash({ error }: { error: Error }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <div
        role="alert"
        className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 p-4 text-sm text-red-900 dark:text-red-200"
      >
        <h1 className="text-lg font-semibold">Pushboard stopped with an error</h1>
        <p className="mt-2 font-mono [overflow-wrap:anywhere]">{error.message}</p>
        <p className="mt-2">Nothing was changed on the gateway. Reloading the page usually helps.</p>
        <button type="button" className={button('plain', 'mt-3')} onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
