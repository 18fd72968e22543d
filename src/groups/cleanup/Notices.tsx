import { useState } from 'react';
import { countOf } from '../../lib/format';
import { NoticeCard, type NoticeActions } from './NoticeCard';
import { foldNotices, type Notice } from './notice-types';
import { cleanupKeys, usePending } from './mutations';
import { button } from '../../components/styles';

/**
 * Outcomes of deletes, undos and wipes. Failures stay until dismissed; of the successes only the
 * newest few are in view, older ones fold into one line (still there, still undoable, and still
 * leaving after their time).
 */
export function Notices({ notices, ...actions }: { notices: Notice[] } & NoticeActions) {
  const [unfolded, setUnfolded] = useState(false);
  const folded = foldNotices(notices);
  const restoring = usePending(cleanupKeys.restore);
  const deleting = usePending(cleanupKeys.delete);
  const busy = (n: Notice) => [...restoring, ...deleting].filter((r) => r.noticeId === n.id).flatMap((r) => r.groups);
  return (
    <section
      aria-label="Notices"
      className="fixed right-4 bottom-4 z-30 flex max-h-[calc(100vh-2rem)] w-[min(28rem,calc(100vw-2rem))] flex-col gap-2 overflow-auto"
    >
      {folded.size > 0 && (
        <button
          type="button"
          aria-expanded={unfolded}
          className={button('plain', 'self-end shadow')}
          onClick={() => setUnfolded(!unfolded)}
        >
          {unfolded ? 'Fold' : 'Show'} {countOf(folded.size, 'earlier notice', 'earlier notices')}
        </button>
      )}
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} hidden={!unfolded && folded.has(n.id)} pending={busy(n)} {...actions} />
      ))}
    </section>
  );
}
