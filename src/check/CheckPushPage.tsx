import { useId, useState, type FormEvent } from 'react';
import { useGateways } from '../config/ConfigContext';
import { servedByServer } from '../config/config';
import { Card } from '../components/Card';
import { button, CONTROL } from '../components/styles';
import { checkPush, type Verdict } from './api';

const EXAMPLE = '# TYPE backup_last_success_seconds gauge\nbackup_last_success_seconds 1.7e9\n';

interface Pair {
  id: number;
  name: string;
  value: string;
}

type Outcome = { verdict: Verdict } | { error: string } | null;

/**
 * Says, without pushing, whether the gateway would take a body for a grouping key, in its own
 * words where it would refuse it (the server's `-/pushboard/check/…`). Nothing reaches the gateway.
 */
export function CheckPushPage() {
  const gateways = useGateways();
  const [job, setJob] = useState('');
  const [pairs, setPairs] = useState<Pair[]>([]);
  const [method, setMethod] = useState<'PUT' | 'POST'>('PUT');
  const [gateway, setGateway] = useState(gateways?.[0]?.name ?? '');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [nextId, setNextId] = useState(1);
  const id = useId();

  if (!servedByServer()) {
    return (
      <Card title="Check a push">
        <p className="text-sm">
          The push check is answered by the Pushboard server; this copy of the app runs without it.
        </p>
      </Card>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const labels: Record<string, string> = { job };
      for (const pair of pairs) if (pair.name !== '') labels[pair.name] = pair.value;
      const verdict = await checkPush({ labels, body, method, ...(gateways ? { gateway } : {}) });
      setOutcome({ verdict });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const update = (changed: Pair) => setPairs((list) => list.map((p) => (p.id === changed.id ? changed : p)));

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Check a push</h1>
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Whether the gateway would accept a body for a group, and if not, what it would answer: checked against what it
        holds now, without pushing anything.
      </p>
      <form onSubmit={submit} className="space-y-3" aria-label="Push to check">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            Job
            <input className={CONTROL} value={job} required onChange={(e) => setJob(e.target.value)} />
          </label>
          <fieldset className="flex items-center gap-3 text-sm">
            <legend className="sr-only">Method</legend>
            {(['PUT', 'POST'] as const).map((m) => (
              <label key={m} className="inline-flex items-center gap-1">
                <input type="radio" name={`${id}-method`} checked={method === m} onChange={() => setMethod(m)} />
                {m === 'PUT' ? 'PUT (replace the group)' : 'POST (replace the families pushed)'}
              </label>
            ))}
          </fieldset>
          {gateways && (
            <label className="flex flex-col text-sm">
              Gateway
              <select className={CONTROL} value={gateway} onChange={(e) => setGateway(e.target.value)}>
                {gateways.map((g) => (
                  <option key={g.name}>{g.name}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        {pairs.map((pair, i) => (
          <div key={pair.id} className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col text-sm">
              {`Label ${i + 1} name`}
              <input
                className={CONTROL}
                value={pair.name}
                onChange={(e) => update({ ...pair, name: e.target.value })}
              />
            </label>
            <label className="flex flex-col text-sm">
              {`Label ${i + 1} value`}
              <input
                className={CONTROL}
                value={pair.value}
                onChange={(e) => update({ ...pair, value: e.target.value })}
              />
            </label>
            <button
              type="button"
              className={button('quiet')}
              onClick={() => setPairs((list) => list.filter((p) => p.id !== pair.id))}
            >
              {`Remove label ${i + 1}`}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={button('plain')}
          onClick={() => {
            setPairs((list) => [...list, { id: nextId, name: '', value: '' }]);
            setNextId(nextId + 1);
          }}
        >
          Add a grouping label
        </button>
        <label className="flex flex-col text-sm">
          Body (text format)
          <textarea
            className={`${CONTROL} font-mono`}
            rows={8}
            value={body}
            placeholder={EXAMPLE}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        <button type="submit" className={button('primary')} disabled={busy}>
          {busy ? 'Checking…' : 'Check'}
        </button>
      </form>
      <div aria-live="polite">{outcome && <Result outcome={outcome} />}</div>
    </div>
  );
}

function Result({ outcome }: { outcome: NonNullable<Outcome> }) {
  if ('error' in outcome) {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        {outcome.error}
      </p>
    );
  }
  const { verdict } = outcome;
  const version = verdict.gateway.version ? ` ${verdict.gateway.version}` : '';
  return (
    <section aria-label="Verdict" className="space-y-2 text-sm text-slate-800 dark:text-slate-100">
      <h2
        className={`font-semibold ${verdict.accepted ? 'text-teal-800 dark:text-teal-300' : 'text-red-800 dark:text-red-300'}`}
      >
        {verdict.accepted
          ? `The gateway${version} would accept this push.`
          : `The gateway${version} would refuse this push.`}
      </h2>
      {!verdict.accepted && (
        <figure>
          <figcaption>
            {verdict.varies
              ? 'It would answer (its wording may name the clashing families the other way round):'
              : 'It would answer:'}
          </figcaption>
          <blockquote className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 dark:bg-slate-800 p-2 font-mono text-xs [overflow-wrap:anywhere]">
            {verdict.answer}
          </blockquote>
        </figure>
      )}
      {verdict.notes.length > 0 && (
        <ul aria-label="Notes" className="list-disc pl-5">
          {verdict.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
