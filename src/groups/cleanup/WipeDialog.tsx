import { useId, useState } from 'react';
import { button, CONTROL } from '../../components/styles';
import type { Group } from '../../../core/metrics-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countOf } from '../../lib/format';
import { backupText, downloadText } from './backup';

interface Props {
  /** The gateway's groups, as the person sees them. */
  groups: readonly Group[];
  /** With several gateways, the one wiped; the others are not touched. */
  gateway?: string;
  onConfirm: (request: { groups: readonly Group[]; gateway?: string }) => void;
  onClose: () => void;
}

/** Wiping cannot be undone: the person types the number of groups, and may download them first. */
export function WipeDialog({ groups, gateway, onConfirm, onClose }: Props) {
  const on = gateway !== undefined ? ` on ${gateway}` : '';
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const expected = String(groups.length);
  const download = () => {
    const now = Date.now();
    downloadText(
      backupText(groups, now),
      `pushgateway-backup-${gateway !== undefined ? `${gateway}-` : ''}${new Date(now).toISOString().replace(/[:.]/g, '-')}.txt`,
    );
  };
  return (
    <ConfirmDialog
      title={`Delete all groups${on}`}
      confirmLabel={`Delete all groups${on}`}
      confirmDisabled={typed.trim() !== expected}
      onConfirm={() => onConfirm(gateway !== undefined ? { groups, gateway } : { groups })}
      onClose={onClose}
      extra={
        <button type="button" onClick={download} className={button('plain', 'px-3 py-1.5 font-normal')}>
          Download everything first
        </button>
      }
    >
      <p>
        This wipes the gateway{gateway !== undefined ? ` ${gateway}` : ''}: all{' '}
        {countOf(groups.length, 'group', 'groups')} and their metrics are deleted, and this{' '}
        <strong>cannot be undone</strong>.{gateway !== undefined && ' The other gateways are not touched.'} Download
        everything first to keep a copy as text exposition.
      </p>
      <label htmlFor={inputId} className="mt-3 block font-medium text-slate-900 dark:text-slate-50">
        Type {expected} to confirm
      </label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        className={`${CONTROL} mt-1 w-32 font-mono`}
      />
    </ConfirmDialog>
  );
}
