import { memo, useId } from 'react';
import { button } from '../components/styles';
import type { Group } from '../../core/metrics-types';
import { FamilyView } from '../metrics/FamilyView';
import { LabelPairs } from '../metrics/LabelPairs';
import { Freshness } from './Freshness';
import { GroupTools } from './GroupTools';
import { StateBadge } from '../components/state';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { countOf } from '../lib/format';
import { useCleanup } from './cleanup/CleanupContext';
import { PruneBadge } from '../prune/PruneBadge';
import { CadenceBadge } from '../health/CadenceBadge';
import { PrometheusSeen } from '../health/PrometheusSeen';
import { FailedPushNote, PushHistory } from '../health/PushHistory';
import type { Duplicate } from '../../core/duplicates';
import { DuplicatesNote, GatewayChip } from './GatewayMarks';
import { GatewayDownMark } from './GatewaysDown';
import { groupTitle } from '../../core/gateway-key';
import { QuirkHint } from './QuirkHint';
import { GroupLine } from './GroupLine';
import { statesOf, type StateContext } from './states';

/** One group: its instance and other grouping labels, freshness, and its families on demand. */
interface Props {
  group: Group;
  stale: boolean;
  selected: boolean;
  expanded: boolean;
  onToggle: (key: string) => void;
  /** Show the job too (in lists not arranged by job). */
  showJob: boolean;
  /** With several gateways: the others holding this group's grouping key, if any. */
  duplicates?: readonly Duplicate[] | undefined;
  /** One line a group (compact mode), with its states' marks (judged with this). */
  compact?: boolean;
  stateContext?: StateContext | undefined;
}

/** One group; a group that cannot be drawn shows why, and never takes the list down with it. */
export const GroupCard = memo(function GroupCard(props: Props) {
  const { group } = props;
  return (
    <ErrorBoundary resetKey={group} fallback={(error) => <BrokenGroup group={group} error={error} />}>
      <GroupCardBody {...props} />
    </ErrorBoundary>
  );
});

function BrokenGroup({ group, error }: { group: Group; error: Error }) {
  return (
    <article
      aria-label={groupTitle(group)}
      className="rounded-md border border-orange-400 dark:border-orange-700 bg-white dark:bg-slate-900 px-4 py-2.5 text-sm text-orange-900 dark:text-orange-200"
    >
      <span aria-hidden="true">⚠ </span>
      <strong>This group cannot be shown:</strong> <span className="[overflow-wrap:anywhere]">{error.message}</span>{' '}
      <code className="font-mono text-xs text-slate-700 dark:text-slate-200 [overflow-wrap:anywhere]">
        {group.selector}
      </code>
    </article>
  );
}

function GroupCardBody({
  group,
  stale,
  selected,
  expanded,
  onToggle,
  showJob,
  duplicates,
  compact,
  stateContext,
}: Props) {
  const { readOnly, setSelected, requestDelete } = useCleanup();
  const panelId = useId();
  const { instance: _instance, job: _job, ...otherLabels } = group.labels;
  const name = groupTitle(group);
  return (
    <article
      aria-label={name}
      className={
        compact
          ? `border-b bg-white dark:bg-slate-900 ${expanded ? 'rounded-md border shadow-xs' : ''} ${group.problem ? 'border-orange-400 dark:border-orange-700' : 'border-slate-200 dark:border-slate-700'}`
          : `rounded-md border bg-white dark:bg-slate-900 shadow-xs ${group.problem ? 'border-orange-400 dark:border-orange-700' : 'border-slate-200 dark:border-slate-700'}`
      }
    >
      {compact ? (
        <GroupLine
          group={group}
          states={stateContext ? statesOf(group, stateContext) : []}
          selected={selected}
          expanded={expanded}
          panelId={panelId}
          onToggle={onToggle}
          showJob={showJob}
          readOnly={readOnly}
          onSelect={(checked) => setSelected([group.key], checked)}
          onDelete={() => requestDelete([group], 'Delete group')}
        />
      ) : (
        <div className="group/key flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-1.5">
          {!readOnly && (
            <input
              type="checkbox"
              aria-label={`Select ${name}`}
              checked={selected}
              onChange={(e) => setSelected([group.key], e.target.checked)}
              className="size-4 accent-teal-700"
            />
          )}
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1">
            {group.gateway !== undefined && <GatewayChip gateway={group.gateway} />}
            {group.gateway !== undefined && <GatewayDownMark gateway={group.gateway} />}
            {showJob && (
              <span
                className="max-w-full truncate font-mono group-has-[:focus-visible]/key:whitespace-normal group-has-[:focus-visible]/key:[overflow-wrap:anywhere] text-sm text-slate-600 dark:text-slate-300"
                title={group.job}
              >
                <bdi>{group.job}</bdi>
              </span>
            )}
            <span
              className="max-w-full truncate font-mono group-has-[:focus-visible]/key:whitespace-normal group-has-[:focus-visible]/key:[overflow-wrap:anywhere] text-[0.95rem] font-semibold text-slate-900 dark:text-slate-50"
              title={group.instance}
            >
              {group.instance !== undefined ? (
                <bdi>{group.instance === '' ? '""' : group.instance}</bdi>
              ) : (
                <span className="font-sans font-normal text-slate-500 dark:text-slate-400 italic">no instance</span>
              )}
            </span>
            <LabelPairs labels={otherLabels} empty={null} />
          </div>
          <PruneBadge group={group} />
          <CadenceBadge group={group} />
          {stale && <StateBadge state="stale">Stale</StateBadge>}
          <Freshness group={group} stale={stale} />
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={panelId}
            data-group-toggle={group.key}
            data-row-toggle={group.key}
            onClick={() => onToggle(group.key)}
            className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-teal-800 dark:text-teal-300 hover:bg-teal-50 dark:hover:bg-teal-950 focus-visible:outline-2 focus-visible:outline-teal-600"
          >
            <span aria-hidden="true" className={`transition-transform ${expanded ? 'rotate-90' : ''}`}>
              ▸
            </span>
            {countOf(group.families.length, 'family', 'families')}, {countOf(group.sampleCount, 'series', 'series')}
          </button>
          {!readOnly && (
            <button
              type="button"
              onClick={() => requestDelete([group], 'Delete group')}
              className={button('quietDanger', 'px-2 font-normal')}
            >
              Delete group
            </button>
          )}
        </div>
      )}
      {group.problem && (!compact || expanded) && (
        <p className="border-t border-orange-200 dark:border-orange-800 bg-orange-50 dark:bg-orange-950 px-4 py-1.5 text-sm text-orange-900 dark:text-orange-200">
          <span aria-hidden="true">⚠ </span>
          <strong>Malformed group:</strong> {group.problem}
        </p>
      )}
      {(!compact || expanded) && <QuirkHint group={group} />}
      {duplicates && duplicates.length > 0 && (!compact || expanded) && <DuplicatesNote duplicates={duplicates} />}
      <div id={panelId} hidden={!expanded}>
        {expanded && (
          <GroupTools group={group} readOnly={readOnly}>
            <PushHistory group={group} sayRhythm={!!compact} />
          </GroupTools>
        )}
        {expanded && <FailedPushNote group={group} />}
        {expanded && <PrometheusSeen group={group} />}
        {expanded && group.families.map((f) => <FamilyView key={f.name} family={f} groupLabels={group.labels} />)}
        {expanded && group.families.length === 0 && (
          <p className="border-t border-slate-200 dark:border-slate-700 px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
            No metric families: this group has never been pushed successfully.
          </p>
        )}
      </div>
    </article>
  );
}
